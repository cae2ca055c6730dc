// Row packs: how the four big datasets (catalog, wi_catalog, filings, accumulators) store what the
// platform sends, PACK_ROWS rows to an IndexedDB record instead of one row to a record.
//
// Why: in Chromium's IndexedDB the cost of a write is mostly per record, not per byte. Measured in
// Chromium 156 on this 2-core machine (300,000 catalog-like rows, 15,000 rows a transaction): one
// row a record 13,200 rows/s; 32 rows a record with a multi-entry index on the records' keys 67,700
// rows/s; 400 random reads by key 22 ms and 47 ms (docs/sync.md, "Row packs"). A new station's first
// sync wrote 700,000 rows one a record, and that floor alone was twice its 45 s goal.
//
// A dataset's current rows are read from two stores:
//   - the row store (`catalog`, `filings`, …; one row a record, as before): what the station writes
//     itself (the accumulators' local figures after a settlement, a cancel, an answer), what a card
//     read's refresh (8103) brings, and every row an older version of the station stored;
//   - its pack store (`catalog_packs`, …): the pulled pages, in records of up to PACK_ROWS entries,
//     each entry a row or `null` (the page deleted that key), found by the multi-entry index on
//     `keys`. A newer pack has a larger id.
// A key's row is its row-store row if there is one, else its entry in the newest pack that holds
// it (null: deleted). So a station's own write wins over what it pulled before, and the pull, which
// brings newer platform rows, removes the row-store rows of the keys it writes (removeShadowed).
// Every read of these datasets goes through getRows (or readRows for a whole dataset), inside a
// transaction that includes rowStores(db, dataset).
import Dexie, { type Table } from 'dexie';
import type { StationDb } from './station-db';
import type { AccumulatorRow, CatalogRow, FilingRow, WiCatalogRow } from './types';

/** The datasets stored in packs, and the shape of their rows. */
export interface PackRows {
  catalog: CatalogRow;
  wi_catalog: WiCatalogRow;
  filings: FilingRow;
  accumulators: AccumulatorRow;
}
export type PackDataset = keyof PackRows;
export const PACK_DATASETS = [
  'catalog',
  'wi_catalog',
  'filings',
  'accumulators',
] as const satisfies readonly PackDataset[];

/** Rows per pack record: the measured sweet spot (16: 48,000 rows/s; 32: 67,700; 64: reads of one key
 * deserialise twice the rows for no faster writes). */
export const PACK_ROWS = 32;

/** A pack record: `rows[i]` is the row of `keys[i]`, or null when the page deleted that key. */
export interface PackRow<R = unknown> {
  id?: number;
  keys: string[];
  rows: (R | null)[];
}

export function isPackDataset(dataset: string): dataset is PackDataset {
  return (PACK_DATASETS as readonly string[]).includes(dataset);
}

/** The pack store of a dataset. */
export function packTable<D extends PackDataset>(
  db: StationDb,
  dataset: D,
): Table<PackRow<PackRows[D]>, number> {
  return db.table(`${dataset}_packs`);
}

/** The stores a read of a dataset's rows needs in its transaction's scope. */
export function rowStores(db: StationDb, dataset: PackDataset): Table[] {
  return [db.table(dataset), packTable(db, dataset)];
}

/** The pack records of pulled rows and deletions: deletions first, then the rows in their order,
 * PACK_ROWS entries a record, so a later entry of the same key (a row after its deletion) wins as a
 * row put after a delete did. */
export function packsOf<R extends { key: string }>(
  rows: readonly R[],
  deleted: readonly string[],
): PackRow<R>[] {
  const keys = [...deleted, ...rows.map((r) => r.key)];
  const entries: (R | null)[] = [...deleted.map(() => null), ...rows];
  const packs: PackRow<R>[] = [];
  for (let i = 0; i < keys.length; i += PACK_ROWS)
    packs.push({ keys: keys.slice(i, i + PACK_ROWS), rows: entries.slice(i, i + PACK_ROWS) });
  return packs;
}

/** Within a readwrite transaction over rowStores: stores pulled rows and deletions as packs, and
 * removes the row-store rows of those keys, which would otherwise hide the newer pulled ones. The
 * keys' older entries stay in their packs until compactKeys (the pull calls it after an incremental
 * pull's pages). */
export async function putPulled<D extends PackDataset>(
  db: StationDb,
  dataset: D,
  rows: readonly PackRows[D][],
  deleted: readonly string[],
): Promise<void> {
  if (rows.length === 0 && deleted.length === 0) return;
  await removeShadowed(db, dataset, [...deleted, ...rows.map((r) => r.key)]);
  await packTable(db, dataset).bulkAdd(packsOf(rows, deleted));
}

/** Deletes keys of a dataset wherever they are (a card read's refresh learnt they are gone): from the
 * row store, and every entry of theirs out of the packs (no tombstone is needed: nothing of them is
 * left). In its own transaction, or in the caller's over rowStores (Dexie nests it there). */
export async function deleteRows(
  db: StationDb,
  dataset: PackDataset,
  keys: readonly string[],
): Promise<void> {
  if (keys.length === 0) return;
  await db.transaction('rw', rowStores(db, dataset), async () => {
    await db.table(dataset).bulkDelete([...keys]);
    const held = await packIdsByKey(Dexie.currentTransaction.idbtrans, dataset, keys);
    const drop = new Map<number, Set<string>>();
    keys.forEach((k, i) => held[i]!.forEach((id) => dropOne(drop, id, k)));
    await dropEntries(db, dataset, drop);
  });
}

/** Keys of one compaction transaction: each is an index request, and the packs it finds are read
 * and put back, so a counter read waits behind at most one such chunk (docs/sync.md, "Row packs"). */
export const COMPACT_KEYS = 250;

/** Takes the older entries of these keys out of their packs: a key's entries are kept in its newest
 * pack only, every older pack that holds it is put back without it (deleted when nothing is left).
 * What getRows reads does not change (it takes the newest pack); what it decodes does (every pack of
 * a key: a key changed ten times decoded ten packs of 32 rows, measured 3–4× slower at 400 keys),
 * and the stores stop growing with every sync cycle. The pull calls it after an incremental pull's
 * pages, in transactions of COMPACT_KEYS keys over the pack store; returns the longest one's ms. */
export async function compactKeys(
  db: StationDb,
  dataset: PackDataset,
  keys: readonly string[],
): Promise<{ keys: number; longest_ms: number }> {
  const unique = [...new Set(keys)];
  let longest_ms = 0;
  for (let i = 0; i < unique.length; i += COMPACT_KEYS) {
    const chunk = unique.slice(i, i + COMPACT_KEYS);
    const t0 = performance.now();
    await db.transaction('rw', packTable(db, dataset), async () => {
      const held = await packIdsByKey(Dexie.currentTransaction.idbtrans, dataset, chunk);
      const drop = new Map<number, Set<string>>();
      chunk.forEach((k, j) => {
        const ids = held[j]!;
        const newest = Math.max(...ids);
        for (const id of ids) if (id !== newest) dropOne(drop, id, k);
      });
      await dropEntries(db, dataset, drop);
    });
    longest_ms = Math.max(longest_ms, performance.now() - t0);
  }
  return { keys: unique.length, longest_ms };
}

function dropOne(drop: Map<number, Set<string>>, id: number, key: string): void {
  const keys = drop.get(id);
  if (keys) keys.add(key);
  else drop.set(id, new Set([key]));
}

/** Within a readwrite transaction over the pack store: takes the given keys' entries out of the
 * given packs (pack id → keys); a pack left empty is deleted. */
async function dropEntries(
  db: StationDb,
  dataset: PackDataset,
  drop: Map<number, Set<string>>,
): Promise<void> {
  if (drop.size === 0) return;
  const table = packTable(db, dataset);
  const ids = [...drop.keys()];
  const emptied: number[] = [];
  const kept: PackRow<PackRows[PackDataset]>[] = [];
  (await table.bulkGet(ids)).forEach((pack, i) => {
    if (!pack) return;
    const gone = drop.get(ids[i]!)!;
    const keep = pack.keys.map((k) => !gone.has(k));
    if (!keep.includes(true)) emptied.push(pack.id!);
    else
      kept.push({
        id: pack.id,
        keys: pack.keys.filter((_, j) => keep[j]),
        rows: pack.rows.filter((_, j) => keep[j]),
      });
  });
  if (emptied.length > 0) await table.bulkDelete(emptied);
  if (kept.length > 0) await table.bulkPut(kept);
}

/** Removes from the row store the rows of these keys. The row store holds only what the station wrote
 * itself or refreshed by card, so it is read whole (a first sync finds it empty and reads nothing)
 * rather than probed key by key, which costs a read per pulled row. */
async function removeShadowed(db: StationDb, dataset: PackDataset, keys: readonly string[]): Promise<void> {
  const table = db.table(dataset);
  if ((await table.count()) === 0) return;
  const held = new Set((await table.toCollection().primaryKeys()) as string[]);
  const shadowed = keys.filter((k) => held.has(k));
  if (shadowed.length > 0) await table.bulkDelete(shadowed);
}

/** The current rows of these keys (undefined: not stored, or deleted), in the keys' order. Inside a
 * transaction, its scope must include rowStores(db, dataset); outside one, it opens its own.
 *
 * One round of requests, all issued at once: for each key the packs that hold it (the index's
 * getAll; the last is the newest), and one probe of the row store, which is read by key only when it
 * holds anything. The packs are asked with the bare IndexedDB API on Dexie's transaction: through
 * Dexie, the 400 catalog codes of an F4 took 126 ms at the median on the full world, most of it
 * Dexie's own work per request (docs/sync.md, "Row packs"). */
export function getRows<D extends PackDataset>(
  db: StationDb,
  dataset: D,
  keys: readonly string[],
): Promise<(PackRows[D] | undefined)[]> {
  if (keys.length === 0) return Promise.resolve([]);
  const current = Dexie.currentTransaction;
  if (current?.db === db) return rowsIn(db, current.idbtrans, dataset, keys);
  return db.transaction('r', rowStores(db, dataset), async () =>
    rowsIn(db, Dexie.currentTransaction.idbtrans, dataset, keys),
  );
}

async function rowsIn<D extends PackDataset>(
  db: StationDb,
  idb: IDBTransaction,
  dataset: D,
  keys: readonly string[],
): Promise<(PackRows[D] | undefined)[]> {
  const table = db.table(dataset);
  const [held, pulled] = await Promise.all([table.limit(1).primaryKeys(), newestPacks(idb, dataset, keys)]);
  const out = pulled.map((pack, i) =>
    pack ? ((pack.rows[pack.keys.lastIndexOf(keys[i]!)] ?? undefined) as PackRows[D] | undefined) : undefined,
  );
  if (held.length === 0) return out;
  const own = (await table.bulkGet([...keys])) as (PackRows[D] | undefined)[];
  return own.map((r, i) => r ?? out[i]);
}

/** For each key, the newest pack that holds it (an index getAll; the last is the newest). */
function newestPacks(
  idb: IDBTransaction,
  dataset: PackDataset,
  keys: readonly string[],
): Promise<(PackRow | undefined)[]> {
  return perKey(
    idb,
    dataset,
    keys,
    (index, key) => index.getAll(key),
    (found: PackRow[]) => found.at(-1),
  );
}

/** For each key, the ids of the packs that hold it (an index getAllKeys: ids only, no record
 * decoded; Dexie's `where('keys').anyOf()` walks the index one cursor step after another). */
function packIdsByKey(
  idb: IDBTransaction,
  dataset: PackDataset,
  keys: readonly string[],
): Promise<number[][]> {
  return perKey(
    idb,
    dataset,
    keys,
    (index, key) => index.getAllKeys(key),
    (ids) => ids as number[],
  );
}

/** One request per key on the pack store's `keys` index, all issued together on the transaction
 * with the bare IndexedDB API and answered, in the keys' order, as a Dexie promise (which keeps
 * Dexie's transaction zone for the caller). */
function perKey<R, T>(
  idb: IDBTransaction,
  dataset: PackDataset,
  keys: readonly string[],
  ask: (index: IDBIndex, key: string) => IDBRequest<R>,
  answer: (result: R) => T,
): Promise<T[]> {
  return new Dexie.Promise((resolve, reject) => {
    const out = new Array<T>(keys.length);
    if (keys.length === 0) return resolve(out);
    const index = idb.objectStore(`${dataset}_packs`).index('keys');
    let left = keys.length;
    keys.forEach((key, i) => {
      const req = ask(index, key);
      req.onsuccess = () => {
        out[i] = answer(req.result);
        if (--left === 0) resolve(out);
      };
      req.onerror = () => reject(req.error);
    });
  });
}

/** The current row of one key (getRows of one). */
export async function getRow<D extends PackDataset>(
  db: StationDb,
  dataset: D,
  key: string,
): Promise<PackRows[D] | undefined> {
  return (await getRows(db, dataset, [key]))[0];
}

/** Every current row of a dataset, by key (tools, tests and upgrades; reads everything). */
export async function readRows<D extends PackDataset>(
  db: StationDb,
  dataset: D,
): Promise<Map<string, PackRows[D]>> {
  return db.transaction('r', rowStores(db, dataset), async () => {
    const current = new Map<string, PackRows[D] | null>();
    await packTable(db, dataset)
      .orderBy(':id')
      .each((p) => p.keys.forEach((k, i) => current.set(k, p.rows[i] ?? null)));
    for (const row of (await db.table(dataset).toArray()) as PackRows[D][]) current.set(row.key, row);
    const rows = new Map<string, PackRows[D]>();
    for (const [k, r] of current) if (r !== null) rows.set(k, r);
    return rows;
  });
}

/** The keys of a dataset that start with one of these prefixes, in key order, at most `limit`
 * (a code prefix search at the counter): row-store keys and pulled keys, each checked with getRows
 * so a deleted key is not offered. Inside a transaction over rowStores, or on its own. */
export async function keysWithPrefix(
  db: StationDb,
  dataset: PackDataset,
  prefixes: string[],
  limit: number,
): Promise<string[]> {
  if (prefixes.length === 0 || limit <= 0) return [];
  // Each store gives its first `want` keys in order; the union is complete only up to the last key
  // of a store that had more (`bound`). Read again, wider, until `limit` live keys lie within it.
  for (let want = limit; ; want *= 4) {
    const [held, pulled] = await Promise.all([
      db.table(dataset).where(':id').startsWithAnyOf(prefixes).limit(want).primaryKeys() as Promise<string[]>,
      packTable(db, dataset).where('keys').startsWithAnyOf(prefixes).limit(want).keys() as Promise<string[]>,
    ]);
    const ends = [held, pulled].filter((ks) => ks.length >= want).map((ks) => ks[ks.length - 1]!);
    const bound = ends.length === 0 ? null : ends.sort()[0]!;
    const candidates = [...new Set([...held, ...pulled])].filter((k) => bound === null || k <= bound).sort();
    const rows = await getRows(db, dataset, candidates);
    const live = candidates.filter((_, i) => rows[i] !== undefined);
    if (live.length >= limit || bound === null) return live.slice(0, limit);
  }
}

/** Every key a dataset has stored, in key order: the row store's and the packs' (a key whose newest
 * entry is a deletion included; getRows tells). For tools and benches that sample a dataset. */
export async function storedKeys(db: StationDb, dataset: PackDataset): Promise<string[]> {
  const [held, pulled] = await db.transaction('r', rowStores(db, dataset), () =>
    Promise.all([
      db.table(dataset).toCollection().primaryKeys() as Promise<string[]>,
      packTable(db, dataset).orderBy('keys').uniqueKeys() as Promise<string[]>,
    ]),
  );
  return [...new Set([...held, ...pulled])].sort();
}
