// npm run bench:platform [-- --catalog-size N --people N --settlements N --seeding-only]
// The reference platform's figures, each printed with its goal (issue 16) beside it:
//   seeding: start → ready with the bench world (200,000 people, 300,000 catalog rows), goal ≤ 20 s;
//   8201: settlements per second, batches of 100 settlements with 50-line bills (one client, then four
//         clients at once; goal with four clients ≥ 500/s on PGlite, ≥ 1,000/s on PostgreSQL);
//   8101: rows per second pulling the whole medical catalog (300,000 rows by default) in pages of 5,000;
// on PGlite (a data directory in the temp folder) and on a PostgreSQL server named by TEST_DATABASE_URL
// or DATABASE_URL. Without a reachable server it says so in one line and prints the PGlite figures.

import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { PlatformError, createPlatformClient } from '../electron/services/platform-client';
import type { PlatformClient } from '../electron/services/platform-client';
import { BENCHMARK_CATALOG_SIZE, demoWorld } from '../shared/demo-world';
import type { UploadSettlementInput } from '../shared/protocol';
import { cstDate } from '../shared/protocol';
import { startPlatform } from '../platform-sim';
import type { RunningPlatform } from '../platform-sim';
import { settleablePeople, syntheticBill, uploadFor } from '../platform-sim/test-support';

const { values } = parseArgs({
  options: {
    'catalog-size': { type: 'string' },
    people: { type: 'string' },
    settlements: { type: 'string' },
    // Only the generation and seeding figures (no 8101 pull, no 8201 runs): a short run.
    'seeding-only': { type: 'boolean' },
  },
});
const CATALOG = Number(values['catalog-size'] ?? BENCHMARK_CATALOG_SIZE);
const PEOPLE = Number(values.people ?? 200_000);
const SETTLEMENTS = Number(values.settlements ?? 2000);
const SEED_GOAL_S = 20;
const UPLOAD_GOAL: Record<RunningPlatform['db']['kind'], number> = { pglite: 500, postgres: 1000 };
const BATCH = 100;
const LINES = 50;
const HOSPITAL = 'H46010600001';
const STATION = { id: 'BENCH', secret: 'bench-secret-0123456789', fixmedins_code: HOSPITAL };

const log = (s: string) => console.log(s);
const perSecond = (n: number, ms: number) => Math.round((n / ms) * 1000);
const rate = (n: number, ms: number) => perSecond(n, ms).toLocaleString('en-US');
const verdict = (met: boolean) => (met ? 'met' : 'MISSED');

function client(p: RunningPlatform): PlatformClient {
  return createPlatformClient({
    baseUrl: p.url,
    stationId: STATION.id,
    secret: STATION.secret,
    fixmedinsCode: HOSPITAL,
    fixmedinsName: '海南省人民医院',
    mdtrtareaAdmvs: '460106',
    timeoutMs: 300_000,
  });
}

function batches(p: RunningPlatform, count: number, tag: string): UploadSettlementInput[][] {
  const w = p.world;
  const people = settleablePeople(w);
  const out: UploadSettlementInput[][] = [];
  for (let b = 0; b < Math.ceil(count / BATCH); b++) {
    out.push(
      Array.from({ length: Math.min(BATCH, count - b * BATCH) }, (_, i) => {
        const n = b * BATCH + i;
        return uploadFor(w, syntheticBill(w, people[n % people.length], LINES, HOSPITAL, n), {
          stationId: STATION.id,
          localSetlId: `${tag}${String(n).padStart(7, '0')}`,
          mdtrtId: `${tag}-${n}`,
        });
      }),
    );
  }
  return out;
}

/** 8201 is idempotent by local_setl_id, so a batch whose answer was lost (transient) is simply sent again. */
async function upload(c: PlatformClient, batch: UploadSettlementInput[]) {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await c.call('8201', { data: { settlements: batch } })).results;
    } catch (err) {
      if (!(err instanceof PlatformError) || !err.transient || attempt >= 3) throw err;
    }
  }
}

/** CPU time (ms) of this process's main thread, which runs the platform (PGlite too) and the bench's
 * clients: steadier than wall time on a shared machine. Linux only (USER_HZ 100); undefined elsewhere. */
function mainThreadCpuMs(): number | undefined {
  try {
    const f = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return undefined;
  }
}

const cpuNote = (from: number | undefined, n: number) => {
  const to = mainThreadCpuMs();
  return from === undefined || to === undefined
    ? ''
    : ` (main thread CPU ${((to - from) / n).toFixed(2)} ms per settlement, clients included)`;
};

/** Wall time of a start, with the CPU this process spent on it: all its threads (process.cpuUsage(),
 * worker threads and garbage collection included) and the main thread alone. */
interface StartTime {
  ms: number;
  cpu: string;
}

async function timedStart(start: () => Promise<RunningPlatform>): Promise<[RunningPlatform, StartTime]> {
  const t = performance.now();
  const cpu = process.cpuUsage();
  const main = mainThreadCpuMs();
  const p = await start();
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  const mainTo = mainThreadCpuMs();
  const mainNote =
    main === undefined || mainTo === undefined
      ? ''
      : `, main thread ${((mainTo - main) / 1000).toFixed(1)} s`;
  return [p, { ms, cpu: `process CPU ${((used.user + used.system) / 1e6).toFixed(1)} s${mainNote}` }];
}

async function bench(name: string, p: RunningPlatform, seeding: StartTime): Promise<void> {
  const seedMs = seeding.ms;
  log(`\n${name}`);
  log(
    `  seeding: ${PEOPLE.toLocaleString('en-US')} people, ${CATALOG.toLocaleString('en-US')} catalog rows ready in ${(seedMs / 1000).toFixed(1)} s (${seeding.cpu}) — goal ≤ ${SEED_GOAL_S} s: ${verdict(seedMs <= SEED_GOAL_S * 1000)}`,
  );
  if (values['seeding-only']) return;
  const c = client(p);
  await c.signIn();
  // Bills are built (and settled by the "station") before any timing starts.
  const serial = batches(p, SETTLEMENTS, 'BS');
  const parallel = batches(p, SETTLEMENTS, 'BP');

  let t = performance.now();
  let rows = 0;
  let ver = 0;
  for (;;) {
    const page = await c.call('8101', { data: { dataset: 'catalog', since_ver: ver, page_size: 5000 } });
    rows += page.rows.length;
    ver = page.next_ver;
    if (!page.more) break;
  }
  const pullMs = performance.now() - t;
  log(
    `  8101 catalog pull: ${rows.toLocaleString('en-US')} rows in ${(pullMs / 1000).toFixed(2)} s = ${rate(rows, pullMs)} rows/s (pages of 5,000)`,
  );

  let cpu = mainThreadCpuMs();
  t = performance.now();
  const outcomes: Record<string, number> = {};
  for (const b of serial)
    for (const r of await upload(c, b)) outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
  const serialMs = performance.now() - t;
  log(
    `  8201 one client: ${SETTLEMENTS} settlements (${serial.length} batches of ${BATCH}, ${LINES}-line bills) in ${(serialMs / 1000).toFixed(2)} s = ${rate(SETTLEMENTS, serialMs)} settlements/s ${JSON.stringify(outcomes)} (no goal of its own)${cpuNote(cpu, SETTLEMENTS)}`,
  );

  const clients = [c, client(p), client(p), client(p)];
  cpu = mainThreadCpuMs();
  t = performance.now();
  let next = 0;
  await Promise.all(
    clients.map(async (k) => {
      while (next < parallel.length) {
        const b = parallel[next++];
        await upload(k, b);
      }
    }),
  );
  const parMs = performance.now() - t;
  const goal = UPLOAD_GOAL[p.db.kind];
  log(
    `  8201 four clients: ${SETTLEMENTS} settlements in ${(parMs / 1000).toFixed(2)} s = ${rate(SETTLEMENTS, parMs)} settlements/s — goal ≥ ${goal.toLocaleString('en-US')}/s: ${verdict(perSecond(SETTLEMENTS, parMs) >= goal)}${cpuNote(cpu, SETTLEMENTS)}`,
  );
}

async function reachable(url: string): Promise<boolean> {
  const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await probe.connect();
    await probe.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await probe.end().catch(() => undefined);
  }
}

async function main(): Promise<void> {
  log(
    `bench:platform — catalog ${CATALOG.toLocaleString('en-US')} rows, ${PEOPLE.toLocaleString('en-US')} people, ${SETTLEMENTS} settlements per run; ${new Date().toISOString()}; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} on ${cpus().length} cores`,
  );
  const common = {
    seed: 'bench-platform',
    // The platform refuses settle dates outside its offline window: the world is seeded for today.
    today: cstDate(Date.now()),
    catalogSize: CATALOG,
    peopleCount: PEOPLE,
    stations: [STATION],
  };

  const dir = await mkdtemp(join(tmpdir(), 'bench-platform-'));
  try {
    const [lite, liteStart] = await timedStart(() => startPlatform({ ...common, dataDir: dir }));
    try {
      await bench(`PGlite (data directory ${dir})`, lite, liteStart);
    } finally {
      await lite.close();
    }

    const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
    if (!url) {
      log('\nPostgreSQL: no TEST_DATABASE_URL or DATABASE_URL set — PostgreSQL figures skipped.');
      return;
    }
    if (!(await reachable(url))) {
      log(
        `\nPostgreSQL: no server reachable at ${url.replace(/\/\/[^@]*@/, '//…@')} — PostgreSQL figures skipped.`,
      );
      return;
    }
    const [server, serverStart] = await timedStart(() =>
      startPlatform({
        ...common,
        databaseUrl: url,
        databaseSchema: `bench_${randomBytes(4).toString('hex')}`,
        dropSchemaOnClose: true,
      }),
    );
    try {
      await bench('PostgreSQL server (CPU of this process only)', server, serverStart);
    } finally {
      await server.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
    // The pure world generation, apart, and last: a platform never generates the world before it
    // seeds, and the 400 MB it leaves on this thread's heap would slow the seedings measured above.
    const g = performance.now();
    demoWorld({
      seed: 'bench-platform',
      today: cstDate(Date.now()),
      catalogSize: CATALOG,
      peopleCount: PEOPLE,
    });
    log(
      `\ndemo world generated (in memory, no database, on this thread) in ${((performance.now() - g) / 1000).toFixed(1)} s`,
    );
  }
}

main().catch((err) => {
  console.error('bench:platform failed:', err);
  process.exit(1);
});
