// The station window against the full data, as the counter uses it: cold start (page open → the
// database open, the journal compared, the lookup segments loaded), then the counter's latencies
// through the real settle service — card read → verdict (findFilings by ID number, then assess(), as
// the counter store and the person panel call them) and F4 (preview) of a 400-line bill — lookups and
// searches, 1,000 settlements, the drain of them and the sync cycle after it.
import {
  findFilings,
  openStationDb,
  awaitReleases,
  pinyinInitials,
  searchCatalog,
  warmSegments,
  type StationDb,
  getRows,
  storedKeys,
} from '../../renderer/db';
import { journalPort, reconcileWithJournal } from '../../renderer/journal';
import {
  createSettleService,
  type CommitTiming,
  type SettleService,
  type StationProfile,
} from '../../renderer/settle-service';
import { createPusher, pullAll, queueStatus, type PlatformPort } from '../../renderer/sync';
import { settle, SETL_TYPES, type BillLine, type SettleRequestInput } from '../../shared/settlement';
import { latencies, pick, summary, type Latency } from './sample';
import { relayStationApi } from './relay-port';

export interface StationParams {
  station: StationProfile;
  today: string;
  settlements: number;
  lookups: number;
  searches: number;
  verdicts: number;
  previews: number;
  previewLines: number;
  /** tells this run's encounter numbers apart from an earlier run's on a reused platform */
  runId: string;
}

export interface ColdStart {
  /** navigation start → ready for a card (database open, journal compared, segments loaded) */
  ready_ms: number;
  open_ms: number;
  reconcile_ms: number;
  segments_ms: number;
  segments: Awaited<ReturnType<typeof warmSegments>>;
}

let db: StationDb | null = null;

/** What the app does at start before a card read is fast (renderer/app/bootstrap.ts). */
export async function coldStart(dbName: string): Promise<ColdStart> {
  const t0 = performance.now();
  db = await openStationDb({ name: dbName });
  const t1 = performance.now();
  await reconcileWithJournal(db, journalPort(relayStationApi()));
  const t2 = performance.now();
  const segments = await warmSegments(db);
  const t3 = performance.now();
  return { ready_ms: t3, open_ms: t1 - t0, reconcile_ms: t2 - t1, segments_ms: t3 - t2, segments };
}

function serviceFor(params: StationParams, onCommitTiming?: (t: CommitTiming) => void): SettleService {
  return createSettleService({
    db: db!,
    station: params.station,
    journal: journalPort(relayStationApi()),
    ...(onCommitTiming ? { onCommitTiming } : {}),
  });
}

async function sampleRows<T>(table: 'filings' | 'catalog', n: number, seed: number): Promise<T[]> {
  const keys = await storedKeys(db!, table);
  return (await getRows(db!, table, pick(keys, n, seed))) as T[];
}

/** A bill of n lines over random catalog codes (one each, at 10.00). */
function billOf(codes: string[]): BillLine[] {
  return codes.map((code, i) => ({
    feedetl_sn: String(i + 1),
    med_list_codg: code,
    cnt: '1',
    pric: '10.00',
    det_item_fee_sumamt: '10.00',
  }));
}

function daysBefore(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

export async function counterLatency(params: StationParams) {
  const service = serviceFor(params);
  const filings = await sampleRows<{ certno: string; scheme: 'medical' | 'work_injury' }>(
    'filings',
    Math.max(params.verdicts, params.lookups),
    7,
  );
  const settleable: string[] = [];
  const verdict = await latencies(filings.slice(0, params.verdicts), async (f) => {
    const found = await findFilings(db!, { certno: f.certno });
    const first = found[0]!;
    const prepared = await service.assess({
      who: { psn_no: first.psn_no },
      scheme: first.scheme,
      setl_type: SETL_TYPES[first.scheme][0],
      settle_date: params.today,
      admission_date: daysBefore(params.today, 5),
    });
    if (prepared.verdict.canSettle && first.scheme === 'medical') settleable.push(first.psn_no);
  });
  const lookup = await latencies(
    filings.slice(0, params.lookups).map((f) => f.certno),
    (certno) => findFilings(db!, { certno }),
  );
  const catalogKeys = await storedKeys(db!, 'catalog');
  const bills = settleable
    .slice(0, params.previews)
    .map((psn_no, i) => ({ psn_no, lines: billOf(pick(catalogKeys, params.previewLines, 100 + i)) }));
  const requests: SettleRequestInput[] = [];
  const preview = await latencies(bills, async (bill) => {
    const p = await service.preview({
      who: { psn_no: bill.psn_no },
      scheme: 'medical',
      setl_type: 'inpatient',
      settle_date: params.today,
      admission_date: daysBefore(params.today, 5),
      lines: bill.lines,
    });
    requests.push(p.request);
  });
  // the parts of a preview alone: the catalog rows of another bill as big, and settle() of each request
  const catalogRead = await latencies(
    bills.map((_, i) => pick(catalogKeys, params.previewLines, 900 + i)),
    (codes) => getRows(db!, 'catalog', codes),
  );
  const engine = await latencies(requests, async (r) => settle(r));
  return { verdict, lookup, preview, catalogRead, engine, settleable: settleable.length };
}

export async function catalogSearches(params: StationParams) {
  const sample = await sampleRows<{ key: string; name: string }>('catalog', params.searches, 11);
  const code = await latencies(
    sample.map((r) => r.key.slice(0, 6)),
    (q) => searchCatalog(db!, q),
  );
  const pinyin = await latencies(
    sample.map((r) => pinyinInitials(r.name).slice(0, 4)).filter((q) => /^[a-z]{2,}$/.test(q)),
    (q) => searchCatalog(db!, q),
  );
  const fragment = await latencies(
    sample
      .map((r) =>
        Array.from(r.name)
          .filter((ch) => /[\u3400-\u9fff]/u.test(ch))
          .slice(1, 3)
          .join(''),
      )
      .filter((q) => q.length === 2),
    (q) => searchCatalog(db!, q),
  );
  return { code, pinyin, fragment };
}

export interface Settled {
  queued: number;
  refused_previews: number;
  commit: Latency;
  /** the commit's steps: IndexedDB transaction, journal line (page → host → fsync → page), which
   * overlap (the line goes once the transaction's checks passed) */
  steps: Record<keyof CommitTiming, Latency>;
  /** settle (preview) + IndexedDB commit + journal line fsync'd on the host */
  settle_commit: Latency;
  /** the preview alone (its reads and settle()), the part of settle_commit before the commit */
  settle: Latency;
  /** before each settlement: waiting for the previous commit's outbox release to finish */
  release_wait: Latency;
  /** the journal's channel alone, before the settlements: journal.status (page → host → page, no
   * write), the part of a line's trip that is not the host's write */
  channel: Latency;
}

export async function settleMany(params: StationParams): Promise<Settled> {
  const steps: Record<keyof CommitTiming, number[]> = { idb: [], journal: [], total: [] };
  const service = serviceFor(params, (t) => {
    steps.idb.push(t.idb);
    steps.journal.push(t.journal);
    steps.total.push(t.total);
  });
  const lines = billOf(['001101000010000', 'XJ01CAA040A001']);
  const api = relayStationApi();
  await api.journal.status({}); // the socket opened
  const channel = await latencies(Array.from({ length: 300 }), () => api.journal.status({}));
  const commitMs: number[] = [];
  const settleCommitMs: number[] = [];
  const settleMs: number[] = [];
  const releaseWaitMs: number[] = [];
  let refused = 0;
  const seen = new Set<string>();
  // the people in key order, 2,000 filings read at a time (their keys alone are held)
  const filingKeys = await storedKeys(db!, 'filings');
  for (let at = 0; commitMs.length < params.settlements && at < filingKeys.length; at += 2000) {
    const page = await getRows(db!, 'filings', filingKeys.slice(at, at + 2000));
    for (const f of page) {
      if (!f) continue;
      if (commitMs.length >= params.settlements) break;
      if (f.scheme !== 'medical' || seen.has(f.psn_no)) continue;
      seen.add(f.psn_no);
      // The previous commit's release (its outbox entry journaling → queued, a transaction of its
      // own after the receipt: db/outbox-release.ts) is done before this settlement starts, as the
      // next patient's F8 at a counter finds it, seconds later. Back to back, it would queue in
      // front of this commit's transaction; the wait is printed beside the figures.
      const tw = performance.now();
      await awaitReleases(db!);
      releaseWaitMs.push(performance.now() - tw);
      const t0 = performance.now();
      const p = await service.preview({
        who: { psn_no: f.psn_no },
        scheme: 'medical',
        setl_type: 'outpatient',
        settle_date: params.today,
        lines,
      });
      if (p.result.status !== 'settled') {
        refused++;
        continue;
      }
      const t1 = performance.now();
      await service.commit(p, { opter: 'bench', encounter_no: `BENCH-${params.runId}-${f.psn_no}` });
      const t2 = performance.now();
      commitMs.push(t2 - t1);
      settleMs.push(t1 - t0);
      settleCommitMs.push(t2 - t0);
    }
  }
  return {
    queued: commitMs.length,
    refused_previews: refused,
    commit: summary(commitMs),
    steps: { idb: summary(steps.idb), journal: summary(steps.journal), total: summary(steps.total) },
    settle_commit: summary(settleCommitMs),
    settle: summary(settleMs),
    release_wait: summary(releaseWaitMs),
    channel,
  };
}

export async function drain(port: PlatformPort) {
  const pusher = createPusher({ db: db!, port, batchSize: 100 });
  const t0 = performance.now();
  const report = await pusher.drainWithRetry({ maxAttempts: 5 });
  const ms = performance.now() - t0;
  const status = await queueStatus(db!);
  const outcomes: Record<string, number> = {};
  await db!.settlements.each((s) => {
    outcomes[s.status] = (outcomes[s.status] ?? 0) + 1;
  });
  return { ms, outcome: report.outcome, left: status.queued, outcomes };
}

/** The sync cycle after the drain: an incremental pull of every dataset (the accumulators the
 * uploads moved on the platform come back), its rows per dataset, its wall time, its longest page
 * write transaction and its longest compaction transaction (what a counter read can wait behind). */
export async function syncCycle(port: PlatformPort) {
  const rows: Record<string, number> = {};
  let longest_write_ms = 0;
  const t0 = performance.now();
  const reports = await pullAll(db!, port, {
    onPage: (p) => {
      rows[p.dataset] = (rows[p.dataset] ?? 0) + p.rows + p.deleted;
      longest_write_ms = Math.max(longest_write_ms, p.write_ms);
    },
  });
  const compacted = reports.flatMap((r) => (r.compacted ? [r.compacted] : []));
  return {
    ms: performance.now() - t0,
    rows,
    longest_write_ms,
    compacted_keys: compacted.reduce((n, c) => n + c.keys, 0),
    longest_compaction_ms: Math.max(0, ...compacted.map((c) => c.longest_ms)),
    errors: reports.flatMap((r) => (r.compaction_error ? [`${r.dataset}: ${r.compaction_error}`] : [])),
  };
}
