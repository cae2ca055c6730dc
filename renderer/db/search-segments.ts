// Lookup segments: the secondary keys of the two big datasets, written as one record per pulled page
// in the same transaction as the page's rows, and searched in memory.
//
// Why not IndexedDB indexes: every index entry is one more B-tree write per row. The catalog's
// multi-entry index of pinyin initials and name fragments (about six entries per row) made storing
// the catalog three times slower than storing the bare rows, and the filings' two indexes (ID number,
// psn_no) cost a third of their throughput (bench:station). A segment holds, for up to 5,000 rows of
// one page, the row keys and each lookup field as one newline-separated string, plus the keys the
// page deleted:
//   catalog, wi_catalog  names (normalised), initials (pinyin)  — found by fragment or prefix
//   filings              certno, psn_no                          — found by exact value
// Like the segments of a log-structured index they are immutable: a row changed by a later page is
// found again in a newer segment, and every hit is checked against the stored row before it is
// returned, so an old segment can never make a lookup return a row that no longer matches.
// compactSegments merges them when incremental pulls have made many small ones.
import Dexie, { RangeSet, rangesOverlap, type IntervalTree, type ObservabilitySet } from 'dexie';
import type { StationDb } from './station-db';
import type { CatalogDataset, CatalogRow, FilingRow, SegmentDataset, SegmentRow } from './types';
import { normalizeSearchText, pinyinInitials } from './search-keys';
import { PACK_ROWS, packTable } from './packs';

export const SEGMENT_FIELDS = {
  catalog: ['names', 'initials'],
  wi_catalog: ['names', 'initials'],
  filings: ['certno', 'psn_no'],
} as const satisfies Record<SegmentDataset, readonly string[]>;

/** Whether a dataset keeps lookup segments (and so gets one per pulled page). */
export function isSegmentDataset(dataset: string): dataset is SegmentDataset {
  return Object.hasOwn(SEGMENT_FIELDS, dataset);
}

/** "\n" + lines joined by "\n" + "\n": every line, the first included, starts after a newline and
 * ends before one, so a prefix search is a search for "\n" + q and an exact one for "\n" + q + "\n".
 * Normalised text never contains a newline; a value that does (a psn_no from a broken platform)
 * gets a space instead, which keeps the lines aligned with the keys and can match no lookup. */
function framed(lines: readonly string[]): string {
  if (lines.length === 0) return '\n';
  const text = lines.join('\n');
  return text.split('\n').length === lines.length
    ? `\n${text}\n`
    : `\n${lines.map((l) => l.replaceAll('\n', ' ')).join('\n')}\n`;
}

function unframe(text: string): string[] {
  return text.length <= 1 ? [] : text.slice(1, -1).split('\n');
}

function segment(
  dataset: SegmentDataset,
  keys: string[],
  fields: Record<string, string[]>,
  deleted: readonly string[],
): SegmentRow {
  const framedFields: Record<string, string> = {};
  for (const [name, lines] of Object.entries(fields)) framedFields[name] = framed(lines);
  return { dataset, keys, fields: framedFields, deleted: [...deleted] };
}

/** The segment of a catalog (or work-injury catalog) page: normalised names and pinyin initials. */
export function catalogSegment(
  rows: readonly Pick<CatalogRow, 'key' | 'name'>[],
  deleted: readonly string[],
  dataset: CatalogDataset = 'catalog',
): SegmentRow {
  const keys = new Array<string>(rows.length);
  const names = new Array<string>(rows.length);
  const initials = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    keys[i] = r.key;
    names[i] = normalizeSearchText(r.name);
    initials[i] = pinyinInitials(r.name);
  }
  return segment(dataset, keys, { names, initials }, deleted);
}

/** The segment of a filings page: the ID number and psn_no of its rows. */
export function filingSegment(
  rows: readonly Pick<FilingRow, 'key' | 'certno' | 'psn_no'>[],
  deleted: readonly string[],
): SegmentRow {
  return segment(
    'filings',
    rows.map((r) => r.key),
    { certno: rows.map((r) => r.certno), psn_no: rows.map((r) => r.psn_no) },
    deleted,
  );
}

/** Segments bigger than this are split when compacting; a pulled page is at most 5,000 rows too. */
export const SEGMENT_ROWS = 5000;

/** The segments of rows stored outside a pull (the v3 upgrade, putCatalogRows, putFilingRows):
 * one per SEGMENT_ROWS rows, in the rows' order. */
export function segmentsOf<T>(rows: readonly T[], build: (part: T[]) => SegmentRow): SegmentRow[] {
  const out: SegmentRow[] = [];
  for (let i = 0; i < rows.length; i += SEGMENT_ROWS) out.push(build(rows.slice(i, i + SEGMENT_ROWS)));
  return out;
}
/** More segments than this for one dataset (many small incremental pages) are merged after a pull. */
export const MAX_SEGMENTS = 64;

/**
 * Merges the segments of a dataset into as few as possible when there are more than maxSegments
 * beyond what its rows need, keeping for each key only its newest entry and dropping deleted keys.
 * One readwrite transaction on the segment store, so a lookup or a pull never sees half of it; the
 * rows are only counted. Returns how many segments the dataset has now.
 */
export async function compactSegments(
  db: StationDb,
  dataset: SegmentDataset,
  opts: { maxSegments?: number; segmentRows?: number } = {},
): Promise<number> {
  const maxSegments = opts.maxSegments ?? MAX_SEGMENTS;
  const segmentRows = opts.segmentRows ?? SEGMENT_ROWS;
  const fieldNames: readonly string[] = SEGMENT_FIELDS[dataset];
  // Counting the segments is cheap; the rows are counted only when a merge may be due. As many
  // segments as the live rows need, plus maxSegments small ones, before merging pays: a dataset
  // bigger than maxSegments × segmentRows is not rewritten after every pull.
  const segments = await db.segments.where('dataset').equals(dataset).count();
  if (segments <= maxSegments) return segments;
  // rows held: the row store's and the pulled entries (packs hold at most PACK_ROWS each; an
  // overcount only merges later)
  const held = (await db.table(dataset).count()) + (await packTable(db, dataset).count()) * PACK_ROWS;
  const needed = Math.ceil(held / segmentRows);
  return db.transaction('rw', db.segments, async () => {
    const ids = await db.segments.where('dataset').equals(dataset).primaryKeys();
    if (ids.length <= needed + maxSegments) return ids.length;
    const all = (await db.segments.bulkGet(ids)).filter((s): s is SegmentRow => s !== undefined);
    all.sort((a, b) => b.id! - a.id!);
    const seen = new Set<string>();
    const keys: string[] = [];
    const fields: Record<string, string[]> = Object.fromEntries(fieldNames.map((f) => [f, []]));
    for (const seg of all) {
      for (const key of seg.deleted) seen.add(key);
      const lines = fieldNames.map((f) => unframe(seg.fields[f] ?? '\n'));
      // last line first: within one segment a later line for the same key is the newer one
      for (let i = seg.keys.length - 1; i >= 0; i--) {
        const key = seg.keys[i]!;
        if (seen.has(key)) continue;
        seen.add(key);
        keys.push(key);
        fieldNames.forEach((f, j) => fields[f]!.push(lines[j]![i]!));
      }
    }
    await db.segments.bulkDelete(ids);
    const merged: SegmentRow[] = [];
    for (let i = 0; i < keys.length; i += segmentRows) {
      const part = (lines: string[]) => lines.slice(i, i + segmentRows);
      merged.push(
        segment(dataset, part(keys), Object.fromEntries(fieldNames.map((f) => [f, part(fields[f]!)])), []),
      );
    }
    // the first part holds the newest entries: it is added last, so it gets the largest id and is
    // searched first, as before the merge
    merged.reverse();
    if (merged.length > 0) await db.segments.bulkAdd(merged);
    return merged.length;
  });
}

/** A segment as held in memory: its texts and where each line starts in them. The row keys are held
 * the same way, as one newline-framed text (one string instead of one per row: 500,000 small strings
 * were a third of a full station's JS heap, docs/sync.md "Memory"), unless a key holds a newline
 * (only a broken platform could send one), when they stay an array. */
interface LoadedSegment {
  id: number;
  count: number;
  keyText: string | null;
  keyStarts: Int32Array | null;
  keyList: string[] | null;
  texts: Record<string, string>;
  starts: Record<string, Int32Array>;
}

function lineStarts(text: string, count: number): Int32Array {
  // starts[i] is the offset of line i (just after its newline); starts[count] is one past the last
  // newline, so line i is text.slice(starts[i], starts[i + 1] - 1)
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

function load(row: SegmentRow): LoadedSegment {
  const count = row.keys.length;
  const starts: Record<string, Int32Array> = {};
  for (const [f, text] of Object.entries(row.fields)) starts[f] = lineStarts(text, count);
  const plain = !row.keys.some((k) => k.includes('\n'));
  const keyText = plain ? framed(row.keys) : null;
  return {
    id: row.id!,
    count,
    keyText,
    keyStarts: keyText === null ? null : lineStarts(keyText, count),
    keyList: plain ? null : row.keys,
    texts: row.fields,
    starts,
  };
}

function keyAt(seg: LoadedSegment, line: number): string {
  if (seg.keyList) return seg.keyList[line]!;
  return seg.keyText!.slice(seg.keyStarts![line]!, seg.keyStarts![line + 1]! - 1);
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

export type MatchMode = 'exact' | 'prefix' | 'contains';

/** A line of a segment that matched: the row key, and the segment's text for any field of it. */
export interface SegmentHit {
  key: string;
  text(field: string): string;
}

const nonEmpty = (t: IntervalTree | undefined): boolean => t !== undefined && 'from' in t;

/** Whether a committed write (Dexie's observability parts) may have touched this dataset's segments:
 * it wrote the segments store and its `dataset` index entries include this dataset, or are not
 * known (deletes of rows Dexie did not read, bulk writes of 50 or more), or everything changed. */
function touches(parts: ObservabilitySet, dbName: string, dataset: SegmentDataset): boolean {
  if ('all' in parts) return true;
  const part = (name: string) => parts[`idb://${dbName}/segments/${name}`];
  const unknownDeletes = nonEmpty(part(':dels'));
  if (!nonEmpty(part('')) && !unknownDeletes) return false; // not the segments store
  const byDataset = part('dataset');
  return unknownDeletes || !nonEmpty(byDataset) || rangesOverlap(byDataset!, datasetRange(dataset));
}

const ranges = new Map<SegmentDataset, RangeSet>();
function datasetRange(dataset: SegmentDataset): RangeSet {
  let r = ranges.get(dataset);
  if (!r) ranges.set(dataset, (r = new RangeSet(dataset)));
  return r;
}

/** The segments of one dataset of one database, held in memory and refreshed before each lookup. */
export class SegmentIndex {
  private segments: LoadedSegment[] = []; // newest first
  /** the refresh that runs or ran last (never rejects) */
  private running: Promise<void> = Promise.resolve();
  /** a refresh not started yet: it reads the ids after every call that got it */
  private queued: Promise<void> | null = null;
  /** the segments store may have changed since the last refresh began reading it */
  private dirty = true;

  constructor(
    private readonly db: StationDb,
    readonly dataset: SegmentDataset,
  ) {
    // Dexie announces every committed write, this window's and (over a BroadcastChannel) other
    // windows', before the code that awaited it goes on: a lookup reads the store only after one
    // touched the segments. Until now each lookup read the segment ids, and that read waited behind
    // any readwrite transaction over the store (a pull's pages, a sync cycle): tens of milliseconds
    // at the counter on the full world, seconds while the first catalog pull ran.
    const onMutated = (parts: ObservabilitySet) => {
      if (!this.dirty && touches(parts, db.name, dataset)) this.dirty = true;
    };
    Dexie.on('storagemutated', onMutated);
    db.on('close', () => Dexie.on.storagemutated.unsubscribe(onMutated));
  }

  /** Loads segments written since the last call (by this window or another) and forgets removed
   * ones; when no write touched the segments since the last refresh began, it reads nothing. A call
   * made while a refresh runs waits for a new one that starts after it (it may have missed a page
   * committed since); calls made meanwhile share that next one. */
  refresh(): Promise<void> {
    if (!this.dirty && !this.queued) return this.running;
    if (this.queued) return this.queued;
    const next = this.running.then(() => {
      this.queued = null;
      return this.doRefresh();
    });
    this.queued = next;
    this.running = next.catch(() => undefined);
    return next;
  }

  private async doRefresh(): Promise<void> {
    this.dirty = false; // a write committed from now on is seen by this read or marks it again
    // ids and contents in one read transaction, so a compaction elsewhere cannot delete a segment
    // between the two reads
    const added = await this.db
      .transaction('r', this.db.segments, async () => {
        const ids = await this.db.segments.where('dataset').equals(this.dataset).primaryKeys();
        const known = new Set(this.segments.map((s) => s.id));
        const missing = ids.filter((id) => !known.has(id));
        const rows = missing.length === 0 ? [] : await this.db.segments.bulkGet(missing);
        return { ids, rows };
      })
      .catch((e: unknown) => {
        this.dirty = true; // not read: the next lookup tries again
        throw e;
      });
    const present = new Set(added.ids);
    const kept = this.segments.filter((s) => present.has(s.id));
    for (const row of added.rows) if (row) kept.push(load(row));
    kept.sort((a, b) => b.id - a.id);
    this.segments = kept;
  }

  /** How much is held: segments, entries, and the characters of their keys and texts (a rough
   * memory figure: one byte per character for ASCII text, two for Chinese). */
  get size(): { segments: number; entries: number; chars: number } {
    let entries = 0;
    let chars = 0;
    for (const s of this.segments) {
      entries += s.count;
      chars += s.keyText?.length ?? s.keyList!.reduce((n, k) => n + k.length, 0);
      for (const t of Object.values(s.texts)) chars += t.length;
    }
    return { segments: this.segments.length, entries, chars };
  }

  /**
   * Lines whose field equals q ('exact'), starts with q ('prefix'), or starts with q and then
   * contains it further in ('contains': all prefix hits first), newest segment first. q must not
   * contain a newline. A line is offered once per segment and pass.
   */
  *hits(field: string, q: string, mode: MatchMode): Generator<SegmentHit> {
    if (q === '' || q.includes('\n')) return;
    const segments = this.segments; // the same segments for every pass, even if a refresh lands
    const passes: [string, boolean][] =
      mode === 'exact'
        ? [[`\n${q}\n`, true]]
        : mode === 'prefix'
          ? [[`\n${q}`, true]]
          : [
              [`\n${q}`, true],
              [q, false],
            ];
    for (const [needle, atLineStart] of passes) {
      for (const seg of segments) {
        const text = seg.texts[field];
        const starts = seg.starts[field];
        if (text === undefined || starts === undefined) continue;
        const count = seg.count;
        let from = 0;
        for (;;) {
          const at = text.indexOf(needle, from);
          if (at < 0) break;
          const pos = atLineStart ? at + 1 : at;
          const line = lineAt(starts, count, pos);
          // the inner pass skips lines the prefix pass already offered
          if (atLineStart || pos !== starts[line]) {
            yield {
              key: keyAt(seg, line),
              text: (f) => {
                const s = seg.starts[f]!;
                return seg.texts[f]!.slice(s[line]!, s[line + 1]! - 1);
              },
            };
          }
          from = starts[line + 1]! - 1; // on to the next line (its leading newline)
        }
      }
    }
  }
}

const indexes = new WeakMap<StationDb, Map<SegmentDataset, SegmentIndex>>();

/** The in-memory segment index of a dataset, shared by every lookup in this window. */
export function segmentIndex(db: StationDb, dataset: SegmentDataset): SegmentIndex {
  let byDataset = indexes.get(db);
  if (!byDataset) {
    byDataset = new Map();
    indexes.set(db, byDataset);
  }
  let index = byDataset.get(dataset);
  if (!index) {
    index = new SegmentIndex(db, dataset);
    byDataset.set(dataset, index);
  }
  return index;
}

/** Loads the segments ahead of the first lookup (the app calls it after opening the database, so
 * the first card read or search does not pay for it). */
export async function warmSegments(db: StationDb): Promise<Record<SegmentDataset, SegmentIndex['size']>> {
  const datasets = Object.keys(SEGMENT_FIELDS) as SegmentDataset[];
  await Promise.all(datasets.map((d) => segmentIndex(db, d).refresh()));
  return Object.fromEntries(datasets.map((d) => [d, segmentIndex(db, d).size])) as Record<
    SegmentDataset,
    SegmentIndex['size']
  >;
}

/** Stores catalog rows and their segments in one transaction (tests, tools and upgrades; the pull
 * writes pages through renderer/sync/apply-page.ts). */
export async function putCatalogRows(db: StationDb, rows: CatalogRow[]): Promise<void> {
  await db.transaction('rw', db.catalog, db.segments, async () => {
    await db.catalog.bulkPut(rows);
    await db.segments.bulkAdd(segmentsOf(rows, (part) => catalogSegment(part, [])));
  });
}

/** Stores filing rows and their segments in one transaction, as putCatalogRows. */
export async function putFilingRows(db: StationDb, rows: FilingRow[]): Promise<void> {
  await db.transaction('rw', db.filings, db.segments, async () => {
    await db.filings.bulkPut(rows);
    await db.segments.bulkAdd(segmentsOf(rows, (part) => filingSegment(part, [])));
  });
}
