import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createEncryptedSecretStore,
  createFileSecretStore,
  loadStationConfig,
  migrateSecret,
  saveStationConfig,
  stationConfigView,
  type StationConfig,
} from './index';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'cfg-'));
  dirs.push(d);
  return d;
};

const config: StationConfig = {
  stationId: 'ST-0001',
  institution: { fixmedins_code: 'H11010100001', fixmedins_name: '北京示范医院' },
  treatmentPlace: { mdtrtarea_admvs: '110100' },
  platformUrl: 'http://127.0.0.1:8700',
};
const SECRET = 's3cr3t-abcdefghijklmnop';
// A reversible stand-in for safeStorage with the same surface (encryptString/decryptString).
const xorCipher = {
  encryptString: (s: string) => Buffer.from(Buffer.from(s, 'utf8').map((b) => b ^ 0x5a)),
  decryptString: (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a)).toString('utf8'),
};

describe('station config', () => {
  it('round-trips and never shows the secret in the page view', () => {
    const dir = tmp();
    saveStationConfig(dir, config);
    expect(loadStationConfig(dir)).toEqual(config);
    const secrets = createFileSecretStore(dir);
    secrets.write(SECRET);
    const view = stationConfigView(loadStationConfig(dir), secrets);
    expect(JSON.stringify(view)).not.toContain(SECRET);
    expect(view.secretStorage).toBe('file');
  });

  it.each([
    [{ ...config, stationId: 'has space' }, 'stationId'],
    [{ ...config, institution: { fixmedins_code: 'h1', fixmedins_name: 'x' } }, 'institution.fixmedins_code'],
    [{ ...config, treatmentPlace: { mdtrtarea_admvs: '11' } }, 'treatmentPlace.mdtrtarea_admvs'],
    [{ ...config, platformUrl: 'ftp://x' }, 'platformUrl'],
    [{ ...config, secret: SECRET }, '(root)'],
  ])('names the wrong field %#', (bad, field) => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify(bad));
    expect(() => loadStationConfig(dir)).toThrow(field);
  });

  it('says plainly when there is no configuration', () => {
    expect(() => loadStationConfig(tmp())).toThrow(/not configured/);
  });
});

describe('secret stores', () => {
  it('keeps the file secret readable only by the user', () => {
    const dir = tmp();
    const store = createFileSecretStore(dir);
    expect(store.read()).toBeNull();
    store.write(SECRET);
    const file = path.join(dir, 'station-secret');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    fs.chmodSync(file, 0o644);
    expect(store.read()).toBe(SECRET);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses a weak secret', () => {
    expect(() => createFileSecretStore(tmp()).write('short')).toThrow(/16 characters/);
  });

  it('encrypts with the given cipher and migrates the plain file away', () => {
    const dir = tmp();
    const plain = createFileSecretStore(dir);
    plain.write(SECRET);
    const encrypted = createEncryptedSecretStore(dir, xorCipher);
    expect(migrateSecret(plain, encrypted)).toBe(true);
    expect(plain.read()).toBeNull();
    expect(encrypted.read()).toBe(SECRET);
    expect(fs.readFileSync(path.join(dir, 'station-secret.enc')).toString('utf8')).not.toContain(SECRET);
    expect(migrateSecret(plain, encrypted)).toBe(false);
  });
});
