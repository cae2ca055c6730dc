import { describe, expect, it } from 'vitest';
import { memoryStationDb } from '../../test/support/memory-db';
import { awaitReleases, releaseLater, type OutboxState, type StationDb } from './index';

async function withEntries(db: StationDb, states: Record<string, OutboxState>) {
  for (const [id, state] of Object.entries(states))
    await db.outbox.add({
      local_setl_id: id,
      psn_no: `P-${id}`,
      state,
      attempts: 0,
      enqueued_at: '2026-06-30T02:00:00.000Z',
      last_error: null,
    });
}

const states = async (db: StationDb) =>
  Object.fromEntries((await db.outbox.toArray()).map((e) => [e.local_setl_id, e.state]));

describe('releasing journaled settlements after the commit answered', () => {
  it('turns only the named journaling entries queued, and awaitReleases waits for it', async () => {
    const db = await memoryStationDb();
    await withEntries(db, { A: 'journaling', B: 'journaling', C: 'held', D: 'in_flight' });
    releaseLater(db, ['A', 'C', 'D']);
    await awaitReleases(db);
    expect(await states(db)).toEqual({ A: 'queued', B: 'journaling', C: 'held', D: 'in_flight' });
    db.close();
  });

  it('awaitReleases with nothing pending returns at once, for a database it never saw', async () => {
    const db = await memoryStationDb();
    await expect(awaitReleases(db)).resolves.toBeUndefined();
    db.close();
  });

  it('a release that failed is retried by the next awaitReleases, whose error it is while it keeps failing', async () => {
    const db = await memoryStationDb();
    await withEntries(db, { A: 'journaling' });
    db.close(); // IndexedDB refuses every transaction now
    releaseLater(db, ['A']);
    await expect(awaitReleases(db)).rejects.toThrow();
    await db.open();
    expect(await states(db)).toEqual({ A: 'journaling' });
    await awaitReleases(db);
    expect(await states(db)).toEqual({ A: 'queued' });
    // retried once, then forgotten
    await db.outbox.update(1, { state: 'journaling' });
    await awaitReleases(db);
    expect(await states(db)).toEqual({ A: 'journaling' });
    db.close();
  });
});
