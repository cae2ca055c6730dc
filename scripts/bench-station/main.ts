// The bench page: runs in real Chromium (scripts/bench-station.ts launches it) against the local
// platform through the bench relay, and returns its figures to the script.
import {
  segmentIndex,
  warmSegments,
  findFilings,
  openStationDb,
  pinyinInitials,
  requestPersistence,
  searchCatalog,
  type StationDb,
} from '../../renderer/db';
import { journalPort } from '../../renderer/journal';
import { createSettleService, type StationProfile } from '../../renderer/settle-service';
import {
  createPusher,
  prepareRows,
  pullDataset,
  queueStatus,
  validatePage,
  type PlatformPort,
} from '../../renderer/sync';
import type { DatasetName } from '../../shared/protocol';
import { median, p95, rawPutRate } from './raw-floor';
import { relayPort, relayStationApi } from './relay-port';

export interface BenchParams {
  station: StationProfile;
  today: string;
  settlements: number;
  pageSize: number;
  lookups: number;
  searches: number;
}

async function fetchAll(
  port: PlatformPort,
  dataset: DatasetName,
  pageSize: number,
): Promise<{ key: string }[]> {
  const rows: { key: string }[] = [];
  let since = 0;
  for (;;) {
    const out = (await port.call('8101', { data: { dataset, since_ver: since, page_size: pageSize } })) as {
      rows: { key: string }[];
      next_ver: number;
      more: boolean;
    };
    rows.push(...out.rows);
    since = out.next_ver;
    if (!out.more) return rows;
  }
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

function pick<T>(xs: T[], n: number, seed: number): T[] {
  let s = seed >>> 0;
  const out: T[] = [];
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out.push(xs[s % xs.length]!);
  }
  return out;
}

async function latencies<T>(
  items: T[],
  fn: (x: T) => Promise<unknown>,
): Promise<{ p95: number; median: number; n: number }> {
  const ms: number[] = [];
  for (const x of items) {
    const t0 = performance.now();
    await fn(x);
    ms.push(performance.now() - t0);
  }
  return { p95: p95(ms), median: median(ms), n: ms.length };
}

async function pullRate(db: StationDb, port: PlatformPort, dataset: DatasetName, pageSize: number) {
  const { ms, value } = await timed(() => pullDataset(db, port, dataset, { pageSize }));
  return {
    rows: value.rows,
    ms,
    rowsPerSec: value.rows / (ms / 1000),
    local_rows: value.local_rows,
    total_rows: value.total_rows,
  };
}

/** Rows per second of validatePage + prepareRows alone, over the rows in pages of pageSize. */
function prepareRate(dataset: DatasetName, rows: unknown[], pageSize: number): number {
  const t0 = performance.now();
  for (let i = 0; i < rows.length; i += pageSize) {
    const slice = rows.slice(i, i + pageSize);
    const page = validatePage(
      dataset,
      { rows: slice, deleted: [], next_ver: i + slice.length, more: false, total_rows: slice.length },
      { since_ver: i, page_size: pageSize },
    );
    prepareRows(dataset, page);
  }
  return rows.length / ((performance.now() - t0) / 1000);
}

async function queueSettlements(db: StationDb, params: BenchParams) {
  // The journal is the real one (electron/services/journal) behind a station host in the bench script.
  const service = createSettleService({
    db,
    station: params.station,
    journal: journalPort(relayStationApi()),
  });
  const filings = (await db.filings.toArray()).filter((f) => f.scheme === 'medical');
  const lines = [
    {
      feedetl_sn: '1',
      med_list_codg: '001101000010000',
      cnt: '1',
      pric: '20.00',
      det_item_fee_sumamt: '20.00',
    },
    {
      feedetl_sn: '2',
      med_list_codg: 'XJ01CAA040A001',
      cnt: '2',
      pric: '15.50',
      det_item_fee_sumamt: '31.00',
    },
  ];
  const commitMs: number[] = [];
  const settleCommitMs: number[] = [];
  const seen = new Set<string>();
  let refused = 0;
  for (const f of filings) {
    if (commitMs.length >= params.settlements) break;
    if (seen.has(f.psn_no)) continue;
    seen.add(f.psn_no);
    const t0 = performance.now();
    const preview = await service.preview({
      who: { psn_no: f.psn_no },
      scheme: 'medical',
      setl_type: 'outpatient',
      settle_date: params.today,
      lines,
    });
    if (preview.result.status !== 'settled') {
      refused++;
      continue;
    }
    const t1 = performance.now();
    await service.commit(preview, { opter: 'bench', encounter_no: `BENCH-${f.psn_no}` });
    const t2 = performance.now();
    commitMs.push(t2 - t1);
    settleCommitMs.push(t2 - t0);
  }
  return {
    queued: commitMs.length,
    refused_previews: refused,
    commit_p95_ms: p95(commitMs),
    /** settle (preview) + IndexedDB commit + journal line fsync'd on the host */
    settle_commit_p95_ms: p95(settleCommitMs),
  };
}

async function runBench(params: BenchParams) {
  const port = relayPort();
  const persistence = await requestPersistence();

  // Floors first: the same rows, fetched (untimed) and put with the bare IndexedDB API into
  // throwaway databases, so the pull below does not share the disk with their cleanup.
  const catalogFetch = await timed(() => fetchAll(port, 'catalog', params.pageSize));
  const filingFetch = await timed(() => fetchAll(port, 'filings', params.pageSize));
  const catalogRows = catalogFetch.value;
  const filingRows = filingFetch.value;
  // Where a pull's time goes besides the put: delivery (platform, relay, JSON) and the station's
  // own work on a page (validation, stored shape, search segment), each alone.
  const delivery = {
    catalog: catalogFetch.value.length / (catalogFetch.ms / 1000),
    filings: filingFetch.value.length / (filingFetch.ms / 1000),
  };
  const floorCatalog = await rawPutRate(
    'raw-catalog',
    { name: 'catalog', indexes: [] },
    catalogRows,
    params.pageSize,
  );
  const floorFilings = await rawPutRate(
    'raw-filings',
    { name: 'filings', indexes: [] },
    filingRows,
    params.pageSize,
  );
  const catalogNames = (catalogRows as { key: string; entry: { name: string } }[]).map((r) => ({
    key: r.key,
    name: r.entry.name,
  }));

  const db = await openStationDb({ name: `bench-station-${Date.now()}` });
  const small = [];
  for (const d of ['policies', 'institutions', 'wi_catalog'] as const)
    small.push(await pullRate(db, port, d, params.pageSize));
  const catalog = await pullRate(db, port, 'catalog', params.pageSize);
  const filings = await pullRate(db, port, 'filings', params.pageSize);
  const accumulators = await pullRate(db, port, 'accumulators', params.pageSize);
  // after the pull, so the pull itself starts with a cold pinyin cache
  const prepare = {
    catalog: prepareRate('catalog', catalogRows, params.pageSize),
    filings: prepareRate('filings', filingRows, params.pageSize),
  };

  const certnos = pick(filingRows as unknown as { person: { certno: string } }[], params.lookups, 7).map(
    (r) => r.person.certno,
  );
  const lookup = await latencies(certnos, (c) => findFilings(db, { certno: c }));
  // The search segments are loaded into memory once per window (the app does it at start); the
  // searches below then read only the rows they show.
  const searchLoad = await timed(() => warmSegments(db));
  const heap = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  const searchIndex = {
    ms: searchLoad.ms,
    catalog: segmentIndex(db, 'catalog').size,
    filings: segmentIndex(db, 'filings').size,
    heapMb: heap ? heap.usedJSHeapSize / 2 ** 20 : null,
  };
  const sample = pick(catalogNames, params.searches, 11);
  const codeSearch = await latencies(
    sample.map((r) => r.key.slice(0, 6)),
    (q) => searchCatalog(db, q),
  );
  const pinyinSearch = await latencies(
    sample.map((r) => pinyinInitials(r.name).slice(0, 4)).filter((q) => /^[a-z]{2,}$/.test(q)),
    (q) => searchCatalog(db, q),
  );
  const fragSearch = await latencies(
    sample
      .map((r) =>
        Array.from(r.name)
          .filter((ch) => /[\u3400-\u9fff]/u.test(ch))
          .slice(1, 3)
          .join(''),
      )
      .filter((q) => q.length === 2),
    (q) => searchCatalog(db, q),
  );

  const queued = await queueSettlements(db, params);
  const pusher = createPusher({ db, port, batchSize: 100 });
  const drain = await timed(() => pusher.drainWithRetry({ maxAttempts: 5 }));
  const status = await queueStatus(db);
  const outcomes: Record<string, number> = {};
  await db.settlements.each((s) => {
    outcomes[s.status] = (outcomes[s.status] ?? 0) + 1;
  });
  db.close();
  return {
    persistence: persistence.outcome,
    delivery,
    prepare,
    small: small.map((s) => s.rows),
    catalog,
    filings,
    accumulators,
    floorCatalog,
    floorFilings,
    searchIndex,
    lookup,
    codeSearch,
    pinyinSearch,
    fragSearch,
    queued,
    drain: { ms: drain.ms, report: drain.value, left: status.queued, outcomes },
  };
}

export type BenchFigures = Awaited<ReturnType<typeof runBench>>;

(window as unknown as { runBench: typeof runBench }).runBench = runBench;
document.getElementById('status')!.textContent = 'bench ready';
