// Dataset rows (8101) and the platform-wide version. Every changed row gets its own version number,
// taken from the one-row ver_counter under a row lock held to commit: versions become visible in
// order, so a delta read never skips a row that commits later with a smaller version.

import type { DatasetName } from '../../shared/protocol';
import type { Database, Queryable } from './database';

export interface RowWrite {
  key: string;
  /** a lookup column: psn_no for filings and accumulators, insuplc_admdvs for policies */
  ref: string | null;
  row: unknown;
}

/** Reserves n consecutive versions; returns the first. Call it last in a transaction (it holds the counter lock). */
export async function reserveVersions(tx: Queryable, n: number): Promise<number> {
  const [r] = await tx.query<{ ver: number }>(
    'UPDATE ver_counter SET ver = ver + $1 WHERE id = 1 RETURNING ver',
    [n],
  );
  return Number(r.ver) - n + 1;
}

export async function currentVersion(q: Queryable): Promise<number> {
  const [r] = await q.query<{ ver: number }>('SELECT ver FROM ver_counter WHERE id = 1');
  return Number(r.ver);
}

const CHUNK = 5000;

export async function upsertRows(tx: Queryable, dataset: DatasetName, rows: RowWrite[]): Promise<void> {
  if (rows.length === 0) return;
  let ver = await reserveVersions(tx, rows.length);
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await tx.query(
      `INSERT INTO dataset_rows (dataset, key, ver, deleted, ref, row_json)
       SELECT $1, k, v, false, r, j FROM unnest($2::text[], $3::int[], $4::text[], $5::text[]) AS t(k, v, r, j)
       ON CONFLICT (dataset, key) DO UPDATE SET ver = EXCLUDED.ver, deleted = false, ref = EXCLUDED.ref, row_json = EXCLUDED.row_json`,
      [
        dataset,
        chunk.map((r) => r.key),
        chunk.map(() => ver++),
        chunk.map((r) => r.ref),
        chunk.map((r) => JSON.stringify(r.row)),
      ],
    );
  }
}

/** Marks rows deleted (a tombstone with a new version); returns the keys that existed and were live. */
export async function deleteRows(tx: Queryable, dataset: DatasetName, keys: string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const live = await tx.query<{ key: string }>(
    'SELECT key FROM dataset_rows WHERE dataset = $1 AND key = ANY($2::text[]) AND NOT deleted ORDER BY key FOR UPDATE',
    [dataset, keys],
  );
  if (live.length === 0) return [];
  let ver = await reserveVersions(tx, live.length);
  for (const { key } of live) {
    await tx.query('UPDATE dataset_rows SET deleted = true, ver = $3 WHERE dataset = $1 AND key = $2', [
      dataset,
      key,
      ver++,
    ]);
  }
  return live.map((r) => r.key);
}

export interface StoredRow<T> {
  key: string;
  ver: number;
  deleted: boolean;
  row: T;
}

function parseRows<T>(
  rows: { key: string; ver: number; deleted: boolean; row_json: string }[],
): StoredRow<T>[] {
  return rows.map((r) => ({
    key: r.key,
    ver: Number(r.ver),
    deleted: Boolean(r.deleted),
    row: JSON.parse(r.row_json) as T,
  }));
}

export async function rowsByKeys<T>(
  q: Queryable,
  dataset: DatasetName,
  keys: string[],
): Promise<StoredRow<T>[]> {
  if (keys.length === 0) return [];
  return parseRows<T>(
    await q.query(
      'SELECT key, ver, deleted, row_json FROM dataset_rows WHERE dataset = $1 AND key = ANY($2::text[]) AND NOT deleted',
      [dataset, keys],
    ),
  );
}

/** Rows by their lookup column, tombstones included (a revoked filing is a tombstone). */
export async function rowsByRef<T>(q: Queryable, dataset: DatasetName, ref: string): Promise<StoredRow<T>[]> {
  return parseRows<T>(
    await q.query(
      'SELECT key, ver, deleted, row_json FROM dataset_rows WHERE dataset = $1 AND ref = $2 ORDER BY key',
      [dataset, ref],
    ),
  );
}

export interface DeltaPage {
  /** JSON text of each live row, in version order */
  rowsJson: string[];
  deleted: string[];
  next_ver: number;
  more: boolean;
  total_rows: number;
}

/**
 * Counting the changes left after since_ver is the costly part of a page on a big dataset (every
 * index entry after it). A pull asks page after page, so we remember the count per dataset and
 * derive the next one from the range just delivered. An entry is valid while the dataset's highest
 * version is unchanged: every change takes a new, higher version, and versions commit in order.
 */
interface CountMemo {
  maxVer: number;
  since: number;
  count: number;
}
const MEMO_SIZE = 16;
const memos = new WeakMap<Database, Map<string, CountMemo[]>>();

async function changesAfter(
  db: Database,
  tx: Queryable,
  dataset: DatasetName,
  since: number,
): Promise<number> {
  const [{ m }] = await tx.query<{ m: number | null }>(
    'SELECT max(ver) AS m FROM dataset_rows WHERE dataset = $1',
    [dataset],
  );
  const maxVer = Number(m ?? 0);
  let perDb = memos.get(db);
  if (!perDb) memos.set(db, (perDb = new Map()));
  const list = (perDb.get(dataset) ?? []).filter((e) => e.maxVer === maxVer);
  const base = list.filter((e) => e.since <= since).sort((a, b) => b.since - a.since)[0];
  let count: number;
  if (base) {
    const [{ n }] = await tx.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM dataset_rows WHERE dataset = $1 AND ver > $2 AND ver <= $3',
      [dataset, base.since, since],
    );
    count = base.count - Number(n);
  } else {
    const [{ n }] = await tx.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM dataset_rows WHERE dataset = $1 AND ver > $2',
      [dataset, since],
    );
    count = Number(n);
  }
  perDb.set(
    dataset,
    [{ maxVer, since, count }, ...list.filter((e) => e.since !== since)].slice(0, MEMO_SIZE),
  );
  return count;
}

/**
 * One page of changes after sinceVer, read in one snapshot. total_rows counts every change (rows and
 * deletions) after sinceVer, this page included, so a station can check that nothing was skipped and
 * show progress; next_ver is the last version in the page, or the platform's current version when
 * the page ends the delta.
 */
export async function readDelta(
  db: Database,
  dataset: DatasetName,
  sinceVer: number,
  pageSize: number,
): Promise<DeltaPage> {
  return db.transaction(
    async (tx) => {
      const page = await tx.query<{ key: string; ver: number; deleted: boolean; row_json: string }>(
        'SELECT key, ver, deleted, row_json FROM dataset_rows WHERE dataset = $1 AND ver > $2 ORDER BY ver LIMIT $3',
        [dataset, sinceVer, pageSize + 1],
      );
      const more = page.length > pageSize;
      const rows = more ? page.slice(0, pageSize) : page;
      const total = await changesAfter(db, tx, dataset, sinceVer);
      const next = more ? Number(rows[rows.length - 1].ver) : Math.max(sinceVer, await currentVersion(tx));
      return {
        rowsJson: rows.filter((r) => !r.deleted).map((r) => r.row_json),
        deleted: rows.filter((r) => r.deleted).map((r) => r.key),
        next_ver: next,
        more,
        total_rows: total,
      };
    },
    { snapshot: true },
  );
}
