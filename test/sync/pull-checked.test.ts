// A sync cycle that finds nothing new commits no checkpoint (seven empty readwrite transactions every
// 20 s queued the counter's reads), yet the times the screens show — the status bar's last pull and
// the person panel's "cache as of" — still move to that cycle: pullAll records them once.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { incompleteDatasets } from '../../renderer/db';
import { cacheAsOf, prepareRows, pullAll, queueStatus } from '../../renderer/sync';
import { applyPages } from '../../renderer/sync/apply-page';
import type { DBCore, DBCoreTable, Middleware } from 'dexie';
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

describe('an idle sync cycle', () => {
  it('reads nothing of the big stores: the counter’s reads do not queue behind it', async () => {
    // Every operation that reaches IndexedDB, by store. A count of the 300,000-row catalog each cycle
    // held the browser's IndexedDB for 100–300 ms, and the card reads waiting behind it were the
    // counter's slowest (docs/sync.md, "Measured a fifth time").
    const seen: string[] = [];
    let recording = false;
    const recorder: Middleware<DBCore> = {
      stack: 'dbcore',
      name: 'record-stores',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          const wrap =
            <A extends unknown[], R>(op: string, f: (...a: A) => Promise<R>) =>
            (...a: A) => {
              if (recording) seen.push(`${name}.${op}`);
              return f(...a);
            };
          return {
            ...table,
            get: wrap('get', table.get),
            getMany: wrap('getMany', table.getMany),
            query: wrap('query', table.query),
            openCursor: wrap('openCursor', table.openCursor),
            count: wrap('count', table.count),
            mutate: wrap('mutate', table.mutate),
          } as DBCoreTable;
        },
      }),
    };
    const db = await new StationDisk().open(recorder);
    await pullAll(db, tp.port());
    recording = true;
    await pullAll(db, tp.port());
    recording = false;
    expect(seen.length).toBeGreaterThan(0);
    const big = ['catalog', 'wi_catalog', 'filings', 'accumulators'];
    expect(seen.filter((s) => big.includes(s.split('.')[0]!))).toEqual([]);
    db.close();
  });
});

describe('what the counter knows of the pull', () => {
  it('a window that sees an incremental pull’s first page (more to come) still knows the dataset is whole', async () => {
    const disk = new StationDisk();
    const first = await disk.open();
    await pullAll(first, tp.port());
    const cp = (await first.checkpoints.get('policies'))!;
    first.close();
    // a new window (its own memory), then a cycle whose first policies page announces more
    const db = await disk.open();
    const page = { rows: [], deleted: [], next_ver: cp.since_ver + 1, more: true, total_rows: 1 };
    await applyPages(
      db,
      'policies',
      [{ page, prepared: prepareRows('policies', page) }],
      new Date().toISOString(),
    );
    const reads = vi.spyOn(db.checkpoints, 'bulkGet');
    expect(await incompleteDatasets(db, ['policies'])).toEqual([]);
    expect(reads).not.toHaveBeenCalled();
    db.close();
  });
});
