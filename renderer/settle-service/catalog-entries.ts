// The catalog entries a request carries: the bill's codes read from the stored catalog. A code the
// station does not hold is off-catalog (self-pay) only once the catalog has been pulled whole here;
// before that — a new station's first sync, catalog last — it may simply not have arrived, so its
// entry is asked of the platform (8102, through the CatalogSource the app gives the service), and when
// the platform cannot be asked the bill is refused (CATALOG_INCOMPLETE) rather than settled with
// those lines wrongly classed.
import type { CatalogDatasetName } from '../../shared/protocol';
import { getRows, incompleteDatasets, type StationDb } from '../db';
import type { CatalogEntryOf } from '../sync';
import { SettleServiceError } from './errors';

/** Where the entries of codes not yet stored come from (the app: 8102 via renderer/sync). */
export interface CatalogSource {
  entries<D extends CatalogDatasetName>(dataset: D, codes: string[]): Promise<Map<string, CatalogEntryOf<D>>>;
}

/** At most this many codes are named in a refusal's detail. */
const NAMED = 5;

function named(codes: string[]): string {
  return codes.length <= NAMED ? codes.join(', ') : `${codes.slice(0, NAMED).join(', ')} … (${codes.length})`;
}

/** The bill codes' entries the station holds (one getRows of the dataset, so it can run inside a
 * read transaction over its rowStores: build-request.ts). */
export async function storedEntries<D extends CatalogDatasetName>(
  db: StationDb,
  dataset: D,
  codes: string[],
): Promise<Map<string, CatalogEntryOf<D>>> {
  const entries = new Map<string, CatalogEntryOf<D>>();
  if (codes.length === 0) return entries; // the verdict after a card read: no bill yet, nothing to read
  const rows = (await getRows(db, dataset, codes)) as (
    { key: string; entry: CatalogEntryOf<D> } | undefined
  )[];
  rows.forEach((r) => r && entries.set(r.key, r.entry));
  return entries;
}

/** The entries the request carries, in the bill's order: the stored ones, and for codes not stored
 * while the dataset is not whole yet, the platform's (8102) or a refusal. Outside any transaction:
 * it may wait for the platform. */
export async function completeEntries<D extends CatalogDatasetName>(
  db: StationDb,
  dataset: D,
  codes: string[],
  /** what storedEntries read of this dataset */
  stored: ReadonlyMap<string, CatalogEntryOf<CatalogDatasetName>>,
  source: CatalogSource | undefined,
): Promise<Record<string, CatalogEntryOf<D>>> {
  const entries = new Map(stored) as Map<string, CatalogEntryOf<D>>;
  const absent = codes.filter((c) => !entries.has(c));
  if (absent.length > 0 && (await incompleteDatasets(db, [dataset])).length > 0) {
    if (!source) throw new SettleServiceError('CATALOG_INCOMPLETE', { detail: named(absent) });
    let fetched: Map<string, CatalogEntryOf<D>>;
    try {
      fetched = await source.entries(dataset, absent);
    } catch (e) {
      throw new SettleServiceError('CATALOG_INCOMPLETE', { detail: named(absent), cause: e });
    }
    for (const [code, entry] of fetched) entries.set(code, entry);
  }
  return Object.fromEntries(codes.flatMap((c) => (entries.has(c) ? [[c, entries.get(c)!]] : [])));
}
