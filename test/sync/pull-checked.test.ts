// A sync cycle that finds nothing new commits no checkpoint (seven empty readwrite transactions every
// 20 s queued the counter's reads), yet the times the screens show — the status bar's last pull and
// the person panel's "cache as of" — still move to that cycle: pullAll records them once.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cacheAsOf, pullAll, queueStatus } from '../../renderer/sync';
import { StationDisk, startTestPlatform, type TestPlatform } from './harness';

let tp: TestPlatform;
beforeAll(async () => {
  tp = await startTestPlatform({ seed: 'sync-pull-checked' });
});
afterAll(async () => tp?.close());

describe('a pull that finds nothing new', () => {
  it('writes no checkpoint, and the last pull and the cache’s age still move to it', async () => {
    const db = await new StationDisk().open();
    const first = new Date('2026-12-03T08:00:00.000Z');
    await pullAll(db, tp.port(), { now: () => first });
    const before = await db.checkpoints.toArray();
    expect(before.every((c) => c.completed_at === first.toISOString())).toBe(true);
    expect((await queueStatus(db)).last_pull_at).toBe(first.toISOString());

    const later = new Date('2026-12-03T08:20:00.000Z');
    const commits = vi.spyOn(db.checkpoints, 'put');
    await pullAll(db, tp.port(), { now: () => later });
    expect(commits).not.toHaveBeenCalled();
    expect(await db.checkpoints.toArray()).toEqual(before);
    expect((await queueStatus(db)).last_pull_at).toBe(later.toISOString());
    expect(await cacheAsOf(db)).toBe(later.toISOString());
    db.close();
  });
});
