import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRotatingLog } from './index';

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

  // The masking itself is shared/logging's (its table tests); here: every way into a station log line.
  it.each([
    ['an ID number right after a letter', 'ID11010519491231002X', {}, ['19491231']],
    ['a 15-digit ID number', 'old card 110105491231002', {}, ['110105491231002']],
    [
      'a name, a card number and an ID under their field names',
      'card read',
      {
        read: { name: '欧阳娜娜', cardNo: 'X00000019', ssn: '11010519491231002X' },
      },
      ['欧阳娜娜', 'X00000019', '19491231'],
    ],
    [
      'secrets under their field names',
      'signed',
      {
        secret: 'station-secret-0123456789',
        headers: { 'x-signature': 'f00dfeedf00dfeed' },
        token: 'A'.repeat(43),
      },
      ['station-secret-0123456789', 'f00dfeedf00dfeed', 'A'.repeat(43)],
    ],
    [
      'a query string in the message',
      'GET /callService?psn_name=张三&certno=110105491231002',
      {},
      ['张三', '110105491231002'],
    ],
  ] as const)('masks %s', (_what, message, fields, hidden) => {
    const log = createRotatingLog({ dir: tmp() });
    log.write('warn', message, fields as Record<string, unknown>);
    const text = fs.readFileSync(log.file, 'utf8');
    for (const h of hidden) expect(text).not.toContain(h);
  });

  it('keeps its own time, level and message when a caller passes fields of those names', () => {
    const log = createRotatingLog({ dir: tmp(), now: () => new Date('2025-06-30T02:00:00Z') });
    log.write('info', 'real', { t: 'forged', level: 'error', msg: 'forged', extra: 1 });
    expect(JSON.parse(fs.readFileSync(log.file, 'utf8'))).toEqual({
      t: '2025-06-30T02:00:00.000Z',
      level: 'info',
      msg: 'real',
      extra: 1,
    });
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
