// The slice of node-hid the card service uses. The device manager depends on this shape only, so
// tests inject a fake at node-hid's HIDAsync surface and the simulated reader plugs in beside the
// real devices. Production loads node-hid lazily: a machine without libusb still starts the app.

export interface HidDeviceInfo {
  vendorId: number;
  productId: number;
  path?: string;
  serialNumber?: string;
  manufacturer?: string;
  product?: string;
  release: number;
  interface: number;
  usagePage?: number;
  usage?: number;
}

/** An open device: node-hid's HIDAsync (EventEmitter with 'data' and 'error'). */
export interface HidHandle {
  on(event: 'data', listener: (data: Buffer | Uint8Array) => void): unknown;
  on(event: 'error', listener: (err: unknown) => void): unknown;
  removeListener(event: 'data' | 'error', listener: (...args: unknown[]) => void): unknown;
  write(values: number[] | Buffer): Promise<number>;
  sendFeatureReport(data: number[] | Buffer): Promise<number>;
  close(): Promise<void>;
}

export interface HidModule {
  devicesAsync(): Promise<HidDeviceInfo[]>;
  HIDAsync: { open(path: string): Promise<HidHandle> };
}

/**
 * Loads node-hid on first use. node-hid loads its native binding on the first call, not on import,
 * so a missing libusb surfaces from devicesAsync(): the wrapper names the fix in that message.
 */
export async function loadNodeHid(): Promise<HidModule> {
  const hint = (e: unknown) =>
    new Error(
      `node-hid could not load its binding (on Linux install libusb-1.0-0): ${e instanceof Error ? e.message : String(e)}`,
    );
  let mod: HidModule;
  try {
    const imported = (await import('node-hid')) as unknown as HidModule & { default?: HidModule };
    mod = typeof imported.devicesAsync === 'function' ? imported : (imported.default as HidModule);
  } catch (e) {
    throw hint(e);
  }
  return {
    async devicesAsync() {
      try {
        return await mod.devicesAsync();
      } catch (e) {
        throw hint(e);
      }
    },
    HIDAsync: { open: (path: string) => mod.HIDAsync.open(path) },
  };
}
