// The reference national platform, in-process: startPlatform() opens the database (PGlite data
// directory, in-memory PGlite, or a PostgreSQL server), migrates, seeds the demo world once, and
// serves the protocol over HTTP. Tests start one on port 0; the CLI (cli.ts) wraps the same call.

import type { AddressInfo } from 'node:net';
import type { DemoWorld } from '../shared/demo-world';
import { DEFAULT_CATALOG_SIZE, demoWorld } from '../shared/demo-world';
import { DEFAULT_MAX_OFFLINE_DAYS, MIN_SECRET_LENGTH, cstDate, isUsableSecret } from '../shared/protocol';
import type { PlatformContext } from './context';
import type { Database } from './db/database';
import { dropSchema, isNewPgliteDir, openDatabase } from './db/database';
import { rowsByKeys } from './db/datasets';
import { migrate } from './db/migrations';
import type { WorldSettings, WorldSource } from './db/seed';
import { readSettings, seedIfEmpty, worldSource } from './db/seed';
import { type WorkerWorldSource, workerWorldSource } from './db/world-worker';
import { pruneNonces } from './http/auth';
import { Faults } from './http/faults';
import { createPlatformServer } from './http/server';
import type { StationRegistration } from './stations';
import { StationsError, checkStations } from './stations';

export { AdminClient } from './admin-client';
export type { FaultState } from './http/faults';
export type { StationRegistration } from './stations';

export interface StartPlatformOptions {
  port?: number;
  /** default 127.0.0.1 */
  host?: string;
  /** PGlite data directory; omitted (and no databaseUrl) = in-memory PGlite */
  dataDir?: string;
  /** a PostgreSQL server instead of PGlite */
  databaseUrl?: string;
  /** PostgreSQL schema for this platform's tables (default "platform") */
  databaseSchema?: string;
  /** drop databaseSchema when the platform closes (throwaway test platforms) */
  dropSchemaOnClose?: boolean;
  seed: string | number;
  /** 'YYYY-MM-DD' the world is seeded for; default today in China Standard Time */
  today?: string;
  /** each station bound to the institution it works for (secrets of at least 16 characters) */
  stations: readonly StationRegistration[];
  admin?: boolean;
  /** when set, every admin request must carry it (`authorization: Bearer …`); at least 16 characters */
  adminToken?: string;
  /** how many days before the platform's today an uploaded settle_date may be; default 90 */
  maxOfflineDays?: number;
  catalogSize?: number;
  /** people in the demo world (named scenarios first, then generated); default 60 */
  peopleCount?: number;
  /** the platform's clock (tests move it to check the timestamp window) */
  now?: () => number;
  /** generate the world and build its rows in a worker thread while the database opens (default:
   * for worlds of SEED_IN_WORKER_FROM people or more) */
  seedInWorker?: boolean;
}

/** From this many people the first seeding generates the world in a worker thread: below it the
 * worker's start (loading the modules through tsx, about half a second) costs more than it saves. */
export const SEED_IN_WORKER_FROM = 20_000;

export interface RunningPlatform {
  url: string;
  port: number;
  settings: WorldSettings;
  /** true when this start seeded the database; false when it found a world already there */
  seeded: boolean;
  /** the demo world as seeded (generated again from the stored seed when first read, unless this start
   * generated it on its own thread; later admin changes are in the database, not here) */
  readonly world: DemoWorld;
  db: Database;
  close(): Promise<void>;
}

/** A station bound to an institution the platform does not know could never sign in: say so at start. */
async function checkInstitutions(db: Database, stations: readonly StationRegistration[]): Promise<void> {
  const known = new Set(
    (await rowsByKeys(db, 'institutions', [...new Set(stations.map((s) => s.fixmedins_code))])).map(
      (r) => r.key,
    ),
  );
  const stray = stations.find((s) => !known.has(s.fixmedins_code));
  if (stray)
    throw new StationsError(
      `station ${stray.id} is registered for institution ${stray.fixmedins_code}, which the platform does not know`,
    );
}

export async function startPlatform(options: StartPlatformOptions): Promise<RunningPlatform> {
  const stations = checkStations(options.stations);
  const maxOfflineDays = options.maxOfflineDays ?? DEFAULT_MAX_OFFLINE_DAYS;
  if (!Number.isInteger(maxOfflineDays) || maxOfflineDays < 0 || maxOfflineDays > 36_500)
    throw new RangeError(`maxOfflineDays must be an integer 0..36500, got ${maxOfflineDays}`);
  if (options.adminToken !== undefined && !isUsableSecret(options.adminToken))
    throw new RangeError(`the admin token needs at least ${MIN_SECRET_LENGTH} characters and no spaces`);
  const now = options.now ?? Date.now;
  const schema = options.databaseUrl ? (options.databaseSchema ?? 'platform') : undefined;
  const worldOptions = {
    seed: options.seed,
    today: options.today ?? cstDate(now()),
    catalogSize: options.catalogSize ?? DEFAULT_CATALOG_SIZE,
    peopleCount: options.peopleCount,
  };
  const inWorker = options.seedInWorker ?? (options.peopleCount ?? 0) >= SEED_IN_WORKER_FROM;
  // A new PGlite database certainly needs the world: its worker starts generating it now, while
  // this thread creates the data directory (initdb).
  let early: WorkerWorldSource | undefined =
    inWorker && !options.databaseUrl && (!options.dataDir || isNewPgliteDir(options.dataDir))
      ? workerWorldSource(worldOptions)
      : undefined;
  let db: Database;
  try {
    db = await openDatabase({ dataDir: options.dataDir, databaseUrl: options.databaseUrl, schema });
  } catch (err) {
    await early?.close();
    throw err;
  }
  try {
    await migrate(db);
    let settings = await readSettings(db);
    let seeded = false;
    let generated: DemoWorld | undefined;
    if (!settings) {
      let source: WorldSource;
      if (inWorker) source = early ??= workerWorldSource(worldOptions);
      else source = worldSource((generated = demoWorld(worldOptions)));
      ({ seeded, settings } = await seedIfEmpty(db, source));
      // Another process seeded the same PostgreSQL first: the stored world is its, not this one.
      if (!seeded) generated = undefined;
    }
    await early?.close();
    early = undefined;
    const stored = settings;
    // The world as stored, generated again from its settings when first asked for (a restart, or a
    // world seeded from a worker): the platform answers from the database and never needs it.
    const world = () =>
      (generated ??= demoWorld({
        seed: stored.seed,
        today: stored.today,
        catalogSize: stored.catalog_size,
        peopleCount: stored.people_count,
      }));
    await checkInstitutions(db, stations);
    const faults = new Faults(now);
    const ctx: PlatformContext = {
      db,
      stations: new Map(stations.map((s) => [s.id, s])),
      settings,
      now,
      maxOfflineDays,
      faults,
    };
    const server = createPlatformServer(ctx, {
      admin: options.admin ?? false,
      adminToken: options.adminToken,
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
    });
    const prune = setInterval(() => void pruneNonces(ctx).catch(() => undefined), 60_000);
    prune.unref();
    const address = server.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    let closed = false;
    return {
      url: `http://${host}:${address.port}`,
      port: address.port,
      settings,
      seeded,
      get world() {
        return world();
      },
      db,
      async close() {
        if (closed) return;
        closed = true;
        clearInterval(prune);
        faults.releaseHung();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await db.close();
        if (options.databaseUrl && options.dropSchemaOnClose && schema)
          await dropSchema(options.databaseUrl, schema);
      },
    };
  } catch (err) {
    await early?.close();
    await db.close().catch(() => undefined);
    throw err;
  }
}
