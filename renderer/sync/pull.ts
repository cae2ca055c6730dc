// Pull: page through 8101 from the stored checkpoint, one transaction per page (rows, deletions and
// the new since_ver together). Pages are fetched ahead of the writes, across datasets (page-feed.ts),
// so the network and IndexedDB work at the same time; a fetched page is only stored if the write of
// the page before it committed.
import { MAX_PAGE_SIZE } from '../../shared/protocol';
import type { DatasetName, PackDataset, StationDb } from '../db';
import {
  COUNTER_DATASETS,
  compactKeys,
  compactSegments,
  isPackDataset,
  isSegmentDataset,
  segmentIndex,
  toStationDbError,
} from '../db';
import { applyPages } from './apply-page';
import { SyncError } from './errors';
import { startPageFeed, type FedPage, type PageFeed } from './page-feed';
import type { PlatformPort } from './platform-port';

/** Every dataset, in the order a pull takes them: what the counter needs to read a card and settle
 * first, the catalogs (most of the rows) last, so a new station's counter works long before its first
 * sync ends (docs/sync.md, "First sync"). */
export const DATASETS: DatasetName[] = [...COUNTER_DATASETS, 'wi_catalog', 'catalog'];
export { MAX_PAGE_SIZE };

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
  /** the lookup segments could not be merged or loaded, or the packs compacted, after the pull (the
   * pull itself succeeded) */
  compaction_error?: string;
  /** after an incremental pull of a big dataset: the keys whose older pack entries were taken out
   * (compactKeys) and its longest transaction */
  compacted?: { keys: number; longest_ms: number };
}

export interface PullOptions {
  pageSize?: number;
  now?: () => Date;
  /** a dataset's pull begins (before its first page is asked for) */
  onStart?: (dataset: DatasetName) => void;
  onPage?: (progress: PullProgress) => void;
}

/** Pages fetched ahead of the writer (page-feed.ts): enough to hide the platform's answer time, few
 * enough that at most PAGES_AHEAD + PAGES_PER_WRITE pages (25,000 rows) are held at once. */
export const PAGES_AHEAD = 2;
/** Pages of one dataset written in one transaction when they are waiting: the page taken and the
 * ones fetched ahead. Fewer, larger commits store the same rows faster (docs/sync.md, "First sync"). */
export const PAGES_PER_WRITE = PAGES_AHEAD + 1;

/** Writes one dataset's pages as the feed delivers them, each in its own transaction with its
 * checkpoint, checking that every page accounts for the one before it. */
async function writeDataset(
  db: StationDb,
  feed: PageFeed,
  dataset: DatasetName,
  opts: PullOptions,
): Promise<PullReport> {
  opts.onStart?.(dataset);
  const report: PullReport = {
    dataset,
    pages: 0,
    rows: 0,
    deleted: 0,
    since_ver: 0,
    total_rows: 0,
  };
  // total_rows is what is left to deliver after since_ver (rows and deletions, this page included),
  // so every page must account for the one before it: a platform that skips rows is caught here.
  let expectedLeft: number | null = null;
  /** total_rows must account for what came before; returns the error, or null */
  const countProblem = (page: FedPage['page'], since: number): SyncError | null => {
    const delivered = page.rows.length + page.deleted.length;
    if (expectedLeft !== null && page.total_rows < expectedLeft)
      return new SyncError('ROW_COUNT_MISMATCH', {
        detail: `${dataset}: the platform announced ${expectedLeft} more changes after since_ver ${since}, then ${page.total_rows}`,
      });
    if (delivered > page.total_rows || (!page.more && delivered !== page.total_rows))
      return new SyncError('ROW_COUNT_MISMATCH', {
        detail: `${dataset}: a page of ${delivered} changes with total_rows ${page.total_rows}${page.more ? '' : ' at the end'}`,
      });
    expectedLeft = page.total_rows - delivered;
    return null;
  };
  // Once a big dataset has been pulled whole, a pull brings changes to keys already in its packs:
  // their older entries are taken out after the pages stored (compactKeys), also when a later page
  // fails. A first sync's keys are new.
  const compact: string[] | null =
    isPackDataset(dataset) && (await db.checkpoints.get(dataset))?.completed_at ? [] : null;
  try {
    await writePages(db, feed, dataset, opts, report, countProblem, compact);
  } finally {
    if (compact && compact.length > 0) {
      try {
        report.compacted = await compactKeys(db, dataset as PackDataset, compact);
      } catch (e) {
        // only an optimisation: every page is stored already (the next compaction of these keys
        // takes their older entries out)
        report.compaction_error = `packs not compacted: ${e instanceof Error ? e.message : String(e)}`;
      }
    }
  }

  // Many small incremental pages leave many small lookup segments: merge them now and then. And
  // load the new ones into this window's index now, while no write holds the segments store (the
  // next dataset's pages do not touch it; a card read during the catalog's pull would wait behind
  // each catalog page to load the filings'). Only optimisations: every page is stored already, so a
  // failure is reported, not thrown (a throw would stop pullAll before the datasets after this one).
  if (isSegmentDataset(dataset) && report.pages > 0) {
    try {
      await compactSegments(db, dataset);
      if (report.rows + report.deleted > 0) await segmentIndex(db, dataset).refresh();
    } catch (e) {
      const error = `lookup segments not merged or loaded: ${e instanceof Error ? e.message : String(e)}`;
      report.compaction_error = report.compaction_error ? `${report.compaction_error}; ${error}` : error;
    }
  }
  return report;
}

/** The pages of one dataset until its last, each run of waiting pages in one transaction; the keys
 * of the stored pages go to `compact` when it is given. */
async function writePages(
  db: StationDb,
  feed: PageFeed,
  dataset: DatasetName,
  opts: PullOptions,
  report: PullReport,
  countProblem: (page: FedPage['page'], since: number) => SyncError | null,
  compact: string[] | null,
): Promise<void> {
  const now = opts.now ?? (() => new Date());
  for (let done = false; !done;) {
    const t0 = performance.now();
    const first = await feed.take();
    const t1 = performance.now();
    // the pages that have already arrived go into the same transaction (fewer commits)
    const pages = first.page.more ? [first, ...feed.takeWaiting(dataset, PAGES_PER_WRITE - 1)] : [first];
    if (report.pages === 0) {
      report.since_ver = first.since_ver;
      report.total_rows = first.page.total_rows;
    }
    // a page that does not add up is refused; the good pages before it are stored first
    let problem: SyncError | null = null;
    const good: FedPage[] = [];
    for (const p of pages) {
      problem = countProblem(p.page, p.since_ver);
      if (problem) break;
      good.push(p);
      if (!p.page.more) done = true;
    }
    if (good.length > 0) {
      try {
        await applyPages(db, dataset, good, now().toISOString());
      } catch (e) {
        throw toStationDbError(e);
      }
    }
    if (compact) for (const { page } of good) compact.push(...page.deleted, ...page.rows.map((r) => r.key));
    if (problem) throw problem;
    const t2 = performance.now();
    good.forEach(({ page }, i) => {
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
        waited_ms: i === 0 ? t1 - t0 : 0,
        write_ms: (t2 - t1) / good.length,
      });
    });
  }
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
  // every dataset asked was pulled to its end just now: the cache was current at this moment
  const at = (opts.now ?? (() => new Date()))().toISOString();
  await db.sync_state.put({ key: PULL_CHECKED, value: { at, datasets: [...datasets] }, updated_at: at });
  return reports;
}

/** sync_state key: when pullAll last found the datasets it lists current (`{ at, datasets }`). */
export const PULL_CHECKED = 'pull_checked';

/** When `dataset` was last known current: its checkpoint's completion or, later, a pull that found
 * nothing new (which writes no checkpoint). Null while the dataset was never pulled whole. */
export function currentAsOf(
  checkpoint: { completed_at: string | null } | undefined,
  checked: unknown,
  dataset: DatasetName,
): string | null {
  if (!checkpoint?.completed_at) return null;
  const c = checked as { at?: unknown; datasets?: unknown } | undefined;
  const later =
    typeof c?.at === 'string' && Array.isArray(c.datasets) && c.datasets.includes(dataset) ? c.at : null;
  return later && later > checkpoint.completed_at ? later : checkpoint.completed_at;
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
