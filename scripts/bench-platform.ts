// npm run bench:platform [-- --catalog-size N --people N --settlements N --seeding-only]
// The reference platform's figures, each printed with its goal (issue 16) beside it:
//   seeding: start → ready with the bench world (200,000 people, 300,000 catalog rows), goal ≤ 20 s;
//   8201: settlements per second, batches of 100 settlements with 50-line bills (one client, then four
//         clients at once; goal with four clients ≥ 500/s on PGlite, ≥ 1,000/s on PostgreSQL), sent by
//         clients in a process of their own (bench-platform-clients.ts) after 500 untimed settlements,
//         with the CPU per settlement of this process (all threads, and its main thread) and theirs;
//   8101: rows per second pulling the whole medical catalog (300,000 rows by default) in pages of 5,000;
// on PGlite (a data directory in the temp folder) and on a PostgreSQL server named by TEST_DATABASE_URL
// or DATABASE_URL. Without a reachable server it says so in one line and prints the PGlite figures.

import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createPlatformClient } from '../electron/services/platform-client';
import type { PlatformClient } from '../electron/services/platform-client';
import { BENCHMARK_CATALOG_SIZE, demoWorld } from '../shared/demo-world';
import { cstDate } from '../shared/protocol';
import { startPlatform } from '../platform-sim';
import type { RunningPlatform } from '../platform-sim';
import type { ClientsMessage, ClientsPhase, ClientsPlan } from './bench-platform-clients';

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
/** settlements sent before the first timed 8201 phase, so neither phase runs on a cold JIT */
const WARMUP = 500;
const WORLD_SEED = 'bench-platform';
// The platform refuses settle dates outside its offline window: the world is seeded for today.
const TODAY = cstDate(Date.now());
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

/** The 8201 clients in their own process (scripts/bench-platform-clients.ts), driven phase by phase. */
interface Clients {
  run(phase: ClientsPhase): Promise<Extract<ClientsMessage, { phase: ClientsPhase }>>;
  close(): void;
}

async function startClients(plan: ClientsPlan): Promise<Clients> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'bench-platform-clients.ts'), JSON.stringify(plan)],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const waiting: ((m: ClientsMessage) => void)[] = [];
  let failed: Error | undefined;
  const fail = (err: Error) => {
    failed ??= err;
    for (const w of waiting.splice(0)) w({ error: err.message });
  };
  child.on('exit', (code) => fail(new Error(`the clients' process exited (${code})`)));
  child.on('error', fail);
  createInterface({ input: child.stdout! }).on('line', (line) => {
    let m: ClientsMessage;
    try {
      m = JSON.parse(line) as ClientsMessage;
    } catch {
      return fail(new Error(`the clients' process printed ${line.slice(0, 120)}`));
    }
    waiting.shift()?.(m);
  });
  const next = () =>
    new Promise<ClientsMessage>((resolve) =>
      failed ? resolve({ error: failed.message }) : waiting.push(resolve),
    );
  const expect = async <K extends string>(m: Promise<ClientsMessage>, key: K) => {
    const got = await m;
    if ('error' in got) throw new Error(`8201 clients: ${got.error}`);
    if (!(key in got)) throw new Error(`8201 clients: unexpected ${JSON.stringify(got).slice(0, 120)}`);
    return got as Extract<ClientsMessage, Record<K, unknown>>;
  };
  await expect(next(), 'ready');
  return {
    run(phase) {
      const m = next();
      child.stdin!.write(`${phase}\n`);
      return expect(m, 'phase');
    },
    close() {
      child.removeAllListeners('exit');
      child.kill();
    },
  };
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

/** This process's CPU (all threads: the platform's main thread, PGlite in it, garbage collection's
 * helpers, the thread pool's deflate) and its main thread alone, from a mark to now. */
function cpuMark() {
  return { all: process.cpuUsage(), main: mainThreadCpuMs() };
}

function cpuNote(from: ReturnType<typeof cpuMark>, n: number, clientsMs: number): string {
  const used = process.cpuUsage(from.all);
  const main = mainThreadCpuMs();
  const perSetl = (ms: number) => `${(ms / n).toFixed(2)} ms`;
  const mainNote =
    from.main === undefined || main === undefined ? '' : `, main thread ${perSetl(main - from.main)}`;
  return ` (CPU per settlement: platform ${perSetl((used.user + used.system) / 1000)}${mainNote}; clients' process ${perSetl(clientsMs)})`;
}

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
  const clients = await startClients({
    url: p.url,
    station: STATION,
    world: { seed: WORLD_SEED, today: TODAY, catalogSize: CATALOG, peopleCount: PEOPLE },
    settlements: SETTLEMENTS,
    batch: BATCH,
    lines: LINES,
    warmup: WARMUP,
    tag: 'B',
  });
  try {
    const t = performance.now();
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

    let cpu = cpuMark();
    const serial = await clients.run('serial');
    log(
      `  8201 one client: ${SETTLEMENTS} settlements (${Math.ceil(SETTLEMENTS / BATCH)} batches of ${BATCH}, ${LINES}-line bills) in ${(serial.ms / 1000).toFixed(2)} s = ${rate(SETTLEMENTS, serial.ms)} settlements/s ${JSON.stringify(serial.outcomes)} (no goal of its own)${cpuNote(cpu, SETTLEMENTS, serial.cpuMs)}`,
    );

    cpu = cpuMark();
    const parallel = await clients.run('parallel');
    const goal = UPLOAD_GOAL[p.db.kind];
    log(
      `  8201 four clients: ${SETTLEMENTS} settlements in ${(parallel.ms / 1000).toFixed(2)} s = ${rate(SETTLEMENTS, parallel.ms)} settlements/s — goal ≥ ${goal.toLocaleString('en-US')}/s: ${verdict(perSecond(SETTLEMENTS, parallel.ms) >= goal)}${cpuNote(cpu, SETTLEMENTS, parallel.cpuMs)}`,
    );
  } finally {
    clients.close();
  }
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
    seed: WORLD_SEED,
    today: TODAY,
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
      seed: WORLD_SEED,
      today: TODAY,
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
