import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRotatingLog, maskIdNumbers } from './index';

describe('maskIdNumbers', () => {
  it.each([
    ['patient 11010519491231002X arrived', 'patient 110105********002X arrived'],
    ['ids 440524188001010014,110101199003076758', 'ids 440524********0014,110101********6758'],
    ['{"certno":"11010519491231002x"}', '{"certno":"110105********002x"}'],
  ])('masks %s', (input, expected) => {
    expect(maskIdNumbers(input)).toBe(expected);
  });

  it.each([
    'card X00000019',
    'msgid H11010100001202506301012000001', // 30 chars: longer digit runs are not ID numbers
    'amount 12345678901234567', // 17 digits
    'order 1234567890123456789', // 19 digits
  ])('leaves %s alone', (input) => {
    expect(maskIdNumbers(input)).toBe(input);
  });
});

describe('createRotatingLog', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  const tmp = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'log-'));
    dirs.push(d);
    return d;
  };

  it('writes JSON lines with ID numbers masked, nested fields included', () => {
    const dir = tmp();
    const log = createRotatingLog({ dir, now: () => new Date('2025-06-30T02:00:00Z') });
    log.write('info', 'read card of 11010519491231002X', {
      person: { certno: '11010519491231002X' },
      err: new Error('boom'),
    });
    const lines = fs
      .readFileSync(log.file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toEqual([
      {
        t: '2025-06-30T02:00:00.000Z',
        level: 'info',
        msg: 'read card of 110105********002X',
        person: { certno: '110105********002X' },
        err: { name: 'Error', message: 'boom' },
      },
    ]);
    expect(fs.readFileSync(log.file, 'utf8')).not.toContain('19491231');
  });

  it('rotates by size and keeps at most maxFiles old files', () => {
    const dir = tmp();
    const log = createRotatingLog({ dir, maxBytes: 300, maxFiles: 2 });
    for (let i = 0; i < 40; i++) log.write('warn', `line ${i} ${'x'.repeat(60)}`);
    const files = fs.readdirSync(dir).sort();
    expect(files).toEqual(['station.log', 'station.log.1', 'station.log.2']);
    for (const f of files) expect(fs.statSync(path.join(dir, f)).size).toBeLessThanOrEqual(300);
    // The newest line is in station.log, the older ones in order behind it.
    expect(fs.readFileSync(log.file, 'utf8')).toContain('line 39 ');
    const older = fs.readFileSync(path.join(dir, 'station.log.1'), 'utf8');
    expect(older).not.toContain('line 39 ');
  });

  it('drops lines below the minimum level', () => {
    const dir = tmp();
    const log = createRotatingLog({ dir });
    log.write('debug', 'noise');
    log.write('error', 'kept');
    expect(fs.readFileSync(log.file, 'utf8')).not.toContain('noise');
    expect(fs.readFileSync(log.file, 'utf8')).toContain('kept');
  });
});
