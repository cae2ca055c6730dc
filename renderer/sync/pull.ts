// Pull: page through 8101 from the stored checkpoint, one transaction per page (rows, deletions and
// the new since_ver together). The next page is fetched while the current one is written, so the
// network and IndexedDB work at the same time; a prefetched page is only used if the write of the
// page before it committed.
import { DATASETS as PROTOCOL_DATASETS, MAX_PAGE_SIZE } from '../../shared/protocol';
import type { DatasetName, StationDb } from '../db';
import { compactSegments, isSegmentDataset, toStationDbError } from '../db';
import { applyPage, prepareRows, type PreparedPage } from './apply-page';
import { SyncError } from './errors';
import { validatePage, type ValidPage } from './page-validation';
import type { PlatformPort } from './platform-port';

/** Where each dataset comes in a full pull: the small reference data first (policies, institutions),
 * then the catalogs and the filings, the people's accumulators last. Typed by DatasetName, so a
 * dataset added to the protocol does not compile until it has its place. */
const PULL_RANK = {
  policies: 0,
  institutions: 1,
  catalog: 2,
  wi_catalog: 3,
  filings: 4,
  accumulators: 5,
} satisfies Record<DatasetName, number>;

/** Every dataset of the protocol (shared/protocol DATASETS), in the order pullAll takes them. */
export const DATASETS: readonly DatasetName[] = [...PROTOCOL_DATASETS].sort(
  (a, b) => PULL_RANK[a] - PULL_RANK[b],
);
export { MAX_PAGE_SIZE };

export interface PullProgress {
  dataset: DatasetName;
  since_ver: number;
  rows: number;
  deleted: number;
  total_rows: number;
  more: boolean;
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
  onPage?: (progress: PullProgress) => void;
}

async function fetchPage(port: PlatformPort, dataset: DatasetName, since_ver: number, page_size: number) {
  const output = await port.call('8101', { data: { dataset, since_ver, page_size } });
  const page = validatePage(dataset, output, { since_ver, page_size });
  return { page, prepared: prepareRows(dataset, page) };
}

export async function pullDataset(
  db: StationDb,
  port: PlatformPort,
  dataset: DatasetName,
  opts: PullOptions = {},
): Promise<PullReport> {
  const pageSize = Math.min(opts.pageSize ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
  const now = opts.now ?? (() => new Date());
  const checkpoint = await db.checkpoints.get(dataset);
  let since = checkpoint?.since_ver ?? 0;
  const report: PullReport = {
    dataset,
    pages: 0,
    rows: 0,
    deleted: 0,
    since_ver: since,
    total_rows: 0,
    local_rows: 0,
  };

  // total_rows is what is left to deliver after since_ver (rows and deletions, this page included),
  // so every page must account for the one before it: a platform that skips rows is caught here.
  let expectedLeft: number | null = null;
  let next: Promise<{ page: ValidPage<DatasetName>; prepared: PreparedPage }> | null = fetchPage(
    port,
    dataset,
    since,
    pageSize,
  );
  while (next) {
    const { page, prepared } = await next;
    next = null;
    const delivered = page.rows.length + page.deleted.length;
    if (expectedLeft !== null && page.total_rows < expectedLeft) {
      throw new SyncError('ROW_COUNT_MISMATCH', {
        detail: `${dataset}: the platform announced ${expectedLeft} more changes after since_ver ${since}, then ${page.total_rows}`,
      });
    }
    if (delivered > page.total_rows || (!page.more && delivered !== page.total_rows)) {
      throw new SyncError('ROW_COUNT_MISMATCH', {
        detail: `${dataset}: a page of ${delivered} changes with total_rows ${page.total_rows}${page.more ? '' : ' at the end'}`,
      });
    }
    expectedLeft = page.total_rows - delivered;
    if (page.more) {
      next = fetchPage(port, dataset, page.next_ver, pageSize);
      // If the write below fails, this prefetch is abandoned; keep its rejection from surfacing
      // as unhandled. Its outcome is read only after the write succeeded.
      next.catch(() => undefined);
    }
    try {
      await applyPage(db, dataset, page, prepared, now().toISOString());
    } catch (e) {
      throw toStationDbError(e);
    }
    since = page.next_ver;
    report.pages++;
    report.rows += page.rows.length;
    report.deleted += page.deleted.length;
    report.since_ver = since;
    if (report.pages === 1) report.total_rows = page.total_rows;
    opts.onPage?.({
      dataset,
      since_ver: since,
      rows: page.rows.length,
      deleted: page.deleted.length,
      total_rows: page.total_rows,
      more: page.more,
    });
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

/** Pulls every dataset in turn. Stops at the first failure; what was stored stays and the next
 * pull resumes from the stored checkpoints. */
export async function pullAll(
  db: StationDb,
  port: PlatformPort,
  opts: PullOptions & { datasets?: DatasetName[] } = {},
): Promise<PullReport[]> {
  const reports: PullReport[] = [];
  for (const dataset of opts.datasets ?? DATASETS) {
    reports.push(await pullDataset(db, port, dataset, opts));
  }
  return reports;
}
