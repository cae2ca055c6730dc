// Finds configured readers and scanners, opens them, keeps them open across unplugs: enumeration
// every `enumerateMs` (slow on purpose: enumeration is costly), an 'error' on an open handle means
// the device is gone (node-hid: "could not read from HID device") → close, forget, report; when the
// device shows up again in an enumeration it is reopened. Open and close run one at a time: rapid
// toggling crashes some hidapi builds inside Electron.
import { CardError, frameCodecByName } from '../../../shared/card';
import type { CardSourceInfo } from '../../../shared/card';
import type { CardConfig } from './config';
import { deviceLabel, matchDevice } from './device-match';
import type { DeviceRole } from './device-match';
import type { HidDeviceInfo, HidHandle, HidModule } from './hid-port';
import { createHidTransport } from './hid-transport';
import { startReaderSource } from './reader-source';
import type { SourceSink } from './reader-source';
import { startScannerSource } from './scanner-source';
import type { VirtualDevice } from './simulated-reader';

export interface OpenDevice {
  path: string;
  info: HidDeviceInfo;
  role: DeviceRole['role'];
  label: string;
  virtual: boolean;
}

export interface DeviceNotice {
  code: 'DEVICE_CONNECTED' | 'DEVICE_UNPLUGGED' | 'DEVICE_OPEN_FAILED' | 'HID_UNAVAILABLE' | 'PSAM_NEEDED';
  deviceId: string;
  message_zh: string;
  message_en: string;
}

export interface DeviceManagerOptions {
  config: CardConfig;
  /** node-hid or a fake; a loader rejecting means node-hid is unavailable (virtual devices still work). */
  hid: () => Promise<HidModule>;
  virtualDevices: VirtualDevice[];
  today: () => string;
  sink: SourceSink;
  onChange: (notice: DeviceNotice | null) => void;
}

interface Entry extends OpenDevice {
  handle: HidHandle;
  stop(): void;
}

export function createDeviceManager(opts: DeviceManagerOptions) {
  const open = new Map<string, Entry>();
  const failed = new Set<string>(); // paths that refused to open: retried once they disappear
  let ops: Promise<unknown> = Promise.resolve(); // open/close, one at a time
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let hidModule: HidModule | null = null;
  let hidProblemReported = false;

  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = ops.then(fn);
    ops = run.catch(() => undefined);
    return run;
  };

  async function enumerate(): Promise<Array<{ info: HidDeviceInfo; virtual?: VirtualDevice }>> {
    const found: Array<{ info: HidDeviceInfo; virtual?: VirtualDevice }> = opts.virtualDevices.map((v) => ({
      info: v.info,
      virtual: v,
    }));
    try {
      hidModule ??= await opts.hid();
      for (const info of await hidModule.devicesAsync()) found.push({ info });
    } catch (e) {
      if (!hidProblemReported) {
        hidProblemReported = true;
        const why = e instanceof Error ? e.message : String(e);
        opts.onChange({
          code: 'HID_UNAVAILABLE',
          deviceId: 'node-hid',
          message_zh: `无法访问 USB HID 设备：${why}`,
          message_en: `USB HID devices are not accessible: ${why}`,
        });
      }
    }
    return found;
  }

  async function startSource(
    path: string,
    info: HidDeviceInfo,
    role: DeviceRole,
    handle: HidHandle,
    label: string,
    isVirtual: boolean,
  ): Promise<() => void> {
    const source: CardSourceInfo = {
      kind: isVirtual ? 'simulated' : role.role === 'reader' ? 'hid-reader' : 'hid-pos',
      deviceId: path,
      label,
      ...(isVirtual ? {} : { vendorId: info.vendorId, productId: info.productId }),
    };
    if (role.role === 'reader') {
      const codec = frameCodecByName(role.model.framing);
      if (!codec) throw new Error(`unknown framing ${role.model.framing}`); // config schema prevents this
      const transport = createHidTransport(handle, {
        codec,
        reportSize: role.model.reportSize,
        reportId: role.model.reportId,
        timeoutMs: opts.config.frameTimeoutMs,
      });
      const reader = startReaderSource({
        transport,
        source,
        slot: role.model.slot,
        pollMs: opts.config.cardPollMs,
        today: opts.today,
        sink: opts.sink,
      });
      void transport.gone.then(() => lost(path));
      return () => {
        reader.stop();
        transport.detach();
      };
    } else {
      const onError = () => lost(path);
      handle.on('error', onError);
      const scanner = await startScannerSource({
        handle,
        source,
        switchToHidPos: role.model.switchToHidPos,
        scanGapMs: opts.config.scanGapMs,
        sink: opts.sink,
      }).catch((e: unknown) => {
        handle.removeListener('error', onError as (...args: unknown[]) => void);
        throw e;
      });
      return () => {
        scanner.stop();
        handle.removeListener('error', onError as (...args: unknown[]) => void);
      };
    }
  }

  /** A device that would not open (or start): remembered so polling does not retry it at once, and told. */
  function openFailed(path: string, e: unknown): void {
    failed.add(path);
    const err = new CardError('DEVICE_OPEN_FAILED', {
      detail: `${path}: ${e instanceof Error ? e.message : String(e)}`,
    });
    opts.sink.error(err, path);
    opts.onChange({
      code: 'DEVICE_OPEN_FAILED',
      deviceId: path,
      message_zh: err.message_zh,
      message_en: err.message_en,
    });
  }

  async function openDevice(
    info: HidDeviceInfo,
    role: DeviceRole,
    virtual: VirtualDevice | undefined,
  ): Promise<void> {
    const path = info.path as string;
    let handle: HidHandle;
    try {
      handle = virtual ? await virtual.open() : await (hidModule as HidModule).HIDAsync.open(path);
    } catch (e) {
      openFailed(path, e);
      return;
    }
    // An 'error' event with no listener would crash the process (EventEmitter semantics); node-hid
    // can emit one late, after we closed the handle. This listener stays for the handle's lifetime.
    handle.on('error', () => undefined);
    const label = deviceLabel(info, role.model.name);
    let stop: () => void;
    try {
      stop = await startSource(path, info, role, handle, label, virtual !== undefined);
    } catch (e) {
      // e.g. the HID-POS mode switch refused: give the handle back and treat it as an open failure.
      await handle.close().catch(() => undefined);
      openFailed(path, e);
      return;
    }
    open.set(path, { path, info, role: role.role, label, virtual: virtual !== undefined, handle, stop });
    opts.onChange({
      code: 'DEVICE_CONNECTED',
      deviceId: path,
      message_zh: `已连接：${label}`,
      message_en: `Connected: ${label}`,
    });
  }

  async function closeDevice(path: string): Promise<Entry | undefined> {
    const entry = open.get(path);
    if (!entry) return undefined;
    open.delete(path);
    entry.stop();
    await entry.handle.close().catch(() => undefined); // a vanished device may refuse to close
    return entry;
  }

  function lost(path: string): void {
    void serial(async () => {
      const entry = await closeDevice(path);
      if (!entry) return;
      const what = entry.role === 'reader' ? ['读卡器', 'reader'] : ['扫码器', 'scanner'];
      const err = new CardError('READER_UNPLUGGED', {
        detail: path,
        text: {
          zh: `${what[0]}已拔出：${entry.label}`,
          en: `The ${what[1]} was unplugged: ${entry.label}`,
        },
      });
      opts.sink.error(err, path);
      opts.onChange({
        code: 'DEVICE_UNPLUGGED',
        deviceId: path,
        message_zh: err.message_zh,
        message_en: err.message_en,
      });
    });
  }

  async function rescan(): Promise<void> {
    const found = await enumerate();
    const present = new Set<string>();
    for (const { info, virtual } of found) {
      if (!info.path) continue;
      const role = virtual
        ? ({ role: 'reader', model: virtual.model } as const)
        : matchDevice(info, opts.config);
      if (!role) continue;
      present.add(info.path);
      if (open.has(info.path) || failed.has(info.path)) continue;
      await serial(() =>
        open.has(info.path as string) ? Promise.resolve() : openDevice(info, role, virtual),
      );
    }
    for (const path of [...failed]) if (!present.has(path)) failed.delete(path);
    for (const path of [...open.keys()]) if (!present.has(path)) lost(path);
    await ops;
  }

  async function loop(): Promise<void> {
    if (!running) return;
    try {
      await rescan();
    } catch (e) {
      // Nothing in a pass should throw; if it does, say so and keep watching for devices.
      opts.sink.error(
        new CardError('READER_NOT_FOUND', {
          detail: `enumeration: ${e instanceof Error ? e.message : String(e)}`,
        }),
        'device-manager',
      );
    } finally {
      if (running) timer = setTimeout(() => void loop(), opts.config.enumerateMs);
    }
  }

  return {
    /** Starts enumeration; resolves after the first pass, so devices present at start are open. */
    async start(): Promise<void> {
      running = true;
      await rescan();
      timer = setTimeout(() => void loop(), opts.config.enumerateMs);
    },
    rescan,
    async stop(): Promise<void> {
      running = false;
      clearTimeout(timer);
      await serial(async () => {
        for (const path of [...open.keys()]) await closeDevice(path);
      });
    },
    devices(): OpenDevice[] {
      return [...open.values()].map(({ path, info, role, label, virtual }) => ({
        path,
        info,
        role,
        label,
        virtual,
      }));
    },
    /** Every HID device visible now, with the role the config gives it (for the settings screen). */
    async listDevices(): Promise<Array<{ info: HidDeviceInfo; role: DeviceRole['role'] | null }>> {
      const found = await enumerate();
      return found.map(({ info, virtual }) => ({
        info,
        role: virtual ? 'reader' : (matchDevice(info, opts.config)?.role ?? null),
      }));
    },
  };
}

export type DeviceManager = ReturnType<typeof createDeviceManager>;
