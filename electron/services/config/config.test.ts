import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createEncryptedSecretStore,
  createFileSecretStore,
  loadStationConfig,
  migrateSecret,
  MAX_CONFIG_BYTES,
  saveStationConfig,
  StationConfigError,
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
    [{ ...config, stationId: 'ST\u0000' }, 'stationId'],
    [{ ...config, stationId: 'S'.repeat(65) }, 'stationId'],
    [{ ...config, stationId: 42 }, 'stationId'],
    [{ ...config, institution: { fixmedins_code: 'h1', fixmedins_name: 'x' } }, 'institution.fixmedins_code'],
    [
      { ...config, institution: { fixmedins_code: 'H11010100001', fixmedins_name: '医院\u0000' } },
      'institution.fixmedins_name',
    ],
    [
      { ...config, institution: { fixmedins_code: 'H11010100001', fixmedins_name: '医院\n伪造的一行' } },
      'institution.fixmedins_name',
    ],
    [
      { ...config, institution: { fixmedins_code: 'H11010100001', fixmedins_name: 'x'.repeat(201) } },
      'institution.fixmedins_name',
    ],
    [{ ...config, treatmentPlace: { mdtrtarea_admvs: '11' } }, 'treatmentPlace.mdtrtarea_admvs'],
    [{ ...config, operator: { opter: 'c\u007f', opter_name: '收费员' } }, 'operator.opter'],
    [{ ...config, operator: { opter: 'c', opter_name: '收费员', admin: true } }, 'operator'],
    [{ ...config, platformUrl: 'ftp://x' }, 'platformUrl'],
    [{ ...config, platformUrl: 'not a url' }, 'platformUrl'],
    [{ ...config, platformUrl: 'javascript:alert(1)' }, 'platformUrl'],
    [{ ...config, platformUrl: 'file:///etc/passwd' }, 'platformUrl'],
    [{ ...config, platformUrl: `https://platform.example/${'x'.repeat(2100)}` }, 'platformUrl'],
    [{ ...config, secret: SECRET }, '(root)'],
    [JSON.parse(JSON.stringify(config).replace(/^\{/, '{"__proto__":{"polluted":true},')), '(root)'],
    [null, '(root)'],
    [[config], '(root)'],
    ['config', '(root)'],
  ])('names the wrong field %#', (bad, field) => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify(bad));
    expect(() => loadStationConfig(dir)).toThrow(field);
  });

  it.each([
    ['http://platform.example:8700', /http:\/\/ only to this machine/],
    ['http://10.0.0.5:8700', /http:\/\/ only to this machine/],
    ['http://192.168.1.2', /http:\/\/ only to this machine/],
    ['http://127.0.0.1.nip.io', /http:\/\/ only to this machine/],
    ['http://localhost.evil.example', /http:\/\/ only to this machine/],
    ['http://[::ffff:c0a8:102]', /http:\/\/ only to this machine/],
    ['http://0.0.0.0:8700', /http:\/\/ only to this machine/],
    [`https://station:${SECRET}@platform.example`, /user name or password/],
    [`http://station:${SECRET}@127.0.0.1:8700`, /user name or password/],
    ['https://platform.example/?x=1', /query or fragment/],
    ['https://platform.example/#frag', /query or fragment/],
  ])('refuses the platform URL %s without repeating it', (platformUrl, reason) => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ ...config, platformUrl }));
    const err = (() => {
      try {
        loadStationConfig(dir);
      } catch (e) {
        return e as StationConfigError;
      }
      throw new Error('accepted');
    })();
    expect(err).toBeInstanceOf(StationConfigError);
    expect(err.message_en).toMatch(reason);
    expect(err.message_zh).toContain('platformUrl');
    for (const m of [err.message, err.message_zh, err.message_en]) expect(m).not.toContain(SECRET);
    expect(() => saveStationConfig(dir, { ...config, platformUrl })).toThrow();
  });

  it.each([
    'https://platform.example',
    'https://platform.example:8443/national/',
    'http://127.0.0.1:8700',
    'http://127.8.9.10',
    'http://LOCALHOST:8700',
    'http://localhost',
    'http://[::1]:8700',
    'http://0x7f.1:8700', // the URL parser reads it as 127.0.0.1
  ])('accepts the platform URL %s', (platformUrl) => {
    const dir = tmp();
    saveStationConfig(dir, { ...config, platformUrl });
    expect(loadStationConfig(dir).platformUrl).toBe(platformUrl);
  });

  it.each([
    [{ dir: 'relative/bills' }, 'billInbox.dir', /absolute path/],
    [{ dir: '/srv/bills\u0000x' }, 'billInbox.dir', /control/],
    [
      { dir: '/srv/bills', maxBytes: 1024 * 1024 * 1024 },
      'billInbox.maxBytes',
      /less than or equal|too big/i,
    ],
    [{ dir: '/srv/bills', follow: true }, 'billInbox', /unrecognized|unknown/i],
  ])('refuses the bill folder %j, naming the field', (billInbox, field, reason) => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ ...config, billInbox }));
    expect(() => loadStationConfig(dir)).toThrow(
      expect.objectContaining({
        message_zh: expect.stringContaining(field),
        message_en: expect.stringMatching(reason),
      }),
    );
  });

  it('keeps a bill folder', () => {
    const dir = tmp();
    saveStationConfig(dir, { ...config, billInbox: { dir: '/srv/his/bills/counter-3' } });
    expect(loadStationConfig(dir).billInbox).toEqual({ dir: '/srv/his/bills/counter-3' });
  });

  it('refuses a configuration file that is too large without reading it, and one that is not JSON', () => {
    const dir = tmp();
    const file = path.join(dir, 'config.json');
    fs.writeFileSync(file, JSON.stringify({ ...config, padding: ' '.repeat(MAX_CONFIG_BYTES) }));
    expect(() => loadStationConfig(dir)).toThrow(/larger than/);
    for (const text of ['', '{', '\u0000', '{"stationId": "ST-1",}', '\uFEFF' + JSON.stringify(config)]) {
      fs.writeFileSync(file, text);
      expect(() => loadStationConfig(dir)).toThrow(StationConfigError);
    }
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
