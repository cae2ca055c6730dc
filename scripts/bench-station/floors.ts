// The floors a pull is compared with, one dataset at a time: the same rows fetched from the platform
// (8101 delivery alone), put straight into IndexedDB with the bare API (the put floor), and run through
// the station's own page work (validation, stored shape, lookup segment) without storing. The rows are
// dropped before the function returns, so the pulls measured after it do not share the heap with them.
import { prepareRows, validatePage, type PlatformPort } from '../../renderer/sync';
import { packsOf } from '../../renderer/db';
import type { DatasetName } from '../../shared/protocol';
import { rawPutConcurrent, rawPutRate } from './raw-floor';

/** The datasets big enough to measure (the small ones are a page or two). */
export const BIG_DATASETS = ['catalog', 'filings', 'accumulators'] as const satisfies readonly DatasetName[];
export type BigDataset = (typeof BIG_DATASETS)[number];

export interface DatasetFloor {
  rows: number;
  /** 8101 delivery: platform, relay, JSON, rows per second */
  delivery: number;
  /** bare IndexedDB put of the rows as delivered, no index, one strict transaction per page */
  floor: number;
  floor_ms: number;
  /** the same rows as the station stores them: bare puts of packs (renderer/db/packs.ts, PACK_ROWS
   * rows a record, a multi-entry index on their keys), one strict transaction per page */
  pack_floor: number;
  pack_floor_ms: number;
  /** validatePage + prepareRows alone (page thread) */
  prepare: number;
}

export async function fetchAll(port: PlatformPort, dataset: DatasetName, pageSize: number) {
  const rows: { key: string }[] = [];
  let since = 0;
  for (;;) {
    const out = (await port.call('8101', { data: { dataset, since_ver: since, page_size: pageSize } })) as {
      rows: { key: string }[];
      next_ver: number;
      more: boolean;
    };
    for (const r of out.rows) rows.push(r);
    since = out.next_ver;
    if (!out.more) return rows;
  }
}

/** Rows per second of validatePage + prepareRows alone, over the rows in pages of pageSize
 * (accumulators have no stored shape before their merge: validation only). */
function prepareRate(dataset: DatasetName, rows: unknown[], pageSize: number): number {
  const t0 = performance.now();
  for (let i = 0; i < rows.length; i += pageSize) {
    const slice = rows.slice(i, i + pageSize);
    const page = validatePage(
      dataset,
      { rows: slice, deleted: [], next_ver: i + slice.length, more: false, total_rows: slice.length },
      { since_ver: i, page_size: pageSize },
    );
    prepareRows(dataset, page);
  }
  return rows.length / ((performance.now() - t0) / 1000);
}

async function measureFloor(
  port: PlatformPort,
  dataset: BigDataset,
  pageSize: number,
): Promise<{ floor: DatasetFloor; rows: unknown[] }> {
  const t0 = performance.now();
  const rows = await fetchAll(port, dataset, pageSize);
  const delivery = rows.length / ((performance.now() - t0) / 1000);
  const put = await rawPutRate(`raw-${dataset}`, { name: dataset, indexes: [] }, rows, pageSize);
  // one page's rows to a record list: packs of PACK_ROWS, each keyed by its position
  const packs = [];
  for (let i = 0; i < rows.length; i += pageSize)
    for (const p of packsOf(rows.slice(i, i + pageSize), [])) packs.push({ key: String(packs.length), ...p });
  const perPage = Math.ceil(pageSize / (packs[0]?.keys.length ?? 1));
  const packPut = await rawPutRate(
    `raw-packs-${dataset}`,
    { name: dataset, indexes: [{ name: 'keys', keyPath: 'keys', multiEntry: true }] },
    packs,
    perPage,
  );
  return {
    rows,
    floor: {
      rows: rows.length,
      delivery,
      floor: put.rowsPerSec,
      floor_ms: put.ms,
      pack_floor: rows.length / (packPut.ms / 1000),
      pack_floor_ms: packPut.ms,
      prepare: prepareRate(dataset, rows, pageSize),
    },
  };
}

export interface Floors {
  datasets: Record<BigDataset, DatasetFloor>;
  /** the catalog's and the filings' rows put into two stores of one database at once */
  together: { rowsPerSec: number; ms: number };
}

/** Every floor, one dataset after the other, then the catalog and the filings put at the same time. */
export async function measureFloors(port: PlatformPort, pageSize: number): Promise<Floors> {
  const catalog = await measureFloor(port, 'catalog', pageSize);
  const filings = await measureFloor(port, 'filings', pageSize);
  const together = await rawPutConcurrent(
    'raw-together',
    [
      { store: 'catalog', rows: catalog.rows },
      { store: 'filings', rows: filings.rows },
    ],
    pageSize,
  );
  catalog.rows.length = 0;
  filings.rows.length = 0;
  const accumulators = await measureFloor(port, 'accumulators', pageSize);
  return {
    datasets: { catalog: catalog.floor, filings: filings.floor, accumulators: accumulators.floor },
    together,
  };
}
