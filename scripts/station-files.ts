// Where `npm start` keeps things and how it provisions the demo station: the user's app-data folder
// (XDG / %APPDATA% / Application Support), a station id and secret generated once, the platform's
// copy of the secret (the platform legitimately knows it; the station's own copy may have moved into
// safeStorage) and its stations file (0600, so the secret never goes on the platform's command line),
// and the station config pointing at the embedded platform.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createFileSecretStore, saveStationConfig, type StationConfig } from '../electron/services/config';
import { createOperatorsService, type NewAccount } from '../electron/services/operators';
import { writeStationsFile } from '../platform-sim/stations';
import { DEMO_HOSPITAL } from '../shared/demo-world';
import { INSTITUTIONS, type DemoInstitution } from '../shared/demo-world/institutions';

export const APP_FOLDER = 'direct-settlement-station';

export function appDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
  home = os.homedir(),
): string {
  if (platform === 'win32') return env.APPDATA ?? path.join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME || path.join(home, '.config');
}

export function defaultDataDir(): string {
  return path.join(appDataDir(), APP_FOLDER);
}

export interface StationIdentity {
  stationId: string;
  secret: string;
}

/** The demo platform's registry of this station; created once, reused so data stays attached. */
export function stationIdentity(platformDir: string): StationIdentity {
  const file = path.join(platformDir, 'station-identity.json');
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as StationIdentity;
    if (/^[A-Za-z0-9_-]{1,64}$/.test(parsed.stationId) && parsed.secret.length >= 16) return parsed;
  } catch {
    // first start (or a damaged file): make a new identity below
  }
  const identity = {
    stationId: `ST-${randomBytes(4).toString('hex').toUpperCase()}`,
    secret: randomBytes(24).toString('base64url'),
  };
  fs.mkdirSync(platformDir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, JSON.stringify(identity), { mode: 0o600 });
  return identity;
}

function demoInstitution(code: string): DemoInstitution {
  const found = INSTITUTIONS.find((i) => i.fixmedins_code === code);
  if (!found)
    throw new RangeError(
      `unknown demo institution ${code}; one of ${INSTITUTIONS.map((i) => i.fixmedins_code).join(', ')}`,
    );
  return found;
}

/** The demo platform's stations file: this station, bound to its institution. Written (0600) at every
 * start, since the institution may change between starts; returns its path. */
export function writePlatformStations(
  platformDir: string,
  identity: StationIdentity,
  institution: string = DEMO_HOSPITAL,
): string {
  const file = path.join(platformDir, 'stations.json');
  writeStationsFile(file, [
    {
      id: identity.stationId,
      secret: identity.secret,
      fixmedins_code: demoInstitution(institution).fixmedins_code,
    },
  ]);
  return file;
}

export interface DemoWorldFacts {
  seed: string;
  today: string;
}

/** Writes the station config for the embedded platform and provisions the secret (0600 file). */
export function provisionStation(
  stationDir: string,
  identity: StationIdentity,
  platformUrl: string,
  world: DemoWorldFacts,
  institution: string = DEMO_HOSPITAL,
): StationConfig {
  const hospital = demoInstitution(institution);
  const config: StationConfig = {
    stationId: identity.stationId,
    institution: { fixmedins_code: hospital.fixmedins_code, fixmedins_name: hospital.fixmedins_name },
    treatmentPlace: { mdtrtarea_admvs: hospital.institution.mdtrtarea_admvs },
    platformUrl,
    demo: { seed: world.seed, today: world.today },
  };
  saveStationConfig(stationDir, config);
  const secrets = createFileSecretStore(stationDir);
  // The desktop app may have moved the secret into safeStorage (and deleted this file): then the
  // encrypted copy is the station's, and writing a plain one again would undo that move.
  const encrypted = fs.existsSync(path.join(stationDir, 'station-secret.enc'));
  if (!encrypted && secrets.read() !== identity.secret) secrets.write(identity.secret);
  return config;
}

/** The demo station's operators and their PINs (README "Demo operators"): printed by `npm start`,
 * used by the end-to-end tests. A real station gets its first administrator from station:configure. */
export const DEMO_OPERATORS = [
  { id: 'cashier01', name: '王收费', role: 'cashier', pin: '135790' },
  { id: 'cashier02', name: '李收费', role: 'cashier', pin: '246802' },
  { id: 'supervisor01', name: '张主管', role: 'supervisor', pin: '520817' },
  { id: 'admin01', name: '系统管理员', role: 'admin', pin: '904172' },
] as const satisfies readonly NewAccount[];

/** Adds the demo operators that are missing (an administrator's later changes are kept). */
export async function provisionDemoOperators(stationDir: string): Promise<string[]> {
  const service = createOperatorsService({ dir: stationDir });
  return service.provision(DEMO_OPERATORS);
}
