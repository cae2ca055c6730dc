// What the station host needs from each service, as narrow interfaces: the real services
// (platform client, card service, printer, log) are adapted to these in the wiring files, and tests
// can hand in the real ones directly.
import type {
  BillInboxChunk,
  BillInboxStatus,
  CardReadEvent,
  CardStatus,
  DemoCardSummary,
  DemoBillView,
  StationConfigView,
  StationEvent,
  StationEventPayload,
} from '../../../shared/station-api';

import type { Journal } from '../journal';
import type { LogLevel } from '../logging';
import type { OperatorsService } from '../operators';

export interface PlatformPort {
  call(
    infno: string,
    input: Record<string, unknown>,
    opts?: { timeoutMs?: number; insuplcAdmdvs?: string },
  ): Promise<unknown>;
}

export interface CardPort {
  status(): CardStatus;
  listDemoCards(): DemoCardSummary[];
  insertDemoCard(cardId: string): Promise<void>;
  removeDemoCard(): Promise<void>;
  onRead(listener: (read: CardReadEvent) => void): () => void;
  onStatus(listener: (status: CardStatus) => void): () => void;
  onError(listener: (error: StationEventPayload<'card.error'>) => void): () => void;
}

export interface PrintPort {
  savePdf(html: string, name: string): Promise<string>;
  /** The system print dialog; null where the host has none (browser mode prints from the page). */
  dialog: ((html: string) => Promise<'printed' | 'cancelled'>) | null;
}

/** The journal service's calls the channels make (electron/services/journal). */
export type JournalPort = Pick<Journal, 'append' | 'withdraw' | 'index' | 'get' | 'status'>;

/** The operators service as the host's channels use it (provisioning and closing are the node host's). */
export type OperatorsPort = Omit<OperatorsService, 'provision' | 'close'>;

export interface LogPort {
  write(level: LogLevel, message: string, fields?: Record<string, unknown>): void;
}

export interface DemoPort {
  bills(who: { certno?: string; psn_no?: string }): DemoBillView[];
}

/** The watched bill folder (electron/services/bill-inbox). */
export interface BillInboxPort {
  status(): BillInboxStatus;
  read(name: string, offset: number): Promise<BillInboxChunk>;
  archive(name: string): Promise<void>;
  onChange(listener: (status: BillInboxStatus) => void): () => void;
}

export interface StationHostDeps {
  app: { name: string; version: string; mode: 'electron' | 'browser'; os: string };
  /** Throws a StationConfigError when the station is not configured. */
  configView: () => StationConfigView;
  /** Null when the station is not configured: platform calls then fail with NOT_CONFIGURED. */
  platform: PlatformPort | null;
  card: CardPort | null;
  /** The demo world this station was provisioned for; null on a real station. */
  demo?: DemoPort | null;
  print: PrintPort;
  /** The operators (accounts, PINs, sessions); null where the operators file cannot be read. */
  operators?: OperatorsPort | null;
  /** The durable settlement journal; null where it could not be opened (settling is then refused). */
  journal?: JournalPort | null;
  /** The watched bill folder; null or absent where none is configured. */
  billInbox?: BillInboxPort | null;
  log: LogPort;
  now?: () => Date;
}

export type HostEventListener = <E extends StationEvent>(event: E, payload: StationEventPayload<E>) => void;
