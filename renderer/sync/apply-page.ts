// Turns a validated 8101 page into stored rows and writes it (or a run of consecutive pages), with
// its checkpoint, in one Dexie transaction: either the pages and the new since_ver are all stored, or
// none is, so a cut download resumes exactly after the last stored page.
import type {
  AccumulatorRow,
  CatalogRow,
  DatasetName,
  FilingRow,
  PackDataset,
  PackRows,
  PolicyRow,
  SegmentRow,
  StationDb,
} from '../db';
import {
  catalogSegment,
  filingSegment,
  getRows,
  isPackDataset,
  notePulled,
  putPulled,
  rowStores,
} from '../db';
import type { Table } from 'dexie';
import type { DatasetRow, ValidPage } from './page-validation';

function tableOf(db: StationDb, dataset: DatasetName) {
  return db.table(dataset);
}

export function toFilingRow(r: DatasetRow<'filings'>): FilingRow {
  return {
    key: r.key,
    scheme: r.scheme,
    psn_no: r.person.psn_no,
    certno: r.person.certno.toUpperCase(),
    person: r.person,
    filing: r.filing,
  };
}

function toCatalogRow(r: DatasetRow<'catalog'>): CatalogRow {
  return { key: r.key, name: r.entry.name, entry: r.entry };
}

function toPolicyRow(r: DatasetRow<'policies'>): PolicyRow {
  const p = r.policy;
  return {
    key: r.key,
    insuplc_admdvs: p.insuplc_admdvs,
    insutype: p.insutype ?? '',
    valid_from: p.valid_from,
    valid_to: p.valid_to ?? null,
    policy: p,
  };
}

/** A page ready to store: its rows in the shape of the dataset's table, and for the catalog and the
 * filings the page's lookup segment. */
export interface PreparedPage {
  rows: unknown[];
  segment?: SegmentRow;
}

/** Prepares a page for applyPage. Pure, so it runs while the previous page is written. */
export function prepareRows(dataset: DatasetName, page: ValidPage<DatasetName>): PreparedPage {
  const rows = storedRows(dataset, page);
  if (rows.length === 0 && page.deleted.length === 0) return { rows };
  if (dataset === 'catalog' || dataset === 'wi_catalog')
    return { rows, segment: catalogSegment(rows as CatalogRow[], page.deleted, dataset) };
  if (dataset === 'filings') return { rows, segment: filingSegment(rows as FilingRow[], page.deleted) };
  return { rows };
}

/** Rows of this page in the shape of the dataset's table (everything except accumulators, which
 * need the stored rows to merge with). */
function storedRows(dataset: DatasetName, page: ValidPage<DatasetName>): unknown[] {
  switch (dataset) {
    case 'filings':
      return (page.rows as DatasetRow<'filings'>[]).map(toFilingRow);
    case 'catalog':
      return (page.rows as DatasetRow<'catalog'>[]).map(toCatalogRow);
    case 'wi_catalog':
      return (page.rows as DatasetRow<'wi_catalog'>[]).map((r) => ({
        key: r.key,
        name: r.entry.name,
        entry: r.entry,
      }));
    case 'policies':
      return (page.rows as DatasetRow<'policies'>[]).map(toPolicyRow);
    case 'institutions':
      return page.rows;
    case 'accumulators':
      return [];
  }
}

/** The platform's accumulators replace the local ones only for people with nothing in the outbox
 * (settlements or cancels):
 * while a settlement is unanswered the platform's figures do not include it yet, and overwriting
 * would let the next offline settlement pay the same deductible twice. Only those people's stored
 * rows are read: a first pull (nothing queued) reads none, where reading the page's 5,000 stored
 * rows back cost half the pull's speed (docs/sync.md, "First sync"). */
export async function mergeAccumulators(
  db: StationDb,
  rows: DatasetRow<'accumulators'>[],
): Promise<AccumulatorRow[]> {
  const psnNos = [...new Set(rows.map((r) => r.psn_no))];
  const pending = new Set(
    [
      ...(await db.outbox.where('psn_no').anyOf(psnNos).toArray()),
      ...(await db.cancels.where('psn_no').anyOf(psnNos).toArray()),
    ].map((o) => o.psn_no),
  );
  const kept = pending.size === 0 ? [] : rows.filter((r) => pending.has(r.psn_no)).map((r) => r.key);
  const existing = new Map<string, AccumulatorRow>();
  for (const row of kept.length === 0 ? [] : await getRows(db, 'accumulators', kept))
    if (row) existing.set(row.key, row);
  return rows.map((r) => {
    const year = r.accumulators.year ?? Number(r.key.split(':')[1]);
    const local = existing.get(r.key)?.local;
    return { key: r.key, psn_no: r.psn_no, year, platform: r.accumulators, local: local ?? r.accumulators };
  });
}

/** A validated page and its stored shape. */
export interface PageToApply {
  page: ValidPage<DatasetName>;
  prepared: PreparedPage;
}

export function applyPage(
  db: StationDb,
  dataset: DatasetName,
  page: ValidPage<DatasetName>,
  prepared: PreparedPage,
  nowIso: string,
): Promise<void> {
  return applyPages(db, dataset, [{ page, prepared }], nowIso);
}

/** Consecutive pages of one dataset in one transaction, in order, with the last one's checkpoint:
 * all of them or none (fewer commits when the writer has pages waiting; pull.ts). */
export async function applyPages(
  db: StationDb,
  dataset: DatasetName,
  pages: PageToApply[],
  nowIso: string,
): Promise<void> {
  const last = pages[pages.length - 1]!.page;
  const table = tableOf(db, dataset);
  // A page with no change (most pages of a sync cycle) moves the checkpoint alone: its transaction
  // then locks only the checkpoints, not the dataset the counter's reads wait on.
  const changes = pages.some(
    (p) => p.page.rows.length > 0 || p.page.deleted.length > 0 || p.prepared.rows.length > 0,
  );
  if (!changes && !last.more) {
    // Nothing changed and the dataset was already whole at this version: no commit at all (a sync
    // cycle's seven empty commits queued the counter's reads and re-ran the screens' live queries).
    // When the cache was last found current is recorded once per cycle (pullAll: PULL_CHECKED).
    const cp = await db.checkpoints.get(dataset);
    if (cp?.completed_at && !cp.in_progress && cp.since_ver === last.next_ver)
      return notePulled(db, dataset, true);
  }
  const packed = isPackDataset(dataset);
  const tables: Table[] = changes
    ? [...(packed ? rowStores(db, dataset) : [table]), db.checkpoints]
    : [db.checkpoints];
  if (changes && dataset === 'accumulators') tables.push(db.outbox, db.cancels);
  if (pages.some((p) => p.prepared.segment)) tables.push(db.segments);
  // whole once a pull has reached the last page, now or before (completed_at is never cleared)
  let whole = false;
  await db.transaction('rw', tables, async () => {
    for (const { page, prepared } of pages) {
      const toPut =
        dataset !== 'accumulators'
          ? prepared.rows
          : page.rows.length > 0
            ? await mergeAccumulators(db, page.rows as DatasetRow<'accumulators'>[])
            : [];
      if (packed) {
        // the big datasets: packs of rows (renderer/db/packs.ts)
        await putPulled(db, dataset, toPut as PackRows[PackDataset][], page.deleted);
      } else {
        if (page.deleted.length > 0) await table.bulkDelete(page.deleted);
        if (toPut.length > 0) await table.bulkPut(toPut);
      }
      if (prepared.segment) await db.segments.add(prepared.segment);
    }
    const prev = await db.checkpoints.get(dataset);
    whole = !last.more || !!prev?.completed_at;
    await db.checkpoints.put({
      dataset,
      since_ver: last.next_ver,
      total_rows: last.total_rows,
      in_progress: last.more,
      updated_at: nowIso,
      completed_at: last.more ? (prev?.completed_at ?? null) : nowIso,
    });
  });
  notePulled(db, dataset, whole);
}
