// The station's Dexie database. The factory takes the IndexedDB implementation as a parameter so
// tests run each case on a fresh fake-indexeddb, and "restart the station" is a new StationDb over
// the same factory.
import Dexie, { type Table } from 'dexie';
import { declareVersions, CURRENT_VERSION } from './schema';
import { StationDbError, toStationDbError } from './errors';
import type {
  AccumulatorRow,
  AuditRow,
  CancelQueueRow,
  CatalogRow,
  CheckpointRow,
  EncounterRow,
  FilingRow,
  HandoverRow,
  InstitutionRow,
  OutboxRow,
  PolicyRow,
  SegmentRow,
  SettlementRow,
  SyncStateRow,
  WiCatalogRow,
} from './types';
import type { PackRow } from './packs';

export const DEFAULT_DB_NAME = 'direct-settlement-station';

export class StationDb extends Dexie {
  filings!: Table<FilingRow, string>;
  catalog!: Table<CatalogRow, string>;
  segments!: Table<SegmentRow, number>;
  wi_catalog!: Table<WiCatalogRow, string>;
  policies!: Table<PolicyRow, string>;
  accumulators!: Table<AccumulatorRow, string>;
  institutions!: Table<InstitutionRow, string>;
  encounters!: Table<EncounterRow, string>;
  settlements!: Table<SettlementRow, string>;
  outbox!: Table<OutboxRow, number>;
  checkpoints!: Table<CheckpointRow, string>;
  sync_state!: Table<SyncStateRow, string>;
  audit!: Table<AuditRow, number>;
  cancels!: Table<CancelQueueRow, number>;
  handovers!: Table<HandoverRow, string>;
  catalog_packs!: Table<PackRow<CatalogRow>, number>;
  wi_catalog_packs!: Table<PackRow<WiCatalogRow>, number>;
  filings_packs!: Table<PackRow<FilingRow>, number>;
  accumulators_packs!: Table<PackRow<AccumulatorRow>, number>;

  constructor(name: string, options: ConstructorParameters<typeof Dexie>[1], upTo = CURRENT_VERSION) {
    // 'strict' durability: a committed settlement is on disk before the receipt prints, not only
    // in the OS cache (Chromium's default is relaxed). Pull pages commit rarely enough not to care.
    super(name, { chromeTransactionDurability: 'strict', ...options });
    declareVersions(this, upTo);
  }
}

export interface OpenStationDbOptions {
  name?: string;
  /** IndexedDB implementation; the browser's by default, fake-indexeddb's in Node tests */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  /** open only up to this schema version (tests of the upgrade path) */
  upTo?: number;
  /** another window keeps an older version open: the upgrade waits until it closes */
  onUpgradeBlocked?: (error: StationDbError) => void;
  /** a newer version is being opened elsewhere: this connection closes itself so the upgrade can run */
  onClosedForUpgrade?: () => void;
}

export async function openStationDb(opts: OpenStationDbOptions = {}): Promise<StationDb> {
  const dexieOptions: ConstructorParameters<typeof Dexie>[1] = {};
  if (opts.indexedDB) dexieOptions.indexedDB = opts.indexedDB;
  if (opts.IDBKeyRange) dexieOptions.IDBKeyRange = opts.IDBKeyRange;
  const db = new StationDb(opts.name ?? DEFAULT_DB_NAME, dexieOptions, opts.upTo);
  db.on('blocked', () => {
    opts.onUpgradeBlocked?.(new StationDbError('UPGRADE_BLOCKED'));
  });
  db.on('versionchange', () => {
    // Close so the other window's upgrade is not blocked; every write of this window is already
    // committed (Dexie finishes open transactions first), so nothing is lost.
    db.close();
    opts.onClosedForUpgrade?.();
    return false;
  });
  try {
    await db.open();
  } catch (e) {
    throw toStationDbError(e);
  }
  return db;
}
