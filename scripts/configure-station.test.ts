// `npm run station:configure` as an administrator runs it, with hostile arguments: a plain-http
// platform elsewhere, credentials in the URL, a secret "file" that never ends, a weak secret. Each is
// refused with exit code 2 and a message that names the problem and never repeats the secret; a good
// configuration writes config.json and the 0600 secret, and creates the first administrator (PIN from a
// file or drawn and printed once), who can then sign in.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createOperatorsService, readOperatorsFile } from '../electron/services/operators';

const SECRET = 'configure-test-secret-0123456789';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'configure-'));
const secretFile = path.join(work, 'secret.txt');
fs.writeFileSync(secretFile, `${SECRET}\n`, { mode: 0o600 });
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

let n = 0;
function configure(
  overrides: Record<string, string | undefined>,
  input?: string,
  dataDir = path.join(work, `station-${n++}`),
) {
  const args: Record<string, string | undefined> = {
    'admin-id': 'admin01',
    'admin-name': '信息科管理员',
    'station-id': 'ST-0001',
    institution: 'H11010100001',
    'institution-name': '北京示范医院',
    'treatment-place': '110100',
    'platform-url': 'https://platform.example',
    'secret-file': secretFile,
    'data-dir': dataDir,
    ...overrides,
  };
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(import.meta.dirname, 'configure-station.ts'),
      ...Object.entries(args).flatMap(([k, v]) => (v === undefined ? [] : [`--${k}`, v])),
    ],
    { encoding: 'utf8', input, timeout: 30_000 },
  );
  return { status: r.status, out: `${r.stdout}${r.stderr}`, dataDir };
}

describe('station:configure', () => {
  it('writes the configuration and a 0600 secret, and prints no secret', () => {
    const r = configure({});
    expect(r.status, r.out).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(r.dataDir, 'config.json'), 'utf8'))).toMatchObject({
      platformUrl: 'https://platform.example',
    });
    expect(fs.statSync(path.join(r.dataDir, 'station-secret')).mode & 0o777).toBe(0o600);
    expect(r.out).not.toContain(SECRET);
    const loopback = configure({ 'platform-url': 'http://127.0.0.1:8700', 'secret-file': '-' }, SECRET);
    expect(loopback.status, loopback.out).toBe(0);
  });

  it.each([
    [{ 'platform-url': 'http://platform.example' }, /platformUrl.*http:\/\/ only to this machine/],
    [{ 'platform-url': 'http://10.1.2.3:8700' }, /platformUrl.*http:\/\/ only to this machine/],
    [{ 'platform-url': `https://st:${SECRET}@platform.example` }, /platformUrl.*user name or password/],
    [{ 'secret-file': '/dev/zero' }, /larger than 4096 bytes/],
    [{ 'secret-file': path.join(work, 'no-such-file') }, /cannot read the secret file: ENOENT/],
    [{ 'institution-name': '医院\u0007' }, /institution\.fixmedins_name/],
  ])('refuses %j', (overrides, message) => {
    const r = configure(overrides);
    expect(r.status, r.out).toBe(2);
    expect(r.out).toMatch(message);
    expect(r.out).not.toContain(SECRET);
    expect(fs.existsSync(path.join(r.dataDir, 'config.json'))).toBe(false);
  });

  it('creates the first administrator with a PIN printed once, who can sign in', async () => {
    const r = configure({});
    expect(r.status, r.out).toBe(0);
    const pin = /PIN \(shown once, write it down\): (\d{8})/.exec(r.out)?.[1];
    expect(pin).toBeDefined();
    const file = path.join(r.dataDir, 'operators.json');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8')).not.toContain(pin!);
    const ops = createOperatorsService({ dir: r.dataDir });
    await expect(ops.signIn('admin01', pin!)).resolves.toMatchObject({ operator: { role: 'admin' } });
    // Configured again without an administrator: the existing one is kept, nothing else asked.
    const again = configure({ 'admin-id': undefined, 'admin-name': undefined }, undefined, r.dataDir);
    expect(again.status, again.out).toBe(0);
    expect(readOperatorsFile(r.dataDir).accounts.map((a) => a.id)).toEqual(['admin01']);
  });

  it('takes the administrator PIN from a file, never printing it', async () => {
    const pinFile = path.join(work, 'admin-pin');
    fs.writeFileSync(pinFile, '40917326\n', { mode: 0o600 });
    const r = configure({ 'admin-pin-file': pinFile });
    expect(r.status, r.out).toBe(0);
    expect(r.out).not.toContain('40917326');
    await expect(
      createOperatorsService({ dir: r.dataDir }).signIn('admin01', '40917326'),
    ).resolves.toBeDefined();
  });

  it.each([
    [{ 'admin-id': undefined, 'admin-name': undefined }, /no administrator yet/],
    [{ 'admin-id': 'Admin 1' }, /--admin-id/],
    [{ 'admin-name': '' }, /--admin-name/],
    [{ 'admin-pin-file': path.join(work, 'weak-pin') }, /too easy to guess/],
  ])('refuses the administrator %j', (overrides, message) => {
    fs.writeFileSync(path.join(work, 'weak-pin'), '123456\n', { mode: 0o600 });
    const r = configure(overrides);
    expect(r.status, r.out).toBe(2);
    expect(r.out).toMatch(message);
    expect(fs.existsSync(path.join(r.dataDir, 'operators.json'))).toBe(false);
  });

  it('refuses a weak secret without printing it', () => {
    const r = configure({ 'secret-file': '-' }, 'short-secret\n');
    expect(r.status).toBe(2);
    expect(r.out).toMatch(/16 characters/);
    expect(r.out).not.toContain('short-secret');
  });
});
