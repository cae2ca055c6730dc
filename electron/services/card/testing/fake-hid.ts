// A fake node-hid for tests, at the HIDAsync surface only: devicesAsync(), HIDAsync.open(path),
// handles with write / sendFeatureReport / close and 'data' / 'error' events. Readers behind it run
// the shared reader emulator, so replies are real frames; faults (garbled frames, unplug in the
// middle of a read, scripted APDU replies) are injected here. Used only by tests.
import { EventEmitter } from 'node:events';
import {
  createReaderEmulator,
  createSimulatedCard,
  encodeScannedDataReports,
  stxBccCodec,
} from '../../../../shared/card';
import type { DemoCardInput, EmulatedCard, FrameCodec, ReaderEmulator } from '../../../../shared/card';
import type { HidDeviceInfo, HidHandle, HidModule } from '../hid-port';

interface FakeDevice {
  info: HidDeviceInfo & { path: string };
  handle: FakeHandle | null;
  onWrite(report: Uint8Array, handle: FakeHandle): void;
  features: number[][];
  refuseFeatures?: boolean;
}

export class FakeHandle extends EventEmitter implements HidHandle {
  closed = false;
  constructor(readonly device: FakeDevice) {
    super();
  }
  async write(values: number[] | Buffer): Promise<number> {
    if (this.closed) throw new Error('Cannot write to hid device');
    this.device.onWrite(Uint8Array.from(values), this);
    return values.length;
  }
  async sendFeatureReport(data: number[] | Buffer): Promise<number> {
    if (this.device.refuseFeatures) throw new Error('could not send feature report to device');
    this.device.features.push(Array.from(data));
    return data.length;
  }
  async close(): Promise<void> {
    this.closed = true;
    if (this.device.handle === this) this.device.handle = null;
  }
  /** Sends input reports on a later tick, as USB would. */
  send(reports: Uint8Array[]): void {
    setImmediate(() => {
      for (const r of reports) if (!this.closed) this.emit('data', Buffer.from(r));
    });
  }
}

export interface FakeReaderOptions {
  path: string;
  vendorId: number;
  productId: number;
  usagePage?: number;
  product?: string;
  codec?: FrameCodec;
  reportSize?: number;
  reportId?: number | null;
  psam?: boolean;
}

export class FakeReader {
  readonly emulator: ReaderEmulator;
  readonly device: FakeDevice;
  apdus: string[] = [];
  /** Replaces the reply reports of the nth APDU frame (0-based) — garbling, truncation. */
  tamper: ((reports: Uint8Array[], apduIndex: number) => Uint8Array[]) | null = null;
  /** Pulls the cable when the nth APDU arrives (0-based): unplug in the middle of a read. */
  unplugAtApdu: number | null = null;
  private apduCount = 0;

  constructor(
    private readonly hid: FakeHid,
    readonly opts: FakeReaderOptions,
  ) {
    const codec = opts.codec ?? stxBccCodec;
    const reportSize = opts.reportSize ?? 64;
    const reportId = opts.reportId ?? null;
    this.emulator = createReaderEmulator({ codec, reportSize, psam: opts.psam ?? false });
    const decoder = codec.createDecoder();
    this.device = {
      info: {
        path: opts.path,
        vendorId: opts.vendorId,
        productId: opts.productId,
        usagePage: opts.usagePage,
        product: opts.product ?? 'Fake reader',
        release: 1,
        interface: 0,
      },
      handle: null,
      features: [],
      onWrite: (values, handle) => {
        const report = values.slice(1);
        for (const frame of decoder.push(report)) {
          let replies = codec.encode(this.emulator.answer(frame), reportSize);
          if (frame.head === 0x31) {
            const n = this.apduCount++;
            this.apdus.push(Buffer.from(frame.data).toString('hex').toUpperCase());
            if (this.unplugAtApdu === n) {
              this.hid.unplug(opts.path);
              return;
            }
            if (this.tamper) replies = this.tamper(replies, n);
          }
          handle.send(replies.map((r) => (reportId === null ? r : Uint8Array.of(reportId, ...r))));
        }
      },
    };
  }

  insert(card: DemoCardInput | EmulatedCard): void {
    this.emulator.insert('transmit' in card ? card : createSimulatedCard(card));
  }
  remove(): void {
    this.emulator.remove();
  }
  resetCounters(): void {
    this.apduCount = 0;
    this.apdus = [];
  }
}

export class FakeScanner {
  readonly device: FakeDevice;
  constructor(info: {
    path: string;
    vendorId: number;
    productId: number;
    usagePage?: number;
    product?: string;
  }) {
    this.device = {
      info: {
        ...info,
        usagePage: info.usagePage ?? 0x8c,
        usage: 0x02,
        product: info.product ?? 'Fake HID-POS scanner',
        release: 1,
        interface: 0,
      },
      handle: null,
      features: [],
      onWrite: () => undefined,
    };
  }
  /** Emits a scan as Scanned Data reports (id 2, 64 bytes, 56 data bytes each, continuation bit). */
  scan(payload: Uint8Array, aim = ']Q1'): void {
    this.sendRaw(encodeScannedDataReports(payload, aim));
  }
  sendRaw(reports: Uint8Array[]): void {
    this.device.handle?.send(reports);
  }
}

export class FakeHid implements HidModule {
  private plugged = new Map<string, FakeDevice>();
  opens: string[] = [];
  /** Paths whose open fails as with missing udev permissions. */
  refuseOpen = new Set<string>();
  /** Set when two opens or closes overlapped: the device manager must serialise them. */
  overlapped = false;
  private inFlight = 0;

  readonly HIDAsync = {
    open: async (path: string): Promise<HidHandle> => {
      this.inFlight++;
      if (this.inFlight > 1) this.overlapped = true;
      await new Promise((r) => setTimeout(r, 2));
      this.inFlight--;
      const device = this.plugged.get(path);
      if (!device || this.refuseOpen.has(path)) throw new Error(`cannot open device with path ${path}`);
      if (device.handle && !device.handle.closed) throw new Error(`device ${path} already open`);
      this.opens.push(path);
      device.handle = new FakeHandle(device);
      return device.handle;
    },
  };

  async devicesAsync(): Promise<HidDeviceInfo[]> {
    return [...this.plugged.values()].map((d) => ({ ...d.info }));
  }

  plugReader(opts: FakeReaderOptions): FakeReader {
    const reader = new FakeReader(this, opts);
    this.plugged.set(opts.path, reader.device);
    return reader;
  }

  plugScanner(info: ConstructorParameters<typeof FakeScanner>[0]): FakeScanner {
    const scanner = new FakeScanner(info);
    this.plugged.set(info.path, scanner.device);
    return scanner;
  }

  /** Plugs a device back in after unplug (same object, same path). */
  replug(device: FakeReader | FakeScanner): void {
    this.plugged.set(device.device.info.path, device.device);
  }

  /** The cable is pulled: the open handle gets node-hid's read error and the device leaves the list. */
  unplug(path: string): void {
    const device = this.plugged.get(path);
    if (!device) return;
    this.plugged.delete(path);
    const handle = device.handle;
    device.handle = null;
    if (handle && !handle.closed) {
      handle.closed = true;
      handle.emit('error', new Error('could not read from HID device'));
    }
  }
}
