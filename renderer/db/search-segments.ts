// Catalog search segments: the catalog's search data, written as one record per pulled page in the
// same transaction as the page's rows, and searched in memory.
//
// Why not an IndexedDB index: a multi-entry index of pinyin initials and name fragments costs about
// six index entries per row, which made storing the catalog three times slower than storing the bare
// rows (bench:station). A segment is one record per page of up to 5,000 rows: the codes, the
// normalised names and the pinyin initials, each as one newline-separated string, plus the codes the
// page deleted. Like the segments of a log-structured index, segments are immutable: a row changed
// by a later page is found again in a newer segment, so the newest segment that holds a code wins,
// and every hit is checked against the stored row before it is shown (renderer/db/catalog-search.ts).
// compactCatalogSearch merges the segments when incremental pulls have made many small ones.
import type { StationDb } from './station-db';
import type { CatalogRow, CatalogSearchSegmentRow } from './types';
import { normalizeSearchText, pinyinInitials } from './search-keys';

/** A segment of search data for rows as a page delivered them; deleted codes as the page listed them. */
export function buildSearchSegment(
  rows: readonly { key: string; name: string }[],
  deleted: readonly string[],
): CatalogSearchSegmentRow {
  const codes = new Array<string>(rows.length);
  const names = new Array<string>(rows.length);
  const initials = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    codes[i] = r.key;
    names[i] = normalizeSearchText(r.name);
    initials[i] = pinyinInitials(r.name);
  }
  return { codes, names: framed(names), initials: framed(initials), deleted: [...deleted] };
}

/** "\n" + lines joined by "\n" + "\n": every line, the first included, starts after a newline, so a
 * prefix search is a search for "\n" + query. Normalised text never contains a newline. */
function framed(lines: string[]): string {
  return lines.length === 0 ? '\n' : `\n${lines.join('\n')}\n`;
}

function lines(framedText: string): string[] {
  return framedText.length <= 1 ? [] : framedText.slice(1, -1).split('\n');
}

/** Segments bigger than this are split when compacting; a pulled page is at most 5,000 rows too. */
export const SEGMENT_ROWS = 5000;
/** More segments than this (many small incremental pages) are merged after a catalog pull. */
export const MAX_SEGMENTS = 64;

/**
 * Merges all segments into as few as possible, keeping for each code only its newest entry and
 * dropping deleted codes. One readwrite transaction on the segment store, so a search or a pull
 * never sees half of it; the catalog rows are not read. Returns how many segments there are now.
 */
export async function compactCatalogSearch(
  db: StationDb,
  opts: { maxSegments?: number; segmentRows?: number } = {},
): Promise<number> {
  const maxSegments = opts.maxSegments ?? MAX_SEGMENTS;
  const segmentRows = opts.segmentRows ?? SEGMENT_ROWS;
  return db.transaction('rw', db.catalog_search, async () => {
    const count = await db.catalog_search.count();
    if (count <= maxSegments) return count;
    const all = await db.catalog_search.toArray();
    all.sort((a, b) => b.id! - a.id!);
    const seen = new Set<string>();
    const live: { codes: string[]; names: string[]; initials: string[] } = {
      codes: [],
      names: [],
      initials: [],
    };
    for (const seg of all) {
      for (const code of seg.deleted) seen.add(code);
      const names = lines(seg.names);
      const initials = lines(seg.initials);
      seg.codes.forEach((code, i) => {
        if (seen.has(code)) return;
        seen.add(code);
        live.codes.push(code);
        live.names.push(names[i]!);
        live.initials.push(initials[i]!);
      });
    }
    await db.catalog_search.clear();
    const merged: CatalogSearchSegmentRow[] = [];
    for (let i = 0; i < live.codes.length; i += segmentRows) {
      merged.push({
        codes: live.codes.slice(i, i + segmentRows),
        names: framed(live.names.slice(i, i + segmentRows)),
        initials: framed(live.initials.slice(i, i + segmentRows)),
        deleted: [],
      });
    }
    if (merged.length > 0) await db.catalog_search.bulkAdd(merged);
    return merged.length;
  });
}

/** A segment as held in memory: its texts and where each line starts in them. */
interface LoadedSegment {
  id: number;
  codes: string[];
  names: string;
  initials: string;
  nameStarts: Int32Array;
  initialStarts: Int32Array;
}

function lineStarts(text: string, count: number): Int32Array {
  // starts[i] is the offset of line i (just after its newline); starts[count] is the final newline + 1
  const starts = new Int32Array(count + 1);
  let at = 0;
  for (let i = 0; i <= count; i++) {
    starts[i] = at + 1;
    const next = text.indexOf('\n', at + 1);
    if (next < 0) break;
    at = next;
  }
  return starts;
}

function load(row: CatalogSearchSegmentRow): LoadedSegment {
  return {
    id: row.id!,
    codes: row.codes,
    names: row.names,
    initials: row.initials,
    nameStarts: lineStarts(row.names, row.codes.length),
    initialStarts: lineStarts(row.initials, row.codes.length),
  };
}

/** Line index of an offset: the last line starting at or before it. */
function lineAt(starts: Int32Array, count: number, offset: number): number {
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function lineText(text: string, starts: Int32Array, line: number): string {
  return text.slice(starts[line]!, starts[line + 1]! - 1);
}

export interface SearchCandidate {
  code: string;
  /** the normalised name this segment holds for the code; a hit counts only if the stored row
   * still has this name */
  name: string;
}

export type SearchField = 'names' | 'initials';

/** The segments of one database held in memory, refreshed from the segment store before a search. */
export class CatalogSearchIndex {
  private segments: LoadedSegment[] = []; // newest first
  private refreshing: Promise<void> | null = null;

  constructor(private readonly db: StationDb) {}

  /** Loads segments written since the last call (by this window or another) and forgets removed
   * ones. A handful of keys is read when nothing changed. */
  refresh(): Promise<void> {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async doRefresh(): Promise<void> {
    const ids = (await this.db.catalog_search.toCollection().primaryKeys()) as number[];
    const present = new Set(ids);
    const known = new Set(this.segments.map((s) => s.id));
    const missing = ids.filter((id) => !known.has(id));
    const kept = this.segments.filter((s) => present.has(s.id));
    const added = missing.length === 0 ? [] : await this.db.catalog_search.bulkGet(missing);
    for (const row of added) if (row) kept.push(load(row));
    kept.sort((a, b) => b.id - a.id);
    this.segments = kept;
  }

  get size(): { segments: number; entries: number } {
    return {
      segments: this.segments.length,
      entries: this.segments.reduce((n, s) => n + s.codes.length, 0),
    };
  }

  /**
   * Entries whose field starts with q (newest segment first), then entries that contain q further
   * in (unless prefixOnly). q is normalised search text (no newline). An entry is offered once per
   * segment and pass.
   */
  *candidates(field: SearchField, q: string, prefixOnly = false): Generator<SearchCandidate> {
    for (const prefixPass of prefixOnly ? [true] : [true, false]) {
      const needle = prefixPass ? `\n${q}` : q;
      for (const seg of this.segments) {
        const text = field === 'names' ? seg.names : seg.initials;
        const starts = field === 'names' ? seg.nameStarts : seg.initialStarts;
        const count = seg.codes.length;
        let from = 0;
        for (;;) {
          const at = text.indexOf(needle, from);
          if (at < 0) break;
          const hit = prefixPass ? at + 1 : at;
          const line = lineAt(starts, count, hit);
          // the inner pass skips lines the prefix pass already offered
          if (prefixPass || hit !== starts[line]) {
            yield { code: seg.codes[line]!, name: lineText(seg.names, seg.nameStarts, line) };
          }
          from = starts[line + 1]! - 1; // on to the next line (its leading newline)
        }
      }
    }
  }
}

const indexes = new WeakMap<StationDb, CatalogSearchIndex>();

/** The in-memory search index of a database, shared by every search in this window. */
export function catalogSearchIndex(db: StationDb): CatalogSearchIndex {
  let index = indexes.get(db);
  if (!index) {
    index = new CatalogSearchIndex(db);
    indexes.set(db, index);
  }
  return index;
}

/** Loads the search segments ahead of the first search (the app calls it after opening the
 * database; the first search would otherwise pay for it). */
export async function warmCatalogSearch(db: StationDb): Promise<{ segments: number; entries: number }> {
  const index = catalogSearchIndex(db);
  await index.refresh();
  return index.size;
}

/** Stores catalog rows and their search segment in one transaction (tests, tools and the demo seed;
 * the pull writes pages through renderer/sync/apply-page.ts). */
export async function putCatalogRows(
  db: StationDb,
  rows: CatalogRow[],
): Promise<void> {
  await db.transaction('rw', db.catalog, db.catalog_search, async () => {
    await db.catalog.bulkPut(rows);
    for (let i = 0; i < rows.length; i += SEGMENT_ROWS) {
      await db.catalog_search.add(buildSearchSegment(rows.slice(i, i + SEGMENT_ROWS), []));
    }
  });
}
