// Dataset versions and deltas on a real (in-memory PGlite) database: exact paging by version,
// tombstones, and total_rows staying exact across pages when the dataset changes between them.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database';
import { openDatabase } from './database';
import { currentVersion, deleteRows, readDelta, upsertRows } from './datasets';
import { migrate } from './migrations';

let db: Database;

const rows = (from: number, to: number, tag = 'a') =>
  Array.from({ length: to - from }, (_, i) => ({
    key: `K${String(from + i).padStart(4, '0')}`,
    ref: null,
    row: { key: `K${from + i}`, tag },
  }));

async function trueCount(since: number): Promise<number> {
  const [{ n }] = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM dataset_rows WHERE dataset = 'catalog' AND ver > $1",
    [since],
  );
  return n;
}

beforeAll(async () => {
  db = await openDatabase({});
  await migrate(db);
  expect(await migrate(db)).toEqual([]);
});
afterAll(async () => db?.close());

describe('dataset deltas', () => {
  it('pages by version with an exact count of what is left, even when rows change between pages', async () => {
    await db.transaction((tx) => upsertRows(tx, 'catalog', rows(0, 250)));
    const p1 = await readDelta(db, 'catalog', 0, 100);
    expect([p1.rowsJson.length, p1.more, p1.total_rows]).toEqual([100, true, 250]);
    const p2 = await readDelta(db, 'catalog', p1.next_ver, 100);
    expect(p2.total_rows).toBe(150);
    // Between pages: an already delivered row changes, a pending one is deleted, one is added.
    await db.transaction(async (tx) => {
      await upsertRows(tx, 'catalog', [...rows(5, 6, 'b'), ...rows(300, 301)]);
      await deleteRows(tx, 'catalog', ['K0220']);
    });
    const p3 = await readDelta(db, 'catalog', p2.next_ver, 100);
    expect(p3.total_rows).toBe(await trueCount(p2.next_ver));
    let since = p3.next_ver;
    let left = p3.total_rows - p3.rowsJson.length - p3.deleted.length;
    const seen = [...p3.rowsJson];
    const deleted = [...p3.deleted];
    for (let more = p3.more; more;) {
      const p = await readDelta(db, 'catalog', since, 100);
      expect(p.total_rows).toBe(left);
      left -= p.rowsJson.length + p.deleted.length;
      seen.push(...p.rowsJson);
      deleted.push(...p.deleted);
      since = p.next_ver;
      more = p.more;
    }
    expect(left).toBe(0);
    expect(deleted).toEqual(['K0220']);
    expect(seen.some((r) => r.includes('"tag":"b"'))).toBe(true);
    expect(since).toBe(await currentVersion(db));
    const empty = await readDelta(db, 'catalog', since, 100);
    expect([
      empty.rowsJson.length,
      empty.deleted.length,
      empty.more,
      empty.total_rows,
      empty.next_ver,
    ]).toEqual([0, 0, false, 0, since]);
  });

  it('gives every row change its own version, and a deleted row comes back when upserted again', async () => {
    const before = await currentVersion(db);
    await db.transaction((tx) => upsertRows(tx, 'catalog', rows(400, 403)));
    expect(await currentVersion(db)).toBe(before + 3);
    expect(await db.transaction((tx) => deleteRows(tx, 'catalog', ['K0400', 'NOPE']))).toEqual(['K0400']);
    expect(await db.transaction((tx) => deleteRows(tx, 'catalog', ['K0400']))).toEqual([]);
    await db.transaction((tx) => upsertRows(tx, 'catalog', rows(400, 401, 'back')));
    const delta = await readDelta(db, 'catalog', before + 3, 100);
    expect(delta.deleted).toEqual([]);
    expect(delta.rowsJson).toHaveLength(1);
    expect(delta.rowsJson[0]).toContain('back');
  });
});
