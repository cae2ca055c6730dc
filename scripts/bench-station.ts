// npm run bench:station — the station's storage and sync figures in real Chromium.
//
// Starts the reference platform with a 300,000-row catalog and ~200,000 filings, builds the bench
// page (scripts/bench-station/) with vite, serves it with a relay that signs platform calls with the
// Node platform client, and drives it with playwright-core in /usr/bin/chromium. The page pulls the
// datasets through renderer/sync into renderer/db (Dexie), measures the bare-IndexedDB floor for the
// same rows, lookup and search latencies, then queues and drains 1,000 settlements.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { openJournal } from '../electron/services/journal';
import { createPlatformClient } from '../electron/services/platform-client';
import { createStationHost } from '../electron/services/station-host';
import { startPlatform } from '../platform-sim';
import { DEMO_HOSPITAL, demoWorld } from '../shared/demo-world';
import { cstDate } from '../shared/protocol';
import type { BenchFigures, BenchParams } from './bench-station/main';
import { buildPage, CHROMIUM_ARGS, servePage } from './bench-station/page-server';

const CATALOG = Number(process.env.BENCH_CATALOG ?? 300_000);
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 200_000);
const SETTLEMENTS = Number(process.env.BENCH_SETTLEMENTS ?? 1000);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const here = fileURLToPath(new URL('./bench-station/', import.meta.url));
const today = cstDate(Date.now());
const station = {
  id: 'BENCH-STATION-01',
  secret: 'bench-secret-0123456789abcdef',
  fixmedins_code: DEMO_HOSPITAL,
};

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function main(): Promise<void> {
  const t0 = Date.now();
  log(
    `bench:station — catalog ${CATALOG} rows, ${PEOPLE} people, ${SETTLEMENTS} settlements; starting the platform…`,
  );
  const platform = await startPlatform({
    port: 0,
    seed: 'bench-station',
    today,
    catalogSize: CATALOG,
    peopleCount: PEOPLE,
    stations: [station],
  });
  log(`platform ready at ${platform.url} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const hospital = demoWorld({
    seed: 'bench-station',
    today,
    catalogSize: 1,
    peopleCount: 1,
  }).institutions.find((i) => i.fixmedins_code === DEMO_HOSPITAL)!;
  const client = createPlatformClient({
    baseUrl: platform.url,
    stationId: station.id,
    secret: station.secret,
    fixmedinsCode: hospital.fixmedins_code,
    fixmedinsName: hospital.fixmedins_name,
    mdtrtareaAdmvs: hospital.institution.mdtrtarea_admvs,
    timeoutMs: 60_000,
  });
  // The page's journal: the real one, in a throwaway folder, behind a station host's dispatch.
  const journalDir = await mkdtemp(join(tmpdir(), 'bench-journal-'));
  const journal = openJournal({ dir: journalDir });
  const host = createStationHost({
    app: { name: 'bench', version: '0', mode: 'browser', os: process.platform },
    configView: () => {
      throw new Error('the bench host has no config');
    },
    platform: null,
    card: null,
    print: { savePdf: async () => '', dialog: null },
    journal,
    log: { write: () => undefined },
  });
  const server = await servePage(
    await buildPage(here),
    (infno, input) => client.call(infno, input),
    (channel, input) => host.dispatch(channel, input),
  );
  const pageUrl = server.url;

  const userDataDir = await mkdtemp(join(tmpdir(), 'bench-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') log(`  [page] ${m.text()}`);
    });
    await page.goto(pageUrl);
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'bench ready');
    const params: BenchParams = {
      station: {
        station_id: station.id,
        fixmedins_code: hospital.fixmedins_code,
        mdtrtarea_admvs: hospital.institution.mdtrtarea_admvs,
        hosp_lv: hospital.institution.hosp_lv,
      },
      today,
      settlements: SETTLEMENTS,
      pageSize: 5000,
      lookups: 2000,
      searches: 500,
    };
    const f = (await page.evaluate(
      (p) => (window as unknown as { runBench: (p: BenchParams) => Promise<BenchFigures> }).runBench(p),
      params,
    )) as BenchFigures;
    report(f);
  } finally {
    await context.close();
    await server.close();
    host.close();
    await journal.close();
    await rm(journalDir, { recursive: true, force: true });
    await platform.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
  log(`total ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

const n0 = (x: number) => Math.round(x).toLocaleString('en-US');
const ms = (x: number) => `${x.toFixed(2)} ms`;
const mchars = (c: number) => `${(c / 1e6).toFixed(1)} M characters`;
const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(0)}%`;
const verdict = (ok: boolean) => (ok ? 'meets goal' : 'MISSES goal');

function report(f: BenchFigures): void {
  log('');
  log(`navigator.storage.persist(): ${f.persistence}`);
  log('pull (8101 → validation → Dexie, page 5,000, one transaction per page with its checkpoint)');
  log(
    `  catalog      ${n0(f.catalog.rows)} rows in ${(f.catalog.ms / 1000).toFixed(1)} s = ${n0(f.catalog.rowsPerSec)} rows/s`,
  );
  log(
    `  filings      ${n0(f.filings.rows)} rows in ${(f.filings.ms / 1000).toFixed(1)} s = ${n0(f.filings.rowsPerSec)} rows/s`,
  );
  log(
    `  accumulators ${n0(f.accumulators.rows)} rows in ${(f.accumulators.ms / 1000).toFixed(1)} s = ${n0(f.accumulators.rowsPerSec)} rows/s`,
  );
  log(
    'raw IndexedDB put floor (same rows, bare API, one strict readwrite transaction per 5,000 rows, measured first)',
  );
  log(
    `  catalog rows as delivered, no index      ${n0(f.floorCatalog.rowsPerSec)} rows/s → pull is ${pct(f.catalog.rowsPerSec, f.floorCatalog.rowsPerSec)} of it (goal ≥ 60%: ${verdict(f.catalog.rowsPerSec >= 0.6 * f.floorCatalog.rowsPerSec)})`,
  );
  log(
    `  filing rows as delivered, no index       ${n0(f.floorFilings.rowsPerSec)} rows/s → pull is ${pct(f.filings.rowsPerSec, f.floorFilings.rowsPerSec)} of it (goal ≥ 60%: ${verdict(f.filings.rowsPerSec >= 0.6 * f.floorFilings.rowsPerSec)})`,
  );
  log('the parts of a pull alone (they overlap in the pull: the next page is fetched while one is written)');
  log(
    `  8101 delivery (platform + relay + JSON)   catalog ${n0(f.delivery.catalog)} rows/s, filings ${n0(f.delivery.filings)} rows/s`,
  );
  log(
    `  validation + stored shape + segment (page thread, warm pinyin cache)   catalog ${n0(f.prepare.catalog)} rows/s, filings ${n0(f.prepare.filings)} rows/s`,
  );
  log(
    `  lookup segments loaded into memory in ${ms(f.searchIndex.ms)}: catalog ${n0(f.searchIndex.catalog.entries)} entries in ${f.searchIndex.catalog.segments} segments (${mchars(f.searchIndex.catalog.chars)}), filings ${n0(f.searchIndex.filings.entries)} in ${f.searchIndex.filings.segments} (${mchars(f.searchIndex.filings.chars)})${f.searchIndex.heapMb === null ? '' : `; the bench page's whole JS heap, fetched rows included, ${f.searchIndex.heapMb.toFixed(0)} MB`}`,
  );
  log('lookups and searches (right after the pull, one at a time)');
  log(
    `  filing by ID number          p95 ${ms(f.lookup.p95)} (median ${ms(f.lookup.median)}, n=${f.lookup.n}; goal ≤ 5 ms: ${verdict(f.lookup.p95 <= 5)})`,
  );
  log(
    `  catalog by code prefix       p95 ${ms(f.codeSearch.p95)} (median ${ms(f.codeSearch.median)}, n=${f.codeSearch.n}; goal ≤ 50 ms: ${verdict(f.codeSearch.p95 <= 50)})`,
  );
  log(
    `  catalog by pinyin initials   p95 ${ms(f.pinyinSearch.p95)} (median ${ms(f.pinyinSearch.median)}, n=${f.pinyinSearch.n}; goal ≤ 50 ms: ${verdict(f.pinyinSearch.p95 <= 50)})`,
  );
  log(
    `  catalog by name fragment     p95 ${ms(f.fragSearch.p95)} (median ${ms(f.fragSearch.median)}, n=${f.fragSearch.n}; goal ≤ 50 ms: ${verdict(f.fragSearch.p95 <= 50)})`,
  );
  log('settle and push');
  log(
    `  queued ${f.queued.queued} settlements (commit alone p95 ${ms(f.queued.commit_p95_ms)}; ${f.queued.refused_previews} previews refused and skipped)`,
  );
  log(
    `  settle + IndexedDB + journal (fsync) p95 ${ms(f.queued.settle_commit_p95_ms)} (goal ≤ 25 ms: ${verdict(f.queued.settle_commit_p95_ms <= 25)})`,
  );
  log(
    `  drain: ${(f.drain.ms / 1000).toFixed(1)} s for ${f.queued.queued} (goal ≤ 30 s: ${verdict(f.drain.ms <= 30_000)}); left in outbox ${f.drain.left}; outcomes ${JSON.stringify(f.drain.outcomes)}`,
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:station failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
