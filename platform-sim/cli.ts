// npm run platform -- --port P --data-dir D --seed S --station ID:SECRET [--station …] [--admin]
//   [--today YYYY-MM-DD] [--catalog-size N] [--people N] [--host H] [--database-url URL] [--db-schema NAME] [--memory]
// Storage: a PGlite data directory (default .station-data/platform-sim, git-ignored); --memory for a
// throwaway in-memory PGlite; DATABASE_URL in the environment (or --database-url) for a PostgreSQL server.
// Prints one line `platform listening on URL` when ready; SIGINT/SIGTERM close it cleanly.

import { mkdir } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { startPlatform } from './index';

const USAGE =
  'usage: npm run platform -- --seed S --station ID:SECRET [--station …] [--port P] [--data-dir D | --memory] [--admin] [--today YYYY-MM-DD] [--catalog-size N] [--people N] [--host H] [--database-url URL] [--db-schema NAME]';
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
        admin: { type: 'boolean' },
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
  const stations = (values.station ?? []).map((s) => {
    const i = s.indexOf(':');
    if (i <= 0 || i === s.length - 1) fail(`--station must be ID:SECRET, got ${s}`);
    return { id: s.slice(0, i), secret: s.slice(i + 1) };
  });
  if (stations.length === 0) fail('at least one --station ID:SECRET is required');
  if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today))
    fail('--today must be YYYY-MM-DD');
  if (values.memory && values['data-dir']) fail('--memory and --data-dir exclude each other');
  const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
  const dataDir = databaseUrl || values.memory ? undefined : (values['data-dir'] ?? DEFAULT_DATA_DIR);
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const platform = await startPlatform({
    port: intOption('port', values.port, 0, 65535) ?? 9100,
    host: values.host,
    dataDir,
    databaseUrl,
    databaseSchema: values['db-schema'],
    seed: values.seed,
    today: values.today,
    catalogSize: intOption('catalog-size', values['catalog-size'], 1, 2_000_000),
    peopleCount: intOption('people', values.people, 1, 1_000_000),
    stations,
    admin: values.admin ?? false,
  });
  const where =
    platform.db.kind === 'postgres'
      ? 'PostgreSQL server'
      : dataDir
        ? `PGlite ${dataDir}`
        : 'in-memory PGlite';
  console.log(
    `platform listening on ${platform.url} (${where}; world seed ${platform.settings.seed}, today ${platform.settings.today}${platform.seeded ? ', seeded now' : ''}${values.admin ? '; admin on' : ''})`,
  );
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
}

main().catch((err) => {
  console.error('platform: failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
