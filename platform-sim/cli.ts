// npm run platform -- --seed S (--stations-file PATH | --station ID:SECRET:CODE …) [--port P]
//   [--data-dir D | --memory] [--admin [--admin-token T]] [--max-offline-days N] [--today YYYY-MM-DD]
//   [--catalog-size N] [--people N] [--host H] [--database-url URL] [--db-schema NAME]
// Stations: a stations file (JSON array of {id, secret, fixmedins_code}, owner-only permissions) keeps
// secrets off the process list; --station is for tests. Storage: a PGlite data directory (default
// .station-data/platform-sim, git-ignored); --memory for a throwaway in-memory PGlite; DATABASE_URL in
// the environment (or --database-url) for a PostgreSQL server. Prints one line `platform listening
// on URL` when ready; SIGINT/SIGTERM close it cleanly.

import { mkdir } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { describeError } from './http/log';
import { startPlatform } from './index';
import type { StationRegistration } from './stations';
import { StationsError, parseStationArg, readStationsFile } from './stations';

const USAGE =
  'usage: npm run platform -- --seed S (--stations-file PATH | --station ID:SECRET:CODE [--station …]) [--port P] [--data-dir D | --memory] [--admin [--admin-token T]] [--max-offline-days N] [--today YYYY-MM-DD] [--catalog-size N] [--people N] [--host H] [--database-url URL] [--db-schema NAME]\n' +
  '  the admin token may come from PLATFORM_ADMIN_TOKEN instead (the command line is visible to every local user)';
const DEFAULT_DATA_DIR = '.station-data/platform-sim';

function fail(message: string): never {
  console.error(`platform: ${message}\n${USAGE}`);
  process.exit(2);
}

function intOption(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    fail(`--${name} must be an integer ${min}..${max}, got ${value}`);
  return n;
}

function stationsFrom(file: string | undefined, args: string[]): StationRegistration[] {
  try {
    return [...(file ? readStationsFile(file) : []), ...args.map(parseStationArg)];
  } catch (err) {
    if (err instanceof StationsError) fail(err.message);
    throw err;
  }
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        'database-url': { type: 'string' },
        'db-schema': { type: 'string' },
        seed: { type: 'string' },
        today: { type: 'string' },
        'catalog-size': { type: 'string' },
        people: { type: 'string' },
        station: { type: 'string', multiple: true },
        'stations-file': { type: 'string' },
        'max-offline-days': { type: 'string' },
        admin: { type: 'boolean' },
        'admin-token': { type: 'string' },
        memory: { type: 'boolean' },
        help: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (err) {
    fail((err as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!values.seed) fail('--seed is required');
  const stations = stationsFrom(values['stations-file'], values.station ?? []);
  if (stations.length === 0) fail('no station: give --stations-file PATH or --station ID:SECRET:CODE');
  if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today))
    fail('--today must be YYYY-MM-DD');
  if (values.memory && values['data-dir']) fail('--memory and --data-dir exclude each other');
  const adminToken = values['admin-token'] ?? (process.env.PLATFORM_ADMIN_TOKEN || undefined);
  if (adminToken !== undefined && !values.admin) fail('an admin token needs --admin');
  const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
  const dataDir = databaseUrl || values.memory ? undefined : (values['data-dir'] ?? DEFAULT_DATA_DIR);
  if (dataDir) await mkdir(dataDir, { recursive: true });
  let platform;
  try {
    platform = await startPlatform({
      port: intOption('port', values.port, 0, 65535) ?? 9100,
      host: values.host,
      dataDir,
      databaseUrl,
      databaseSchema: values['db-schema'],
      seed: values.seed,
      today: values.today,
      catalogSize: intOption('catalog-size', values['catalog-size'], 1, 2_000_000),
      peopleCount: intOption('people', values.people, 1, 1_000_000),
      maxOfflineDays: intOption('max-offline-days', values['max-offline-days'], 0, 36_500),
      stations,
      admin: values.admin ?? false,
      adminToken,
    });
  } catch (err) {
    // A registry or option the platform refuses is the operator's to fix: exit 2 with the reason.
    if (err instanceof StationsError || err instanceof RangeError) fail(err.message);
    throw err;
  }
  // Handlers first: whoever waits for the ready line may stop the platform the moment it reads it.
  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    platform.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const where =
    platform.db.kind === 'postgres'
      ? 'PostgreSQL server'
      : dataDir
        ? `PGlite ${dataDir}`
        : 'in-memory PGlite';
  console.log(
    `platform listening on ${platform.url} (${where}; world seed ${platform.settings.seed}, today ${platform.settings.today}${platform.seeded ? ', seeded now' : ''}${values.admin ? `; admin on${adminToken ? ' with token' : ''}` : ''})`,
  );
}

main().catch((err) => {
  // describeError: a database error by its SQLSTATE, never with the statement's parameters.
  console.error(`platform: failed to start: ${describeError(err)}`);
  process.exit(1);
});
