// The fetching half of a pull: 8101 pages of the datasets in order, each validated and prepared,
// fetched up to `ahead` pages before the writer takes them — across dataset boundaries, so the first
// page of the next dataset is on its way while the last page of this one is written. The writer
// (pull.ts) takes them in order and stores each in its own transaction; IndexedDB then never waits
// for the platform while there is a page to write. Within a dataset a page can only be asked for once
// the one before it arrived (its next_ver is the next since_ver).
import type { DatasetName, StationDb } from '../db';
import { prepareRows, type PreparedPage } from './apply-page';
import { validatePage, type ValidPage } from './page-validation';
import type { PlatformPort } from './platform-port';

export interface FedPage {
  dataset: DatasetName;
  /** the since_ver this page was asked from */
  since_ver: number;
  page: ValidPage<DatasetName>;
  prepared: PreparedPage;
}

export interface PageFeed {
  /** The next page in order; rejects with the error that stopped the feed, in its place. */
  take(): Promise<FedPage>;
  /** Up to `max` pages of this dataset that have already arrived, in order, without waiting. */
  takeWaiting(dataset: DatasetName, max: number): FedPage[];
  /** Stops fetching (the writer failed or is done); pages already fetched are dropped. */
  close(): void;
}

async function fetchPage(
  port: PlatformPort,
  dataset: DatasetName,
  since_ver: number,
  page_size: number,
): Promise<FedPage> {
  const output = await port.call('8101', { data: { dataset, since_ver, page_size } });
  const page = validatePage(dataset, output, { since_ver, page_size });
  return { dataset, since_ver, page, prepared: prepareRows(dataset, page) };
}

export function startPageFeed(
  db: StationDb,
  port: PlatformPort,
  datasets: readonly DatasetName[],
  pageSize: number,
  ahead: number,
): PageFeed {
  const buffer: ({ ok: true; page: FedPage } | { ok: false; error: unknown })[] = [];
  let wakeWriter: (() => void) | null = null;
  let wakeFetcher: (() => void) | null = null;
  let closed = false;
  const push = (item: (typeof buffer)[number]) => {
    buffer.push(item);
    wakeWriter?.();
    wakeWriter = null;
  };

  void (async () => {
    try {
      for (const dataset of datasets) {
        // from the stored checkpoint: the writer has finished every dataset before this one's pages
        // are stored, and nothing else writes this dataset's checkpoint meanwhile in this window
        let since = (await db.checkpoints.get(dataset))?.since_ver ?? 0;
        for (;;) {
          while (buffer.length >= ahead && !closed) await new Promise<void>((r) => (wakeFetcher = r));
          if (closed) return;
          const fed = await fetchPage(port, dataset, since, pageSize);
          push({ ok: true, page: fed });
          if (!fed.page.more) break;
          since = fed.page.next_ver;
        }
      }
    } catch (error) {
      push({ ok: false, error });
    }
  })();

  return {
    async take() {
      while (buffer.length === 0) await new Promise<void>((r) => (wakeWriter = r));
      const item = buffer.shift()!;
      wakeFetcher?.();
      wakeFetcher = null;
      if (!item.ok) throw item.error;
      return item.page;
    },
    takeWaiting(dataset, max) {
      const out: FedPage[] = [];
      while (out.length < max) {
        const item = buffer[0];
        if (!item?.ok || item.page.dataset !== dataset) break;
        buffer.shift();
        out.push(item.page);
      }
      if (out.length > 0) {
        wakeFetcher?.();
        wakeFetcher = null;
      }
      return out;
    },
    close() {
      closed = true;
      wakeFetcher?.();
      wakeFetcher = null;
    },
  };
}
