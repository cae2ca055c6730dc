// The station's IndexedDB schema, every version since the first. A version is never edited once
// released: a change is a new version with an upgrade function, so a station that was offline for
// months opens its old database, upgrades in one versionchange transaction and loses nothing.
import type Dexie from 'dexie';
import type { Transaction } from 'dexie';
import { AUDIT_GENESIS, chainEntry } from '../../shared/audit';
import { sha256Hex } from './sha256';
import { catalogSearchKeys } from './search-keys';
import { catalogSegment, filingSegment, segmentsOf } from './search-segments';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
  why: string;
}

export const SCHEMA_VERSIONS: SchemaVersion[] = [
  {
    version: 1,
    why: 'first release: datasets from 8101, the counter work (encounters, settlements) and the outbox',
    stores: {
      filings: 'key, certno, psn_no',
      catalog: 'key, name',
      wi_catalog: 'key, name',
      policies: 'key, [insuplc_admdvs+insutype]',
      accumulators: 'key, psn_no',
      encounters: 'encounter_no, psn_no',
      settlements: 'local_setl_id, status, psn_no, settled_at',
      outbox: '++seq, &local_setl_id, psn_no',
      checkpoints: 'dataset',
      audit: '++id, at, kind, local_setl_id',
    },
  },
  {
    version: 2,
    why:
      'catalog search by pinyin initials and name fragments; accumulators keep the platform figures ' +
      'apart from the local ones so a pull never erases an offline settlement; outbox by state; ' +
      'institutions; sync state',
    stores: {
      // One multi-entry index for pinyin initials and name fragments, no plain name index: terms
      // hold the whole normalised name as a suffix, so a name prefix is a terms range, and every
      // index costs pull time (docs/sync.md).
      catalog: 'key, *terms',
      institutions: 'key',
      sync_state: 'key',
      // the entries whose answer may have been lost, found at every start of a drain
      outbox: '++seq, &local_setl_id, psn_no, state',
    },
    upgrade: async (tx) => {
      await tx
        .table('catalog')
        .toCollection()
        .modify((row: { name: string; terms?: string[] }) => {
          row.terms = catalogSearchKeys(row.name).terms;
        });
      // v1 rows held one `accumulators` object, which was both the platform's and the local figures.
      await tx
        .table('accumulators')
        .toCollection()
        .modify((row: { accumulators?: unknown; platform?: unknown; local?: unknown }) => {
          if (row.accumulators !== undefined) {
            row.platform = row.accumulators;
            row.local = row.accumulators;
            delete row.accumulators;
          }
        });
    },
  },
  {
    version: 3,
    why:
      'catalog search (both catalogs) and filing lookups move from IndexedDB indexes to lookup segments, one record ' +
      'per pulled page searched in memory: the multi-entry terms index (about six entries per row) ' +
      'made storing the catalog three times slower than the bare rows, the filings indexes a third',
    stores: {
      catalog: 'key',
      wi_catalog: 'key',
      filings: 'key',
      segments: '++id, dataset',
    },
    upgrade: async (tx) => {
      // The stored catalog rows drop their terms; the catalogs and the filings get segments of
      // SEGMENT_ROWS rows in key order.
      const catalog: { key: string; name: string }[] = [];
      await tx
        .table('catalog')
        .toCollection()
        .modify((row: { key: string; name: string; terms?: string[] }) => {
          catalog.push({ key: row.key, name: row.name });
          delete row.terms;
        });
      const wiCatalog: { key: string; name: string }[] = [];
      await tx
        .table('wi_catalog')
        .toCollection()
        .each((row: { key: string; name: string }) => {
          wiCatalog.push({ key: row.key, name: row.name });
        });
      const filings: { key: string; certno: string; psn_no: string }[] = [];
      await tx
        .table('filings')
        .toCollection()
        .each((row: { key: string; certno: string; psn_no: string }) => {
          filings.push({ key: row.key, certno: row.certno, psn_no: row.psn_no });
        });
      const segments = [
        ...segmentsOf(catalog, (part) => catalogSegment(part, [])),
        ...segmentsOf(wiCatalog, (part) => catalogSegment(part, [], 'wi_catalog')),
        ...segmentsOf(filings, (part) => filingSegment(part, [])),
      ];
      if (segments.length > 0) await tx.table('segments').bulkAdd(segments);
    },
  },
  {
    version: 4,
    why:
      'cancels (红冲) wait in their own queue, ordered against the outbox; the audit log becomes a hash ' +
      'chain, and its unique `prev` makes a fork impossible even if two tabs appended at once; the ' +
      'settlement history searches by encounter number, ID number, operator and settle date',
    stores: {
      cancels: '++seq, &local_setl_id, psn_no, state',
      audit: '++id, at, kind, local_setl_id, &prev',
      settlements: 'local_setl_id, status, psn_no, settled_at, encounter_no, certno, opter, settle_date',
    },
    upgrade: async (tx) => {
      // The entries written before the chain existed are chained now, in their order, renumbered
      // 1, 2, 3 … (nothing refers to an audit id) with the operator taken out of their detail.
      const audit = tx.table('audit');
      const old = (await audit.orderBy('id').toArray()) as {
        at: string;
        kind: string;
        local_setl_id: string | null;
        detail: Record<string, unknown>;
      }[];
      if (old.length === 0) return;
      await audit.clear();
      let prev = AUDIT_GENESIS;
      const chained = [];
      for (const [i, e] of old.entries()) {
        const opter = typeof e.detail.opter === 'string' ? e.detail.opter : null;
        const fields = {
          id: i + 1,
          at: e.at,
          kind: e.kind,
          local_setl_id: e.local_setl_id,
          opter,
          detail: e.detail,
        };
        const row = chainEntry(fields, prev, sha256Hex);
        chained.push(row);
        prev = row.hash;
      }
      await audit.bulkAdd(chained);
    },
  },
  {
    version: 5,
    why: 'shift handovers (交班): one row per handover, found by operator; a new table, so nothing to upgrade',
    stores: {
      handovers: 'id, opter, state, to',
    },
  },
  {
    version: 6,
    why:
      'row packs: the pulled rows of the catalogs, the filings and the accumulators are stored 32 to an ' +
      'IndexedDB record, found by a multi-entry index on their keys (packs.ts); a write costs per record, ' +
      'and one row a record made the first sync twice its goal. The rows already stored stay in their ' +
      'row stores, which win over packs, so nothing is moved',
    stores: {
      catalog_packs: '++id, *keys',
      wi_catalog_packs: '++id, *keys',
      filings_packs: '++id, *keys',
      accumulators_packs: '++id, *keys',
    },
  },
];

export const CURRENT_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

/** Declares the versions up to `upTo` (all by default) on a Dexie instance. Tests declare fewer to
 * build a database as an older station left it. */
export function declareVersions(db: Dexie, upTo: number = CURRENT_VERSION): void {
  for (const v of SCHEMA_VERSIONS) {
    if (v.version > upTo) break;
    const declared = db.version(v.version).stores(v.stores);
    if (v.upgrade) declared.upgrade(v.upgrade);
  }
}
