import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { settle, parseSettleRequest } from '../../../shared/settlement';
import type { JournalEntry } from '../../../shared/station-api/journal';
import { JournalError, openJournal, JOURNAL_FILE, scanJournal, type Journal } from './index';

const dirs: string[] = [];
const open: Journal[] = [];
afterEach(async () => {
  for (const j of open.splice(0)) await j.close().catch(() => undefined);
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function tmp(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'journal-'));
  dirs.push(d);
  return d;
}
function track(j: Journal): Journal {
  open.push(j);
  return j;
}

const request = parseSettleRequest(
  JSON.parse(
    fs.readFileSync(
      new URL('../../../shared/settlement/fixtures/01-worked-example.request.json', import.meta.url),
      'utf8',
    ),
  ),
);
const result = settle(request);

function settlementEntry(id: string, at = '2026-12-03T10:00:00.000Z'): JournalEntry {
  return {
    kind: 'settlement',
    id,
    at,
    body: {
      local_setl_id: id,
      station_id: 'ST01',
      opter: 'cashier01',
      settled_at: '2026-12-03T18:00:00+08:00',
      mdtrt_id: `ZY-${id}`,
      request,
      result,
      data_versions: { filings: 3 },
    },
  } as JournalEntry;
}
const outcome = (id: string, o: 'confirmed' | 'rejected' | 'cancelled', at = '2026-12-03T10:05:00.000Z') =>
  ({
    kind: 'outcome',
    id,
    at,
    body: { outcome: o, setl_id: o === 'rejected' ? null : `S${id}` },
  }) as JournalEntry;

describe('journal', () => {
  it('keeps every appended entry across a reopen, in order, with stable sequence numbers', async () => {
    const dir = tmp();
    const j = track(openJournal({ dir }));
    await j.append([settlementEntry('A1'), settlementEntry('A2')]);
    await j.append([outcome('A1', 'confirmed')]);
    await j.close();
    open.pop();
    const again = track(openJournal({ dir }));
    expect(again.index().map((r) => [r.seq, r.kind, r.id, r.outcome])).toEqual([
      [1, 'settlement', 'A1', undefined],
      [2, 'settlement', 'A2', undefined],
      [3, 'outcome', 'A1', 'confirmed'],
    ]);
    const got = await again.get(['A1']);
    expect(got.map((e) => e.kind)).toEqual(['settlement', 'outcome']);
    expect(got[0]).toEqual(settlementEntry('A1'));
    expect(fs.statSync(again.file).mode & 0o077).toBe(0);
  });

  it.each([
    ['cut mid-line', (b: Buffer) => b.subarray(0, b.length - 40)],
    ['cut before the newline', (b: Buffer) => b.subarray(0, b.length - 1)],
    ['zero-filled tail', (b: Buffer) => Buffer.concat([b.subarray(0, b.length - 300), Buffer.alloc(300)])],
  ])('detects a torn last line (%s), keeps the lines before it and appends after them', async (_n, tear) => {
    const dir = tmp();
    const j = track(openJournal({ dir }));
    await j.append([settlementEntry('T1')]);
    await j.append([settlementEntry('T2')]);
    await j.close();
    open.pop();
    const file = path.join(dir, JOURNAL_FILE);
    fs.writeFileSync(file, tear(fs.readFileSync(file)));
    const again = track(openJournal({ dir }));
    expect(again.index().map((r) => r.id)).toEqual(['T1']);
    expect(again.status().tornBytesDropped).toBeGreaterThan(0);
    await again.append([settlementEntry('T3')]);
    expect(scanJournal(fs.readFileSync(file)).tornBytes).toBe(0);
    expect(again.index().map((r) => [r.seq, r.id])).toEqual([
      [1, 'T1'],
      [2, 'T3'],
    ]);
  });

  it('reports a damaged line in the middle and still reads the lines after it', async () => {
    const dir = tmp();
    const j = track(openJournal({ dir }));
    await j.append([settlementEntry('M1'), settlementEntry('M2'), settlementEntry('M3')]);
    await j.close();
    open.pop();
    const file = path.join(dir, JOURNAL_FILE);
    const text = fs.readFileSync(file, 'utf8').split('\n');
    text[1] = text[1]!.replace('cashier01', 'cashier99'); // altered: the checksum no longer matches
    fs.writeFileSync(file, text.join('\n'));
    const again = track(openJournal({ dir }));
    expect(again.index().map((r) => r.id)).toEqual(['M1', 'M3']);
    expect(again.status().corruptLines).toBe(1);
  });

  it('on a full disk refuses the append, leaves the file as it was, and says so in its status', async () => {
    const dir = tmp();
    let full = false;
    const j = track(
      openJournal({
        dir,
        now: () => new Date('2026-12-03T10:00:00Z'),
        io: {
          async write(fd, data, position) {
            if (!full) return fs.writeSync(fd, data, 0, data.length, position);
            fs.writeSync(fd, data, 0, Math.floor(data.length / 2), position); // a partial write, then ENOSPC
            throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
          },
        },
      }),
    );
    await j.append([settlementEntry('D1')]);
    const before = fs.readFileSync(j.file);
    full = true;
    const err = await j.append([settlementEntry('D2')]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JournalError);
    expect((err as JournalError).code).toBe('JOURNAL_UNWRITABLE');
    expect((err as JournalError).message_zh).toContain('磁盘已满');
    expect(fs.readFileSync(j.file)).toEqual(before);
    expect(j.status()).toMatchObject({ writable: false, lastError: { code: 'ENOSPC' } });
    full = false;
    await j.append([settlementEntry('D3')]);
    expect(j.status().writable).toBe(true);
    expect(j.index().map((r) => [r.seq, r.id])).toEqual([
      [1, 'D1'],
      [2, 'D3'],
    ]);
  });

  it('withdraws a failed commit: cut off while it is the last line, else a withdrawn line after it', async () => {
    const dir = tmp();
    const j = track(openJournal({ dir }));
    await j.append([settlementEntry('W1')]);
    const before = fs.readFileSync(j.file);
    await j.append([settlementEntry('W2')]);
    const at = '2026-12-03T10:01:00.000Z';
    // the last line: cut off, the file is byte for byte what it was, and the next line follows on
    await expect(j.withdraw({ id: 'W2', at, reason: 'QUOTA_EXCEEDED' })).resolves.toEqual({ cut: true });
    expect(fs.readFileSync(j.file)).toEqual(before);
    expect(j.index().map((r) => r.id)).toEqual(['W1']);
    // another line came after it (an answer appended meanwhile): a withdrawn line instead
    await j.append([settlementEntry('W3')]);
    await j.append([outcome('W1', 'confirmed')]);
    await expect(j.withdraw({ id: 'W3', at, reason: 'QUOTA_EXCEEDED' })).resolves.toEqual({ cut: false });
    const index = j.index().map((r) => [r.seq, r.kind, r.id]);
    expect(index).toEqual([
      [1, 'settlement', 'W1'],
      [2, 'settlement', 'W3'],
      [3, 'outcome', 'W1'],
      [4, 'withdrawn', 'W3'],
    ]);
    await j.close();
    open.pop();
    const reopened = track(openJournal({ dir }));
    expect(reopened.index().map((r) => [r.seq, r.kind, r.id])).toEqual(index);
    expect((await reopened.get(['W3'])).at(-1)).toMatchObject({ body: { reason: 'QUOTA_EXCEEDED' } });
  });

  // Linux shows each open file's flags in /proc: the journal's own file is written O_DSYNC (a write
  // returns once its data is on disk), also after a rotation reopened it.
  it.runIf(process.platform === 'linux')(
    'writes its file O_DSYNC: a line is on disk when its write returns',
    async () => {
      const dir = tmp();
      const j = track(openJournal({ dir, retentionDays: 90 }));
      const flagsOfJournal = () => {
        const file = path.join(dir, JOURNAL_FILE);
        const fds = fs.readdirSync('/proc/self/fd').filter((fd) => {
          try {
            return fs.readlinkSync(`/proc/self/fd/${fd}`) === file;
          } catch {
            return false; // closed meanwhile (the readdir's own descriptor)
          }
        });
        return fds.map((fd) => {
          const flags = /^flags:\s+([0-7]+)$/m.exec(fs.readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'))![1]!;
          return (parseInt(flags, 8) & fs.constants.O_DSYNC) !== 0;
        });
      };
      await j.append([settlementEntry('A')]);
      expect(flagsOfJournal()).toEqual([true]);
      await j.rotate();
      expect(flagsOfJournal()).toEqual([true]);
    },
  );

  it('serialises concurrent appends: file order equals sequence order, no line interleaved', async () => {
    const dir = tmp();
    const j = track(openJournal({ dir }));
    await Promise.all(Array.from({ length: 40 }, (_, i) => j.append([settlementEntry(`C${i}`)])));
    const scan = scanJournal(fs.readFileSync(j.file));
    expect(scan.lines).toHaveLength(40);
    expect(scan.corrupt).toEqual([]);
    const seqs = scan.lines.map((l) => (l.value as { seq: number }).seq);
    expect(seqs).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('after any cut of the file, reopening yields exactly the whole lines before the cut', async () => {
    const dir = tmp();
    const j = track(openJournal({ dir }));
    const ids = Array.from({ length: 6 }, (_, i) => `P${i}`);
    for (const id of ids) await j.append([outcome(id, 'confirmed')]);
    await j.close();
    open.pop();
    const file = path.join(dir, JOURNAL_FILE);
    const full = fs.readFileSync(file);
    const ends = scanJournal(full).lines.map((l) => l.offset + l.length);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: full.length }), (cut) => {
        fs.writeFileSync(file, full.subarray(0, cut));
        const reopened = openJournal({ dir });
        try {
          const whole = ends.filter((e) => e <= cut).length;
          expect(reopened.index().map((r) => r.id)).toEqual(ids.slice(0, whole));
          expect(fs.statSync(file).size).toBe(whole === 0 ? 0 : ends[whole - 1]);
        } finally {
          void reopened.close();
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('journal rotation', () => {
  const day = (d: string) => `${d}T08:00:00.000Z`;

  it('drops only confirmed or cancelled settlements older than the retention, never the last line', async () => {
    const dir = tmp();
    const j = track(openJournal({ dir, now: () => new Date('2026-12-03T08:00:00Z'), retentionDays: 30 }));
    expect(j.status().retentionDays).toBe(90); // at least 90 days, whatever is configured
    await j.append([
      settlementEntry('OLD_OK', day('2026-08-01')),
      outcome('OLD_OK', 'confirmed', day('2026-08-01')),
      settlementEntry('OLD_PENDING', day('2026-08-01')),
      settlementEntry('OLD_REJECTED', day('2026-08-02')),
      outcome('OLD_REJECTED', 'rejected', day('2026-08-02')),
      settlementEntry('OLD_CANCEL_WAITING', day('2026-08-03')),
      outcome('OLD_CANCEL_WAITING', 'confirmed', day('2026-08-03')),
      { kind: 'cancel', id: 'OLD_CANCEL_WAITING', at: day('2026-08-04'), body: { reason: 'wrong bill' } },
      settlementEntry('OLD_CANCELLED', day('2026-08-05')),
      outcome('OLD_CANCELLED', 'cancelled', day('2026-08-06')),
      settlementEntry('OLD_WITHDRAWN', day('2026-08-07')),
      { kind: 'withdrawn', id: 'OLD_WITHDRAWN', at: day('2026-08-07'), body: { reason: 'QUOTA_EXCEEDED' } },
      settlementEntry('NEW_OK', day('2026-11-30')),
      outcome('NEW_OK', 'confirmed', day('2026-11-30')),
    ]);
    const { removedIds } = await j.rotate();
    expect(removedIds).toBe(3); // a withdrawn settlement never existed: it goes once old
    expect([...new Set(j.index().map((r) => r.id))]).toEqual([
      'OLD_PENDING',
      'OLD_REJECTED',
      'OLD_CANCEL_WAITING',
      'NEW_OK',
    ]);
    await j.append([settlementEntry('AFTER')]);
    expect(j.index().at(-1)).toMatchObject({ seq: 15, id: 'AFTER' });
  });
});
