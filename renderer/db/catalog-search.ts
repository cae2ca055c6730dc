// Catalog search at the counter: one index range per query kind, limited, so a search over 300,000
// rows stays a few milliseconds (measured by scripts/bench-station.ts).
import type { StationDb } from './station-db';
import type { CatalogRow } from './types';
import { MAX_KEY_CHARS, normalizeSearchText, pinyinInitials } from './search-keys';

export interface CatalogSearchOptions {
  limit?: number;
}

const CJK = /[\u3400-\u9fff]/u;

function codePrefixes(q: string): string[] {
  const trimmed = q.trim();
  return [...new Set([trimmed, trimmed.toUpperCase()])].filter((s) => s.length > 0);
}

async function byCodePrefix(db: StationDb, q: string, limit: number): Promise<CatalogRow[]> {
  const prefixes = codePrefixes(q);
  if (prefixes.length === 0) return [];
  return db.catalog.where(':id').startsWithAnyOf(prefixes).limit(limit).toArray();
}

/** A prefix range on the terms index (pinyin initials and name fragments), one row per key; a query
 * longer than the indexed keys is checked against the full name. */
async function byTerm(
  db: StationDb,
  n: string,
  kind: 'pinyin' | 'fragment',
  limit: number,
): Promise<CatalogRow[]> {
  const coll = db.catalog.where('terms').startsWith(n.slice(0, MAX_KEY_CHARS)).distinct();
  if (n.length <= MAX_KEY_CHARS) return coll.limit(limit).toArray();
  const matches = (row: CatalogRow) =>
    kind === 'pinyin'
      ? pinyinInitials(row.name).startsWith(n) || normalizeSearchText(row.name).startsWith(n)
      : normalizeSearchText(row.name).includes(n);
  return coll.filter(matches).limit(limit).toArray();
}

/**
 * Finds catalog entries by code prefix ("XB01"), pinyin initials ("amxl") or a fragment of the name
 * ("阿莫", "西林"). Code matches come first. An empty query finds nothing.
 */
export async function searchCatalog(
  db: StationDb,
  query: string,
  opts: CatalogSearchOptions = {},
): Promise<CatalogRow[]> {
  const limit = opts.limit ?? 20;
  const n = normalizeSearchText(query);
  if (n.length === 0) return [];
  const found: CatalogRow[][] = [];
  if (CJK.test(n)) {
    found.push(await byTerm(db, n, 'fragment', limit));
  } else {
    found.push(await byCodePrefix(db, query, limit));
    if (/^[a-z]+$/.test(n)) found.push(await byTerm(db, n, 'pinyin', limit));
  }
  const seen = new Set<string>();
  const out: CatalogRow[] = [];
  for (const rows of found) {
    for (const row of rows) {
      if (out.length >= limit) return out;
      if (seen.has(row.key)) continue;
      seen.add(row.key);
      out.push(row);
    }
  }
  return out;
}
