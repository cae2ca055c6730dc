// Pull: page through 8101 from the stored checkpoint, one transaction per page (rows, deletions and
// the new since_ver together). Pages are fetched ahead of the writes, across datasets (page-feed.ts),
// so the network and IndexedDB work at the same time; a fetched page is only stored if the write of
// the page before it committed.
import type { DatasetName, StationDb } from '../db';
import { COUNTER_DATASETS, compactSegments, isSegmentDataset, toStationDbError } from '../db';
import { applyPage } from './apply-page';
import { SyncError } from './errors';
import { startPageFeed, type PageFeed } from './page-feed';
import type { PlatformPort } from './platform-port';

/** Every dataset, in the order a pull takes them: what the counter needs to read a card and settle
 * first, the catalogs (most of the rows) last, so a new station's counter works long before its first
 * sync ends (docs/sync.md, "First sync"). */
export const DATASETS: DatasetName[] = [...COUNTER_DATASETS, 'wi_catalog', 'catalog'];
export const MAX_PAGE_SIZE = 5000;

export interface PullProgress {
  dataset: DatasetName;
  since_ver: number;
  rows: number;
  deleted: number;
  total_rows: number;
  more: boolean;
  /** how long the loop waited for this page (fetch, parse, validation) after the previous write */
  waited_ms: number;
  /** this page's write transaction */
  write_ms: number;
}

export interface PullReport {
  dataset: DatasetName;
  pages: number;
  rows: number;
  deleted: number;
  since_ver: number;
  /** changes the platform announced for this run (rows and deletions after the starting since_ver) */
  total_rows: number;
  local_rows: number;
  /** the lookup segments could not be merged after the pull (the pull itself succeeded) */
  compaction_error?: string;
}

export interface PullOptions {
  pageSize?: number;
  now?: () => Date;
  /** a dataset's pull begins (before its first page is asked for) */
  onStart?: (dataset: DatasetName) => void;
  onPage?: (progress: PullProgress) => void;
}

/** Pages fetched ahead of the writer (page-feed.ts): enough to hide the platform's answer time, few
 * enough that at most three pages (15,000 rows) are held at once. */
export const PAGES_AHEAD = 2;

/** Writes one dataset's pages as the feed delivers them, each in its own transaction with its
 * checkpoint, checking that every page accounts for the one before it. */
async function writeDataset(
  db: StationDb,
  feed: PageFeed,
  dataset: DatasetName,
  opts: PullOptions,
): Promise<PullReport> {
  const now = opts.now ?? (() => new Date());
  opts.onStart?.(dataset);
  let report: PullReport | null = null;
  // total_rows is what is left to deliver after since_ver (rows and deletions, this page included),
  // so every page must account for the one before it: a platform that skips rows is caught here.
  let expectedLeft: number | null = null;
  for (;;) {
    const t0 = performance.now();
    const { page, prepared, since_ver: since } = await feed.take();
    const t1 = performance.now();
    report ??= {
      dataset,
      pages: 0,
      rows: 0,
      deleted: 0,
      since_ver: since,
      total_rows: page.total_rows,
      local_rows: 0,
    };
    const delivered = page.rows.length + page.deleted.length;
    if (expectedLeft !== null && page.total_rows < expectedLeft) {
      throw new SyncError(
        'ROW_COUNT_MISMATCH',
        `${dataset}: the platform announced ${expectedLeft} more changes after since_ver ${since}, then ${page.total_rows}`,
      );
    }
    if (delivered > page.total_rows || (!page.more && delivered !== page.total_rows)) {
      throw new SyncError(
        'ROW_COUNT_MISMATCH',
        `${dataset}: a page of ${delivered} changes with total_rows ${page.total_rows}${page.more ? '' : ' at the end'}`,
      );
    }
    expectedLeft = page.total_rows - delivered;
    try {
      await applyPage(db, dataset, page, prepared, now().toISOString());
    } catch (e) {
      throw toStationDbError(e);
    }
    const t2 = performance.now();
    report.pages++;
    report.rows += page.rows.length;
    report.deleted += page.deleted.length;
    report.since_ver = page.next_ver;
    opts.onPage?.({
      dataset,
      since_ver: page.next_ver,
      rows: page.rows.length,
      deleted: page.deleted.length,
      total_rows: page.total_rows,
      more: page.more,
      waited_ms: t1 - t0,
      write_ms: t2 - t1,
    });
    if (!page.more) break;
  }

  // Many small incremental pages leave many small lookup segments: merge them now and then. Only an
  // optimisation: every page is stored already, so a failure is reported, not thrown (a throw would
  // stop pullAll before the datasets after this one).
  if (isSegmentDataset(dataset) && report.pages > 0) {
    try {
      await compactSegments(db, dataset);
    } catch (e) {
      report.compaction_error = e instanceof Error ? e.message : String(e);
    }
  }
  try {
    report.local_rows = await db.table(dataset).count();
  } catch (e) {
    throw toStationDbError(e);
  }
  return report;
}

/** Pulls the datasets in order (every dataset by default), fetching ahead across their boundaries.
 * Stops at the first failure; what was stored stays and the next pull resumes from the stored
 * checkpoints. */
export async function pullAll(
  db: StationDb,
  port: PlatformPort,
  opts: PullOptions & { datasets?: readonly DatasetName[] } = {},
): Promise<PullReport[]> {
  const datasets = opts.datasets ?? DATASETS;
  const pageSize = Math.min(opts.pageSize ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
  const feed = startPageFeed(db, port, datasets, pageSize, PAGES_AHEAD);
  const reports: PullReport[] = [];
  try {
    for (const dataset of datasets) reports.push(await writeDataset(db, feed, dataset, opts));
  } finally {
    feed.close();
  }
  return reports;
}

/** One dataset from its stored checkpoint, page by page. */
export async function pullDataset(
  db: StationDb,
  port: PlatformPort,
  dataset: DatasetName,
  opts: PullOptions = {},
): Promise<PullReport> {
  return (await pullAll(db, port, { ...opts, datasets: [dataset] }))[0]!;
}
