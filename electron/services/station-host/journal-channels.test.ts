// The journal's StationApi channels through the host's dispatch: entries are validated where they
// enter, a full disk comes back as JOURNAL_UNWRITABLE (the renderer then refuses to settle), and a
// host without a journal refuses with JOURNAL_UNAVAILABLE.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRotatingLog } from '../logging';
import { openJournal } from '../journal';
import { bareStationHost } from '../../../test/support/bare-host';
import type { StationHostDeps } from './index';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'host-journal-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
const log = createRotatingLog({ dir: path.join(work, 'logs') });

function host(journal: StationHostDeps['journal']) {
  return bareStationHost({ journal, log });
}
const outcome = (id: string) => ({
  kind: 'outcome',
  id,
  at: '2026-12-03T10:00:00.000Z',
  body: { outcome: 'confirmed', setl_id: `S-${id}` },
});

describe('journal channels', () => {
  it('appends, lists and returns entries', async () => {
    const h = host(openJournal({ dir: path.join(work, 'j1') }));
    await expect(h.dispatch('journal.append', { entries: [outcome('A'), outcome('B')] })).resolves.toEqual({
      ok: true,
      output: { lastSeq: 2 },
    });
    const index = await h.dispatch('journal.index', {});
    expect(index).toMatchObject({
      ok: true,
      output: {
        rows: [
          { id: 'A', seq: 1 },
          { id: 'B', seq: 2 },
        ],
      },
    });
    await expect(h.dispatch('journal.get', { ids: ['B'] })).resolves.toMatchObject({
      ok: true,
      output: { entries: [outcome('B')] },
    });
  });

  it('refuses a malformed entry where it enters, naming the field, and writes nothing', async () => {
    // the channel's schema is the journal's only check (journal.ts does not parse the entries again)
    const journal = openJournal({ dir: path.join(work, 'j2') });
    const h = host(journal);
    const bad = { ...outcome('A'), body: { outcome: 'maybe', setl_id: null } };
    await expect(h.dispatch('journal.append', { entries: [outcome('B'), bad] })).resolves.toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', path: expect.stringContaining('entries.1.body.outcome') },
    });
    await expect(
      h.dispatch('journal.append', { entries: [{ ...outcome('C'), id: 'has space' }] }),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', path: expect.stringContaining('id') },
    });
    expect(journal.index()).toEqual([]);
    expect(fs.statSync(journal.file).size).toBe(0);
  });

  it('withdraws a settlement line through the channel, and refuses a malformed withdrawal', async () => {
    const h = host(openJournal({ dir: path.join(work, 'j4') }));
    await h.dispatch('journal.append', { entries: [outcome('A')] });
    const at = '2026-12-03T10:01:00.000Z';
    // not a settlement line at the end: the withdrawal is recorded as a line of its own
    await expect(h.dispatch('journal.withdraw', { id: 'A', at, reason: 'QUOTA_EXCEEDED' })).resolves.toEqual({
      ok: true,
      output: { cut: false },
    });
    await expect(h.dispatch('journal.index', {})).resolves.toMatchObject({
      output: { rows: [{ kind: 'outcome' }, { kind: 'withdrawn', id: 'A', seq: 2 }] },
    });
    for (const [bad, field] of [
      [{ id: 'A/../B', at, reason: 'X' }, 'id'],
      [{ id: 'A', at: 'yesterday', reason: 'X' }, 'at'],
      [{ id: 'A', at, reason: '' }, 'reason'],
      [{ id: 'A', at, reason: 'X'.repeat(61) }, 'reason'],
      [{ id: 'A', at, reason: 'X', extra: 1 }, ''],
    ] as const)
      await expect(h.dispatch('journal.withdraw', bad)).resolves.toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', path: expect.stringContaining(field) },
      });
  });

  it('passes a full disk on as JOURNAL_UNWRITABLE with the words for the cashier', async () => {
    const h = host(
      openJournal({
        dir: path.join(work, 'j3'),
        io: {
          write: async () => {
            throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
          },
        },
      }),
    );
    const answer = await h.dispatch('journal.append', { entries: [outcome('A')] });
    expect(answer).toMatchObject({ ok: false, error: { code: 'JOURNAL_UNWRITABLE' } });
    expect(JSON.stringify(answer)).toContain('磁盘已满');
    await expect(h.dispatch('journal.status', {})).resolves.toMatchObject({
      ok: true,
      output: { writable: false, lastError: { code: 'ENOSPC' } },
    });
  });

  it('without a journal, refuses with JOURNAL_UNAVAILABLE', async () => {
    await expect(host(null).dispatch('journal.append', { entries: [outcome('A')] })).resolves.toMatchObject({
      ok: false,
      error: { code: 'JOURNAL_UNAVAILABLE' },
    });
  });
});
