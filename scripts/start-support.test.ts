// The parts of `npm start` that decide things: is there an Electron binary, where the data goes,
// and how the station is provisioned (once, without undoing safeStorage).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadStationConfig } from '../electron/services/config';
import { findElectron } from './electron-binary';
import { readStationsFile } from '../platform-sim/stations';
import { appDataDir, provisionStation, stationIdentity, writePlatformStations } from './station-files';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'start-support-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function fakeProject(name: string, layout: { pathTxt?: string; binary?: boolean }): string {
  const root = path.join(work, name);
  const pkg = path.join(root, 'node_modules', 'electron');
  fs.mkdirSync(pkg, { recursive: true });
  fs.writeFileSync(path.join(root, 'package.json'), '{"name":"p","type":"module"}');
  fs.writeFileSync(path.join(pkg, 'package.json'), '{"name":"electron","main":"index.js"}');
  fs.writeFileSync(path.join(pkg, 'index.js'), 'throw new Error("Electron failed to install correctly")');
  if (layout.pathTxt) fs.writeFileSync(path.join(pkg, 'path.txt'), layout.pathTxt);
  if (layout.binary) {
    fs.mkdirSync(path.join(pkg, 'dist'), { recursive: true });
    fs.writeFileSync(path.join(pkg, 'dist', layout.pathTxt!), '');
  }
  return root;
}

describe('findElectron', () => {
  it('reports a package whose download never ran', () => {
    const result = findElectron(fakeProject('no-download', {}), { tryDownload: false });
    expect(result).toEqual({
      ok: false,
      reason: 'the electron package has no binary (its download did not run)',
    });
  });
  it('reports a missing binary', () => {
    expect(
      findElectron(fakeProject('missing', { pathTxt: 'electron' }), { tryDownload: false }),
    ).toMatchObject({ ok: false, reason: /missing at/ });
  });
  it('finds an installed binary', () => {
    const root = fakeProject('installed', { pathTxt: 'electron', binary: true });
    expect(findElectron(root, { tryDownload: false })).toEqual({
      ok: true,
      binary: path.join(root, 'node_modules', 'electron', 'dist', 'electron'),
    });
  });
  it('says when the package is absent', () => {
    const root = path.join(work, 'empty');
    fs.mkdirSync(root);
    fs.writeFileSync(path.join(root, 'package.json'), '{}');
    expect(findElectron(root, { tryDownload: true })).toMatchObject({ ok: false, reason: /not installed/ });
  });
});

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
