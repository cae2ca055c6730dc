// Where `npm start` keeps its data and how it provisions the demo station and the platform's stations
// file (once, without undoing safeStorage).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadStationConfig } from '../electron/services/config';
import { readStationsFile } from '../platform-sim/stations';
import { appDataDir, provisionStation, stationIdentity, writePlatformStations } from './station-files';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'station-files-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('station files', () => {
  it('uses the platform app-data folder', () => {
    expect(appDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32', 'C:\\Users\\a')).toBe(
      'C:\\Users\\a\\AppData\\Roaming',
    );
    expect(appDataDir({ XDG_CONFIG_HOME: '/x/cfg' }, 'linux', '/home/a')).toBe('/x/cfg');
    expect(appDataDir({}, 'linux', '/home/a')).toBe('/home/a/.config');
    expect(appDataDir({}, 'darwin', '/Users/a')).toBe('/Users/a/Library/Application Support');
  });

  it('creates the station identity once and provisions config and a 0600 secret', () => {
    const platformDir = path.join(work, 'data', 'platform');
    const stationDir = path.join(work, 'data', 'station');
    const identity = stationIdentity(platformDir);
    expect(stationIdentity(platformDir)).toEqual(identity);
    expect(fs.statSync(path.join(platformDir, 'station-identity.json')).mode & 0o777).toBe(0o600);
    provisionStation(
      stationDir,
      identity,
      'http://127.0.0.1:47101',
      { seed: 'demo', today: '2025-06-30' },
      'F46010800009',
    );
    expect(loadStationConfig(stationDir)).toMatchObject({
      stationId: identity.stationId,
      platformUrl: 'http://127.0.0.1:47101',
      institution: { fixmedins_code: 'F46010800009' },
      treatmentPlace: { mdtrtarea_admvs: '460108' },
      demo: { seed: 'demo', today: '2025-06-30' },
    });
    expect(fs.readFileSync(path.join(stationDir, 'station-secret'), 'utf8')).toBe(identity.secret);
    expect(() =>
      provisionStation(stationDir, identity, 'http://x', { seed: 'd', today: '2025-01-01' }, 'H00000000000'),
    ).toThrow(/unknown demo institution/);
  });

  it("writes the platform's stations file (0600) binding the station to its institution, every start", () => {
    const platformDir = path.join(work, 'stations', 'platform');
    const identity = stationIdentity(platformDir);
    const file = writePlatformStations(platformDir, identity);
    expect(file).toBe(path.join(platformDir, 'stations.json'));
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(readStationsFile(file)).toEqual([
      { id: identity.stationId, secret: identity.secret, fixmedins_code: 'H46010600001' },
    ]);
    writePlatformStations(platformDir, identity, 'F46010800009');
    expect(readStationsFile(file)[0]!.fixmedins_code).toBe('F46010800009');
    expect(() => writePlatformStations(platformDir, identity, 'H00000000000')).toThrow(
      /unknown demo institution/,
    );
  });

  it('does not write a plain secret again once the desktop app has encrypted it', () => {
    const stationDir = path.join(work, 'enc', 'station');
    const identity = stationIdentity(path.join(work, 'enc', 'platform'));
    fs.mkdirSync(stationDir, { recursive: true });
    fs.writeFileSync(path.join(stationDir, 'station-secret.enc'), 'ciphertext');
    provisionStation(stationDir, identity, 'http://127.0.0.1:1', { seed: 'demo', today: '2025-06-30' });
    expect(fs.existsSync(path.join(stationDir, 'station-secret'))).toBe(false);
  });
});
