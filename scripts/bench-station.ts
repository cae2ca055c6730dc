// npm run bench:station — the station's storage and sync figures in real Chromium.
//
// Starts the reference platform with a 300,000-row catalog and ~200,000 people (in a process of its
// own, as `npm start` runs it: the bench process holds the page's journal and the UI station's agent,
// whose latencies it measures, and must not share its event loop and heap with the platform's
// ~3 GB and its recomputations), builds the bench
// page (scripts/bench-station/) with vite, serves it with a relay that signs platform calls with the
// Node platform client, and drives it with playwright-core in /usr/bin/chromium, in three tabs
// (bench-station/tabs.ts): the floors of each big dataset; a new station's first sync; a station
// window opening the full database (cold start, counter latencies, searches, 1,000 settlements and
// their upload). The JS heap is read through the DevTools protocol after a forced GC.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { openJournal } from '../electron/services/journal';
import { createPlatformClient } from '../electron/services/platform-client';
import { createStationHost } from '../electron/services/station-host';
import { writeStationsFile } from '../platform-sim/stations';
import { DEMO_HOSPITAL, demoWorld } from '../shared/demo-world';
import { cstDate } from '../shared/protocol';
import { buildPage, CHROMIUM_ARGS, servePage } from './bench-station/page-server';
import { realUi } from './bench-station/real-ui';
import { reportUi } from './bench-station/report';
import { worldFacts } from './bench-station/real-ui';
import { runTabs, SETTLE_MS } from './bench-station/tabs';
import { startUiStation, uiStationIdentity } from './bench-station/ui-station';
import { startPlatformProcess } from './platform-process';
import type { StationParams } from './bench-station/station';

const CATALOG = Number(process.env.BENCH_CATALOG ?? 300_000);
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 200_000);
const SETTLEMENTS = Number(process.env.BENCH_SETTLEMENTS ?? 1000);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** A PGlite data directory kept between runs: seeded by the first run, reused (not reseeded) after.
 * Without it the platform seeds a throwaway data directory on disk, as `npm start`'s does: PGlite in
 * memory grows its files by copying them, and the bulk load of the 200,000-person world took minutes
 * there (docs/platform.md, "Seeding by bulk load"). */
const PLATFORM_DIR = process.env.BENCH_PLATFORM_DIR;
/** BENCH_UI=0 leaves out the real station's UI phase; BENCH_TABS=0 the bench page's tabs (floors,
 * first sync, the station window's figures) before it. */
const UI = process.env.BENCH_UI !== '0';
const TABS = process.env.BENCH_TABS !== '0';
const here = fileURLToPath(new URL('./bench-station/', import.meta.url));
const root = fileURLToPath(new URL('..', import.meta.url));
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
  const uiDir = await mkdtemp(join(tmpdir(), 'bench-ui-'));
  const platformDir = PLATFORM_DIR ?? (await mkdtemp(join(tmpdir(), 'bench-platform-')));
  const ui = uiStationIdentity(uiDir);
  const stationsFile = join(uiDir, 'platform-stations.json');
  writeStationsFile(stationsFile, [station, ui.registration]);
  const env = { ...process.env };
  delete env.DATABASE_URL; // PGlite, as `npm start`'s platform
  const platform = await startPlatformProcess({
    root,
    port: 0,
    dataDir: platformDir,
    seed: 'bench-station',
    today,
    catalogSize: CATALOG,
    peopleCount: PEOPLE,
    stationsFile,
    admin: false,
    env,
    startTimeoutMs: 900_000,
  });
  log(`platform ready at ${platform.url} in ${((Date.now() - t0) / 1000).toFixed(1)} s (its own process)`);
  // the few facts of the world the UI phase needs (cards, catalog codes); the world itself is dropped
  const facts = UI
    ? worldFacts(
        demoWorld({ seed: platform.seed, today: platform.today, catalogSize: CATALOG, peopleCount: PEOPLE }),
      )
    : null;
  const hospital = demoWorld({
    seed: platform.seed,
    today: platform.today,
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
  const server = await servePage(await buildPage(here), (infno, input) => client.call(infno, input), host);
  const pageUrl = server.url;

  const userDataDir = await mkdtemp(join(tmpdir(), 'bench-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const profile: StationParams['station'] = {
      station_id: station.id,
      fixmedins_code: hospital.fixmedins_code,
      mdtrtarea_admvs: hospital.institution.mdtrtarea_admvs,
      hosp_lv: hospital.institution.hosp_lv,
    };
    if (TABS)
      await runTabs(context, pageUrl, {
        station: profile,
        today: platform.today,
        settlements: SETTLEMENTS,
        lookups: 2000,
        searches: 500,
        verdicts: 300,
        previews: 40,
        previewLines: 400,
        runId: Date.now().toString(36),
      });
    if (facts) {
      log(
        'the real station (browser mode, the built renderer) on the same platform: first sync, counter, reload…',
      );
      const agent = await startUiStation(uiDir, ui.identity, platform);
      try {
        reportUi(
          await realUi(context, agent.agent.url, facts, {
            // a p95 of 40 reads or 15 previews was the second or first slowest: too few to judge by
            reads: Number(process.env.BENCH_UI_READS ?? 100),
            previews: Number(process.env.BENCH_UI_PREVIEWS ?? 30),
            lines: 400,
            settleMs: SETTLE_MS,
          }),
          log,
        );
      } finally {
        await agent.close();
      }
    }
  } finally {
    await context.close();
    await server.close();
    host.close();
    await journal.close();
    await rm(journalDir, { recursive: true, force: true });
    await platform.stop();
    if (!PLATFORM_DIR) await rm(platformDir, { recursive: true, force: true });
    await rm(userDataDir, { recursive: true, force: true });
    await rm(uiDir, { recursive: true, force: true });
  }
  log(`total ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:station failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
