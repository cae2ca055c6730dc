// The station registry at the platform's start: the stations file's permissions and contents, the
// --station form for tests, secrets of at least 16 characters, institutions the platform knows — each
// refused with a message naming the problem (and never the secret), by startPlatform and by the CLI.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startPlatform } from './index';
import {
  StationsError,
  checkStations,
  parseStationArg,
  readStationsFile,
  writeStationsFile,
} from './stations';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'platform-stations-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const GOOD = { id: 'ST-01', secret: 'a-secret-of-24-characters', fixmedins_code: 'H46010600001' };

function file(name: string, content: unknown, mode = 0o600): string {
  const f = path.join(work, name);
  fs.writeFileSync(f, typeof content === 'string' ? content : JSON.stringify(content), { mode });
  fs.chmodSync(f, mode);
  return f;
}

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(StationsError);
    return (err as Error).message;
  }
  throw new Error('not refused');
}

describe('stations file', () => {
  it('reads an owner-only file of stations bound to institutions', () => {
    expect(readStationsFile(file('ok.json', [GOOD]))).toEqual([GOOD]);
  });

  it.each([0o644, 0o640, 0o604, 0o620, 0o660])('refuses a file with mode %s (group or others)', (mode) => {
    const f = file(`mode-${mode.toString(8)}.json`, [GOOD], mode);
    expect(refusal(() => readStationsFile(f, 'linux'))).toMatch(/accessible to group or others .*chmod 600/);
  });

  it.each([
    ['a 12-character secret', [{ ...GOOD, secret: 'twelve-chars' }], /\[0\]\.secret: at least 16 characters/],
    [
      'a secret with a space',
      [{ ...GOOD, secret: 'sixteen chars ok!' }],
      /\[0\]\.secret: at least 16 characters, no spaces/,
    ],
    [
      'a duplicate id',
      [GOOD, { ...GOOD, secret: 'another-secret-0123' }],
      /station id ST-01 is registered twice/,
    ],
    ['no institution', [{ id: 'ST-01', secret: GOOD.secret }], /\[0\]\.fixmedins_code/],
    [
      'a short institution code',
      [{ ...GOOD, fixmedins_code: 'H4601' }],
      /fixmedins_code: 12 letters or digits/,
    ],
    ['a bad station id', [{ ...GOOD, id: 'ST 01' }], /\[0\]\.id: 1–64 letters/],
    ['an unknown field', [{ ...GOOD, admin: true }], /\[0\]/],
    ['an empty list', [], /no station is registered/],
    ['an object', { stations: [GOOD] }, /must hold a JSON array/],
    ['not JSON', '[{"id":', /is not JSON/],
  ])('refuses %s, naming it and not echoing the secret', (_name, content, message) => {
    const f = file(`bad-${Math.random().toString(36).slice(2)}.json`, content);
    const msg = refusal(() => readStationsFile(f, 'linux'));
    expect(msg).toMatch(message);
    expect(msg).toContain(f);
    expect(msg).not.toContain('twelve-chars');
    expect(msg).not.toContain(GOOD.secret);
  });

  it('says when the file is missing', () => {
    expect(refusal(() => readStationsFile(path.join(work, 'absent.json')))).toMatch(/ENOENT/);
  });

  it('writes a file only its owner can read, replacing a looser one', () => {
    const f = file('written.json', '[]', 0o644);
    writeStationsFile(f, [GOOD]);
    expect(fs.statSync(f).mode & 0o777).toBe(0o600);
    expect(readStationsFile(f)).toEqual([GOOD]);
  });
});

describe('--station ID:SECRET:CODE and startPlatform', () => {
  it('splits at the first and the last colon, so a secret may hold colons', () => {
    expect(parseStationArg('ST:se:cr:et-0123456789:H46010600001')).toEqual({
      id: 'ST',
      secret: 'se:cr:et-0123456789',
      fixmedins_code: 'H46010600001',
    });
    expect(refusal(() => parseStationArg('ST:secret-0123456789'))).toMatch(/ID:SECRET:CODE/);
  });

  it('refuses a short secret and duplicate ids in options too', async () => {
    expect(refusal(() => checkStations([{ ...GOOD, secret: 'short' }]))).toMatch(/at least 16/);
    await expect(
      startPlatform({ seed: 's', stations: [{ ...GOOD, secret: '12-character' }] }),
    ).rejects.toThrow(/at least 16 characters/);
    await expect(startPlatform({ seed: 's', stations: [GOOD, GOOD] })).rejects.toThrow(/registered twice/);
  });

  it('refuses a station bound to an institution the platform does not know', async () => {
    await expect(
      startPlatform({
        seed: 's',
        catalogSize: 20,
        peopleCount: 20,
        stations: [{ ...GOOD, fixmedins_code: 'H99999900001' }],
      }),
    ).rejects.toThrow(
      /station ST-01 is registered for institution H99999900001, which the platform does not know/,
    );
  });
});

function runCli(args: string[]): Promise<{ code: number | null; out: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'platform-sim/cli.ts', '--seed', 'cli', '--memory', '--port', '0', ...args],
    {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout.on('data', (b: Buffer) => {
    out += b.toString();
    if (out.includes('platform listening on')) child.kill('SIGTERM');
  });
  child.stderr.on('data', (b: Buffer) => (out += b.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out })));
}

describe('the platform CLI', () => {
  it('refuses a stations file readable by others, with exit 2 and the reason', async () => {
    const f = file('cli-open.json', [GOOD], 0o644);
    const r = await runCli(['--stations-file', f]);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/accessible to group or others .*chmod 600/);
  }, 60_000);

  it('refuses a 12-character secret given with --station', async () => {
    const r = await runCli(['--station', 'ST-01:twelve-chars:H46010600001']);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/stations\[0\]\.secret: at least 16 characters/);
    expect(r.out).not.toContain('twelve-chars');
  }, 60_000);

  it('starts from an owner-only stations file', async () => {
    const r = await runCli([
      '--stations-file',
      file('cli-ok.json', [GOOD]),
      '--catalog-size',
      '20',
      '--people',
      '20',
    ]);
    expect(r.out).toContain('platform listening on http://127.0.0.1:');
    expect(r.code).toBe(0);
  }, 60_000);
});
