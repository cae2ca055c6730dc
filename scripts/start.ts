// npm start [-- --no-open] [--browser | --electron] [--admin] [--port N] [--platform-port N]
//           [--data-dir DIR] [--seed S] [--today YYYY-MM-DD] [--institution CODE]
// Starts the embedded demo platform and the station configured for it (see start-station.ts).
// STATION_NO_OPEN=1 is the same as --no-open. Ctrl+C stops everything.
import { parseArgs } from 'node:util';
import { startStation } from './start-station';
import { DEMO_OPERATORS } from './station-files';

const USAGE =
  'usage: npm start -- [--no-open] [--browser | --electron] [--admin] [--port N] [--platform-port N] [--data-dir DIR] [--seed S] [--today YYYY-MM-DD] [--institution CODE]';

function port(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    console.error(`--${name} must be a port number 0..65535, got ${value}\n${USAGE}`);
    process.exit(2);
  }
  return n;
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      'no-open': { type: 'boolean' },
      browser: { type: 'boolean' },
      electron: { type: 'boolean' },
      admin: { type: 'boolean' },
      port: { type: 'string' },
      'platform-port': { type: 'string' },
      'data-dir': { type: 'string' },
      seed: { type: 'string' },
      today: { type: 'string' },
      institution: { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  }));
} catch (err) {
  console.error(`${(err as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (values.browser && values.electron) {
  console.error(`--browser and --electron exclude each other\n${USAGE}`);
  process.exit(2);
}

try {
  const station = await startStation({
    mode: values.browser ? 'browser' : values.electron ? 'electron' : 'auto',
    open: values['no-open'] ? false : undefined,
    admin: values.admin ?? false,
    agentPort: port('port', values.port),
    platformPort: port('platform-port', values['platform-port']),
    dataDir: values['data-dir'],
    seed: values.seed,
    today: values.today,
    institution: values.institution,
  });
  console.log(`demo platform: ${station.platformUrl}${station.adminUrl ? ' (admin on)' : ''}`);
  console.log(`data folder:   ${station.dataDir}`);
  if (station.mode === 'browser')
    console.log(
      `station (open in Chromium; a one-time address, spent by the first page that opens it): ${station.url}`,
    );
  else console.log('station: the desktop window is open');
  console.log('demo operators (工号 / PIN, unless an administrator changed them):');
  for (const o of DEMO_OPERATORS) console.log(`  ${o.id.padEnd(13)} ${o.pin}  ${o.role} ${o.name}`);
  console.log('F12 locks the screen; the same PIN unlocks it.');
  console.log('Ctrl+C stops the station and the platform.');
  const stop = () => {
    station.stop().catch((err: unknown) => {
      console.error(`stopping failed: ${(err as Error).message}`);
      process.exit(1);
    });
  };
  void station.closed.then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (err) {
  console.error(`npm start failed: ${(err as Error).message}`);
  process.exit(1);
}
