// The first sync of a new station: an empty database, every dataset pulled the way the app pulls
// them (renderer/sync pullAll: its order, its pipelining), timed from the first call to the last
// commit. Per dataset: rows, when it started and ended, and how its time split between waiting for
// pages (platform, relay, JSON, validation) and writing them.
import { COUNTER_DATASETS, openStationDb, type StationDb } from '../../renderer/db';
import { pullAll, type PlatformPort } from '../../renderer/sync';
import type { DatasetName } from '../../shared/protocol';

export interface DatasetSpan {
  rows: number;
  pages: number;
  start_ms: number;
  end_ms: number;
  rowsPerSec: number;
  /** time the loop waited for its pages / spent in their write transactions */
  waited_ms: number;
  write_ms: number;
}

export interface FirstSyncFigures {
  wall_ms: number;
  /** when every dataset the counter needs (COUNTER_DATASETS) had been pulled to its end */
  counter_ready_ms: number;
  datasets: Partial<Record<DatasetName, DatasetSpan>>;
}

export async function firstSync(
  port: PlatformPort,
  dbName: string,
  pageSize: number,
): Promise<{ db: StationDb; figures: FirstSyncFigures }> {
  const db = await openStationDb({ name: dbName });
  const spans: Partial<Record<DatasetName, DatasetSpan>> = {};
  const t0 = performance.now();
  let counterReady = 0;
  const waitingFor = new Set<DatasetName>(COUNTER_DATASETS);
  await pullAll(db, port, {
    pageSize,
    onStart: (d) => {
      spans[d] = {
        rows: 0,
        pages: 0,
        start_ms: performance.now() - t0,
        end_ms: 0,
        rowsPerSec: 0,
        waited_ms: 0,
        write_ms: 0,
      };
    },
    onPage: (p) => {
      const s = spans[p.dataset]!;
      s.rows += p.rows;
      s.pages++;
      s.waited_ms += p.waited_ms;
      s.write_ms += p.write_ms;
      if (p.more) return;
      s.end_ms = performance.now() - t0;
      s.rowsPerSec = s.rows / ((s.end_ms - s.start_ms) / 1000);
      waitingFor.delete(p.dataset);
      if (waitingFor.size === 0 && counterReady === 0) counterReady = s.end_ms;
    },
  });
  return {
    db,
    figures: { wall_ms: performance.now() - t0, counter_ready_ms: counterReady, datasets: spans },
  };
}
