// Catalog search at the counter. A code prefix is a range on the catalog's primary key; pinyin
// initials and name fragments are found in the in-memory lookup segments (search-segments.ts), and
// every hit is checked against the stored row, so a row changed or deleted since its segment was
// written is never shown with an old name. A few milliseconds over 300,000 rows
// (scripts/bench-station.ts).
import type { StationDb } from './station-db';
import type { CatalogDataset, CatalogRow, WiCatalogRow } from './types';
import { getRows, keysWithPrefix, type PackRows } from './packs';
import { normalizeSearchText } from './search-keys';
import { segmentIndex, type MatchMode, type SegmentHit } from './search-segments';

export interface CatalogSearchOptions {
  limit?: number;
}

const CJK = /[\u3400-\u9fff]/u;

function codePrefixes(q: string): string[] {
  const trimmed = q.trim();
  return [...new Set([trimmed, trimmed.toUpperCase()])].filter((s) => s.length > 0);
}

async function byCodePrefix<D extends CatalogDataset>(
  db: StationDb,
  dataset: D,
  q: string,
  limit: number,
): Promise<PackRows[D][]> {
  const keys = await keysWithPrefix(db, dataset, codePrefixes(q), limit);
  return (await getRows(db, dataset, keys)).filter((r): r is PackRows[D] => r !== undefined);
}

/** Takes candidates in batches, keeps those whose stored row still has the segment's name, until
 * `limit` rows are found or the candidates run out. */
async function verified<D extends CatalogDataset>(
  db: StationDb,
  dataset: D,
  candidates: Iterator<SegmentHit>,
  limit: number,
  seen: Set<string>,
): Promise<PackRows[D][]> {
  const out: PackRows[D][] = [];
  const batchSize = Math.max(limit * 2, 16);
  let exhausted = false;
  while (out.length < limit && !exhausted) {
    const batch: SegmentHit[] = [];
    while (batch.length < batchSize) {
      const next = candidates.next();
      if (next.done) {
        exhausted = true;
        break;
      }
      if (!seen.has(next.value.key)) batch.push(next.value);
    }
    if (batch.length === 0) break;
    const rows = await getRows(
      db,
      dataset,
      batch.map((c) => c.key),
    );
    for (let i = 0; i < batch.length && out.length < limit; i++) {
      const row = rows[i];
      const c = batch[i]!;
      // a segment older than the row's last change may hold another name: only the stored row counts
      if (!row || seen.has(c.key) || normalizeSearchText(row.name) !== c.text('names')) continue;
      seen.add(c.key);
      out.push(row);
    }
  }
  return out;
}

/**
 * Finds catalog entries by code prefix ("XB01"), pinyin initials ("amxl") or a fragment of the name
 * ("阿莫", "西林"). Code matches come first, then entries whose name or initials equal the query,
 * then those that start with it, then those that contain it further in. An empty query finds
 * nothing.
 */
export function searchCatalog(
  db: StationDb,
  query: string,
  opts: CatalogSearchOptions = {},
): Promise<CatalogRow[]> {
  return search(db, 'catalog', query, opts);
}

/** The same search over the work-injury catalog (rehabilitation items, drugs of the work-injury list). */
export function searchWiCatalog(
  db: StationDb,
  query: string,
  opts: CatalogSearchOptions = {},
): Promise<WiCatalogRow[]> {
  return search(db, 'wi_catalog', query, opts);
}

async function search<D extends CatalogDataset>(
  db: StationDb,
  dataset: D,
  query: string,
  opts: CatalogSearchOptions,
): Promise<PackRows[D][]> {
  const limit = opts.limit ?? 20;
  const n = normalizeSearchText(query);
  if (n.length === 0) return [];
  const index = segmentIndex(db, dataset);
  await index.refresh();
  const seen = new Set<string>();
  const out: PackRows[D][] = [];
  const passes: { field: 'names' | 'initials'; mode: MatchMode }[] = [];
  // Exact matches first (a cashier who typed a whole name wants that item on top), then entries
  // that start with the query, then those that contain it further in.
  if (CJK.test(n)) {
    passes.push({ field: 'names', mode: 'exact' }, { field: 'names', mode: 'contains' });
  } else {
    for (const row of await byCodePrefix(db, dataset, query, limit)) {
      seen.add(row.key);
      out.push(row);
    }
    // letters only: pinyin initials anywhere (start first), or the start of a Latin name ("VitC")
    if (/^[a-z]+$/.test(n))
      passes.push(
        { field: 'initials', mode: 'exact' },
        { field: 'initials', mode: 'contains' },
        { field: 'names', mode: 'prefix' },
      );
  }
  for (const { field, mode } of passes) {
    if (out.length >= limit) break;
    out.push(...(await verified(db, dataset, index.hits(field, n, mode), limit - out.length, seen)));
  }
  return out;
}
