// Row packs over many sync cycles, against the real platform: an incremental pull takes the older
// entries of the keys it brings out of their packs, so a catalog row the platform changes cycle after
// cycle stays in one pack (a read decodes one record of rows, not one per change) and the pack stores
// hold no more entries than the first sync left, plus what was added.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRow, getRows, packTable, readRows, type StationDb } from '../../renderer/db';
import { pullAll } from '../../renderer/sync';
import { StationDisk, startTestPlatform, type TestPlatform } from './harness';

let tp: TestPlatform;
let db: StationDb;
beforeAll(async () => {
  tp = await startTestPlatform({ seed: 'sync-pack-compaction', catalogSize: 1000 });
  db = await new StationDisk().open();
  await pullAll(db, tp.port(), { pageSize: 97 });
});
afterAll(async () => {
  db?.close();
  await tp?.close();
});

/** Every entry the catalog's packs hold: [key, whether it is a row (false: a deletion)]. */
async function entries(): Promise<[string, boolean][]> {
  const out: [string, boolean][] = [];
  await packTable(db, 'catalog').each((p) => p.keys.forEach((k, i) => out.push([k, p.rows[i] !== null])));
  return out;
}

describe('row packs across sync cycles', () => {
  it('an incremental pull takes the older entries of the keys it brings out of their packs: one pack a key, however often it changes', async () => {
    const stored = [...(await readRows(db, 'catalog')).values()];
    expect(stored.length).toBe(1000);
    const firstEntries = await entries();
    expect(firstEntries.length).toBe(1000);
    const [changing, deleted, untouched] = [stored[10]!, stored[500]!, stored[900]!];
    const packsBefore = await packTable(db, 'catalog').count();

    for (let cycle = 1; cycle <= 6; cycle++) {
      const price = `${cycle}.50`;
      await tp.admin.publishCatalog({
        dataset: 'catalog',
        upserts: [
          { key: changing.key, entry: { ...changing.entry, pric_uplmt_amt: price } },
          // a neighbour in changing's first pack, so that pack keeps entries and is rewritten
          { key: stored[11]!.key, entry: { ...stored[11]!.entry, pric_uplmt_amt: price } },
        ],
        deletes: cycle === 3 ? [deleted.key] : [],
      });
      await pullAll(db, tp.port(), { pageSize: 97 });
      expect((await getRow(db, 'catalog', changing.key))?.entry.pric_uplmt_amt).toBe(price);
      expect(await packTable(db, 'catalog').where('keys').equals(changing.key).count()).toBe(1);
    }

    expect(await getRows(db, 'catalog', [deleted.key, untouched.key])).toEqual([undefined, untouched]);
    // the deletion is one tombstone entry; every other key has exactly one entry, a row
    const after = await entries();
    expect(after.length).toBe(1000);
    expect(new Set(after.map(([k]) => k)).size).toBe(1000);
    expect(after.filter(([, row]) => !row).map(([k]) => k)).toEqual([deleted.key]);
    // the first sync's pack that held the changing keys was rewritten without them, not duplicated
    expect(await packTable(db, 'catalog').count()).toBeLessThanOrEqual(packsBefore + 6);
    // and what the station reads is what the platform holds
    const platformKeys = new Set(stored.map((r) => r.key).filter((k) => k !== deleted.key));
    expect(new Set((await readRows(db, 'catalog')).keys())).toEqual(platformKeys);
  });
});
