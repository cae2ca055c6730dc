// The bench's three tabs, one after the other (each closed before the next opens, so no phase shares
// a heap or a disk with another): floors, a new station's first sync, a station window on the full
// database. Node side: drives the bench page (main.ts) with playwright and reads heaps through CDP.
import { loadavg } from 'node:os';
import type { BrowserContext, Page } from 'playwright-core';
import type { Bench } from './main';
import { heapAfterGc, heapSummary, type HeapFigure, type HeapGroup } from './heap';
import { reportPull, reportStation } from './report';
import type { StationParams } from './station';

const PAGE_SIZE = 5000;
const SNAPSHOT = process.env.BENCH_HEAP_SNAPSHOT === '1';
/** BENCH_SETTLE_MS: a pause after each first sync before the counter is measured, so what the
 * browser does in the background after writing the big datasets (IndexedDB compaction) is over. */
export const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 0);

type Result<K extends keyof Bench> = Awaited<ReturnType<Bench[K]>>;

async function open(context: BrowserContext, url: string, ready: string): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') process.stdout.write(`  [page] ${m.text()}\n`);
  });
  const t0 = Date.now();
  await page.goto(url);
  await page.waitForFunction(
    (want) => {
      const s = document.getElementById('status')?.textContent ?? '';
      return s === want || s.includes('failed');
    },
    ready,
    { timeout: 120_000 },
  );
  const status = await page.textContent('#status');
  if (status !== ready) throw new Error(`${url}: ${status}`);
  (page as Page & { openedInMs?: number }).openedInMs = Date.now() - t0;
  return page;
}

function call<K extends keyof Bench>(page: Page, name: K, ...args: Parameters<Bench[K]>): Promise<Result<K>> {
  return page.evaluate(
    ([n, a]) =>
      (window as unknown as { bench: Record<string, (...x: unknown[]) => unknown> }).bench[n]!(...a),
    [name, args] as const,
  ) as Promise<Result<K>>;
}

/** The machine's 1-minute load average at the start and the end of a phase (2 cores: above 2, the
 * bench shares them with other work and its figures drop). */
export type Load = [number, number];
const load = (): number => loadavg()[0]!;

export interface BenchFigures {
  load: { floors: Load; firstSync: Load; station: Load };
  floors: Result<'floors'>;
  firstSync: Result<'firstSync'>;
  heapAfterPull: HeapFigure;
  snapshotAfterPull: HeapGroup[] | null;
  coldStart: Result<'coldStart'> & { goto_ms: number };
  heapAfterColdStart: HeapFigure;
  counter: Result<'counterLatency'>;
  searches: Result<'catalogSearches'>;
  settled: Result<'settleMany'>;
  drain: Result<'drain'>;
  syncCycle: Result<'syncCycle'>;
  heapAfterSettlements: HeapFigure;
  snapshotAfterSettlements: HeapGroup[] | null;
}

export async function runTabs(
  context: BrowserContext,
  url: string,
  params: StationParams,
  say: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
): Promise<BenchFigures> {
  const dbName = `bench-station-${params.runId}`;
  say('floors: each big dataset fetched, put bare, and run through the page work…');
  const l0 = load();
  const a = await open(context, url, 'bench ready');
  const floors = await call(a, 'floors', PAGE_SIZE);
  await a.close();
  const l1 = load();

  say('first sync of a new station…');
  const b = await open(context, url, 'bench ready');
  const firstSync = await call(b, 'firstSync', dbName, PAGE_SIZE);
  const l2 = load();
  const heapAfterPull = await heapAfterGc(b);
  const snapshotAfterPull = SNAPSHOT ? await heapSummary(b) : null;
  await b.close();
  reportPull(
    { floors, firstSync, heapAfterPull, snapshotAfterPull, load: { floors: [l0, l1], firstSync: [l1, l2] } },
    say,
  );

  if (SETTLE_MS > 0) {
    say(`waiting ${SETTLE_MS / 1000} s after the first sync (BENCH_SETTLE_MS), load ${load()}…`);
    await new Promise((r) => setTimeout(r, SETTLE_MS));
  }
  say('a station window on the full database: cold start, counter, searches, settlements, upload…');
  const l3 = load();
  const c = await open(context, `${url}?station=${encodeURIComponent(dbName)}`, 'station ready');
  const coldStart = {
    ...(await call(c, 'coldStart')),
    goto_ms: (c as Page & { openedInMs?: number }).openedInMs ?? 0,
  };
  const heapAfterColdStart = await heapAfterGc(c);
  const counter = await call(c, 'counterLatency', params);
  const searches = await call(c, 'catalogSearches', params);
  const settled = await call(c, 'settleMany', params);
  const drain = await call(c, 'drain');
  const syncCycle = await call(c, 'syncCycle');
  const l4 = load();
  const heapAfterSettlements = await heapAfterGc(c);
  const snapshotAfterSettlements = SNAPSHOT ? await heapSummary(c) : null;
  await c.close();
  const figures: BenchFigures = {
    load: { floors: [l0, l1], firstSync: [l1, l2], station: [l3, l4] },
    floors,
    firstSync,
    heapAfterPull,
    snapshotAfterPull,
    coldStart,
    heapAfterColdStart,
    counter,
    searches,
    settled,
    drain,
    syncCycle,
    heapAfterSettlements,
    snapshotAfterSettlements,
  };
  reportStation(figures, say);
  return figures;
}
