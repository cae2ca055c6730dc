import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compactKeys,
  COMPACT_KEYS,
  deleteRows,
  getRow,
  getRows,
  keysWithPrefix,
  openStationDb,
  packTable,
  PACK_ROWS,
  putPulled,
  readRows,
  rowStores,
  type CatalogRow,
  type StationDb,
} from './index';

const row = (key: string, name: string): CatalogRow => ({
  key,
  name,
  entry: { name, chrgitm_lv: '01', selfpay_prop: '0', pric_uplmt_amt: null },
});

async function fresh(): Promise<StationDb> {
  return openStationDb({ name: `packs-${Math.random()}`, indexedDB: new IDBFactory(), IDBKeyRange });
}

const pull = (db: StationDb, rows: CatalogRow[], deleted: string[]) =>
  db.transaction('rw', rowStores(db, 'catalog'), () => putPulled(db, 'catalog', rows, deleted));

describe('row packs', () => {
  it('stores a pulled page PACK_ROWS rows to a record and reads every row back by key', async () => {
    const db = await fresh();
    const rows = Array.from({ length: 100 }, (_, i) => row(`C${String(i).padStart(3, '0')}`, `item ${i}`));
    await pull(db, rows, []);
    expect(await packTable(db, 'catalog').count()).toBe(Math.ceil(100 / PACK_ROWS));
    expect(await db.catalog.count()).toBe(0);
    expect(await getRows(db, 'catalog', ['C007', 'C099', 'C100'])).toEqual([rows[7], rows[99], undefined]);
    expect(await keysWithPrefix(db, 'catalog', ['C01'], 3)).toEqual(['C010', 'C011', 'C012']);
    db.close();
  });

  it("a station's own write wins over a pulled row; the next pull of that key wins over it", async () => {
    const db = await fresh();
    await pull(db, [row('K1', 'pulled'), row('K2', 'pulled')], []);
    await db.catalog.put(row('K1', 'local'));
    expect((await getRow(db, 'catalog', 'K1'))?.name).toBe('local');
    await pull(db, [row('K1', 'pulled again')], []);
    expect((await getRow(db, 'catalog', 'K1'))?.name).toBe('pulled again');
    expect(await db.catalog.count()).toBe(0);
    await deleteRows(db, 'catalog', ['K2']);
    expect(await getRow(db, 'catalog', 'K2')).toBeUndefined();
    expect([...(await readRows(db, 'catalog')).keys()]).toEqual(['K1']);
    db.close();
  });

  it('compaction and a refreshed deletion take the older entries out of their packs', async () => {
    const db = await fresh();
    const rows = Array.from({ length: 40 }, (_, i) => row(`K${String(i).padStart(2, '0')}`, 'v1'));
    await pull(db, rows, []);
    await pull(db, [row('K01', 'v2'), row('K02', 'v2')], []);
    await pull(db, [row('K01', 'v3')], ['K03']);
    expect(await packTable(db, 'catalog').where('keys').equals('K01').count()).toBe(3);
    // more keys than one compaction transaction takes, most of them held nowhere
    const many = [...Array.from({ length: COMPACT_KEYS + 10 }, (_, i) => `X${i}`), 'K01', 'K02', 'K03'];
    expect(await compactKeys(db, 'catalog', many)).toMatchObject({ keys: COMPACT_KEYS + 13 });
    await deleteRows(db, 'catalog', ['K04', 'K39']);
    const held = async (k: string) => packTable(db, 'catalog').where('keys').equals(k).count();
    expect([await held('K01'), await held('K02'), await held('K03'), await held('K04')]).toEqual([
      1, 1, 1, 0,
    ]);
    // K39's pack (the first sync's second: K32–K39) was put back with its other 7 rows
    expect(await held('K39')).toBe(0);
    expect((await getRows(db, 'catalog', ['K01', 'K02', 'K03', 'K04', 'K05'])).map((r) => r?.name)).toEqual([
      'v3',
      'v2',
      undefined,
      undefined,
      'v1',
    ]);
    const entries = (await packTable(db, 'catalog').toArray()).flatMap((p) => p.keys);
    expect(entries.length).toBe(40 - 2); // K04 and K39 gone; K03 a deletion entry
    db.close();
  });

  // Every mix of pulls (rows and deletions, a key twice in one page), the station's own writes,
  // refreshed deletions and compactions reads back as a plain map of key → row would.
  it('reads back what a map of the same writes holds (property)', async () => {
    const key = fc.constantFrom('A1', 'A2', 'A3', 'B1', 'B2', 'AB', 'A');
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('pull' as const),
        rows: fc.array(fc.tuple(key, fc.nat(99)), { maxLength: 40 }),
        deleted: fc.array(key, { maxLength: 4 }),
      }),
      fc.record({ kind: fc.constant('local' as const), key, n: fc.nat(99) }),
      fc.record({ kind: fc.constant('gone' as const), keys: fc.array(key, { maxLength: 3 }) }),
      fc.record({ kind: fc.constant('compact' as const), keys: fc.array(key, { maxLength: 7 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 12 }), async (ops) => {
        const db = await fresh();
        const model = new Map<string, string>();
        for (const o of ops) {
          if (o.kind === 'pull') {
            const rows = o.rows.map(([k, n]) => row(k, `p${n}`));
            await pull(db, rows, o.deleted);
            for (const k of o.deleted) model.delete(k);
            for (const r of rows) model.set(r.key, r.name);
          } else if (o.kind === 'local') {
            await db.catalog.put(row(o.key, `l${o.n}`));
            model.set(o.key, `l${o.n}`);
          } else if (o.kind === 'gone') {
            await deleteRows(db, 'catalog', o.keys);
            for (const k of o.keys) model.delete(k);
          } else {
            const { keys } = await compactKeys(db, 'catalog', o.keys);
            expect(keys).toBe(new Set(o.keys).size);
            // each compacted key is left in one pack at most
            for (const k of o.keys)
              expect(await packTable(db, 'catalog').where('keys').equals(k).count()).toBeLessThanOrEqual(1);
          }
        }
        const keys = ['A1', 'A2', 'A3', 'B1', 'B2', 'AB', 'A'];
        expect((await getRows(db, 'catalog', keys)).map((r) => r?.name)).toEqual(
          keys.map((k) => model.get(k)),
        );
        const all = await readRows(db, 'catalog');
        expect(new Map([...all].map(([k, r]) => [k, r.name]))).toEqual(model);
        const sorted = [...model.keys()].sort();
        for (const limit of [1, 2, 10])
          expect(await keysWithPrefix(db, 'catalog', ['A'], limit)).toEqual(
            sorted.filter((k) => k.startsWith('A')).slice(0, limit),
          );
        db.close();
      }),
      { numRuns: 60 },
    );
  });
});
