// The card service: one entry for the shell. Emits 'read' (CardRead, with the device that read it),
// 'error' ({deviceId, code, message_zh, message_en}) and 'status' (CardStatus of the StationApi,
// plus the notice that caused it), and implements the station host's CardPort.
import { EventEmitter } from 'node:events';
import { CardError, SAMPLE_CARDS } from '../../../shared/card';
import type { CardRead, DemoCardInput } from '../../../shared/card';
import { parseCardConfig } from './config';
import type { CardConfigInput } from './config';
import { createDeviceManager } from './device-manager';
import type { DeviceNotice } from './device-manager';
import { startDllSource } from './dll-source';
import { loadNodeHid } from './hid-port';
import type { HidDeviceInfo, HidModule } from './hid-port';
import { createSimulatedReader } from './simulated-reader';
import type { DemoCardSummary } from '../../../shared/station-api';
import type { SimulatedReader } from './simulated-reader';
import { loadVendorDll } from './vendor-dll';
import type { KoffiLike } from './vendor-dll';

export interface CardErrorEvent {
  deviceId: string;
  code: string;
  message_zh: string;
  message_en: string;
  detail?: string;
}

export interface CardStatusEvent {
  devices: Array<{
    id: string;
    kind: 'card-reader' | 'qr-scanner' | 'demo-tray';
    product: string;
    vendorId: number | null;
    productId: number | null;
  }>;
  demoTray: { insertedCardId: string | null } | null;
  /** What just changed ("reader unplugged", …); null for a plain status query. */
  notice: DeviceNotice | null;
}

export interface CardServiceEvents {
  read: CardRead;
  error: CardErrorEvent;
  status: CardStatusEvent;
}

export interface CardServiceOptions {
  config?: CardConfigInput;
  /** node-hid-shaped module; default: node-hid, loaded on first enumeration. */
  hid?: HidModule;
  /** Cards of the demo tray (DemoCard of shared/demo-world fits); default: shared/card SAMPLE_CARDS. */
  cards?: readonly DemoCardInput[];
  platform?: NodeJS.Platform | string;
  now?: () => Date;
  importKoffi?: () => Promise<KoffiLike>;
}

const localDay = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

export function createCardService(opts: CardServiceOptions = {}) {
  const config = parseCardConfig(opts.config ?? {});
  const events = new EventEmitter();
  const now = opts.now ?? (() => new Date());
  const today = () => localDay(now());
  const simulated: SimulatedReader | null = config.simulated.enabled
    ? createSimulatedReader(opts.cards ?? SAMPLE_CARDS, { psam: config.simulated.psam })
    : null;
  let dllSource: { stop(): void } | null = null;

  const sink = {
    read: (read: CardRead) => {
      events.emit('read', read);
      if (read.warnings.some((w) => w.code === 'PARTIAL_NO_PSAM')) {
        events.emit(
          'status',
          statusWith({
            code: 'PSAM_NEEDED',
            deviceId: read.source.deviceId,
            message_zh: '3.0 社保卡需要带 PSAM 的读卡器才能读取身份证号和姓名',
            message_en: 'A 3.0 card needs a reader with a PSAM to give the ID number and name',
          }),
        );
      }
    },
    error: (e: CardError, deviceId: string) => {
      const payload: CardErrorEvent = {
        deviceId,
        code: e.code,
        message_zh: e.message_zh,
        message_en: e.message_en,
        detail: e.detail,
      };
      events.emit('error', payload);
    },
  };
  const manager = createDeviceManager({
    config,
    hid: () => (opts.hid ? Promise.resolve(opts.hid) : loadNodeHid()),
    virtualDevices: simulated ? [simulated.device] : [],
    today,
    sink,
    onChange: (notice) => events.emit('status', statusWith(notice)),
  });

  function statusWith(notice: DeviceNotice | null): CardStatusEvent {
    const devices: CardStatusEvent['devices'] = manager.devices().map((d) => ({
      id: d.path,
      kind: d.virtual ? 'demo-tray' : d.role === 'reader' ? 'card-reader' : 'qr-scanner',
      product: d.label,
      vendorId: d.virtual ? null : d.info.vendorId,
      productId: d.virtual ? null : d.info.productId,
    }));
    if (dllSource && config.dll)
      devices.push({
        id: `dll:${config.dll.path}`,
        kind: 'card-reader',
        product: `iReadCardBas (${config.dll.path})`,
        vendorId: null,
        productId: null,
      });
    return { devices, demoTray: simulated ? { insertedCardId: simulated.insertedCardId() } : null, notice };
  }

  const subscribe = <T>(event: string, listener: (payload: T) => void) => {
    events.on(event, listener);
    return () => void events.off(event, listener);
  };

  return {
    /** Opens the devices present now and starts hotplug enumeration (and the DLL path on Windows). */
    async start(): Promise<void> {
      await manager.start();
      if (config.dll) {
        const deviceId = `dll:${config.dll.path}`;
        try {
          const dll = await loadVendorDll(config.dll.path, {
            platform: opts.platform ?? process.platform,
            importKoffi: opts.importKoffi,
          });
          dllSource = startDllSource({
            dll,
            iType: config.dll.iType,
            pollMs: config.dll.pollMs,
            today,
            sink,
            source: { kind: 'vendor-dll', deviceId, label: config.dll.path },
          });
          events.emit('status', statusWith(null));
        } catch (e) {
          if (e instanceof CardError) sink.error(e, deviceId);
          else throw e;
        }
      }
    },
    async stop(): Promise<void> {
      dllSource?.stop();
      dllSource = null;
      await manager.stop();
    },
    status: (): CardStatusEvent => statusWith(null),
    listDevices: (): Promise<Array<{ info: HidDeviceInfo; role: 'reader' | 'scanner' | null }>> =>
      manager.listDevices(),
    /** Rescans now (the settings screen's "look for devices" button); enumeration also runs on a timer. */
    rescan: () => manager.rescan(),
    simulated,
    listDemoCards: (): DemoCardSummary[] => simulated?.list() ?? [],
    async insertDemoCard(cardId: string): Promise<void> {
      if (!simulated) throw new CardError('READER_NOT_FOUND', { detail: 'demo tray disabled' });
      if (!simulated.list().some((c) => c.card_id === cardId))
        throw new CardError('DEMO_CARD_UNKNOWN', { detail: cardId });
      simulated.insert(cardId);
      events.emit('status', statusWith(null));
    },
    async removeDemoCard(): Promise<void> {
      simulated?.remove();
      events.emit('status', statusWith(null));
    },
    on<E extends keyof CardServiceEvents>(
      event: E,
      listener: (payload: CardServiceEvents[E]) => void,
    ): () => void {
      return subscribe(event, listener);
    },
    onRead: (listener: (read: CardRead) => void) => subscribe('read', listener),
    onError: (listener: (error: CardErrorEvent) => void) => subscribe('error', listener),
    onStatus: (listener: (status: CardStatusEvent) => void) => subscribe('status', listener),
  };
}

export type CardService = ReturnType<typeof createCardService>;
export { parseCardConfig, CardConfigError, EXAMPLE_READER_MODELS } from './config';
export type { CardConfig, CardConfigInput, ReaderModel, ScannerModel } from './config';
export { createSimulatedReader, SIMULATED_READER_PATH } from './simulated-reader';
export type { SimulatedReader, VirtualDevice } from './simulated-reader';
export type { HidModule, HidHandle, HidDeviceInfo } from './hid-port';
export type { DeviceNotice } from './device-manager';
export { loadVendorDll, IREADCARDBAS_SIGNATURE } from './vendor-dll';
export type { KoffiLike, VendorDll } from './vendor-dll';
