// Catalog search over segments written by the page path (validatePage → prepareRows → applyPage):
// renamed and deleted rows, compaction, a second window, and a property test against brute force.
import { IDBFactory, memoryStationDb } from '../../test/support/memory-db';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  compactSegments,
  findFilings,
  normalizeSearchText,
  pinyinInitials,
  searchCatalog,
  searchWiCatalog,
  type StationDb,
} from '../db';
import { applyPulledPage, catalogRow as cat } from '../../test/support/pulled-pages';
import { pullDataset } from './pull';
import type { PlatformPort } from './platform-port';
import { readRows } from '../db';

const page = (db: StationDb, rows: ReturnType<typeof cat>[], deleted: string[] = []) =>
  applyPulledPage(db, 'catalog', rows, deleted);
const fresh = (indexedDB = new IDBFactory()) =>
  memoryStationDb('station', indexedDB).then((db) => ({ db, indexedDB }));
const keys = async (db: StationDb, q: string, limit = 1000) =>
  (await searchCatalog(db, q, { limit })).map((r) => r.key).sort();

describe('catalog search over pulled pages', () => {
  it('finds a renamed row only by its new name and a deleted row not at all, until it comes back', async () => {
    const { db } = await fresh();
    await page(db, [cat('A1', '阿莫西林胶囊'), cat('A2', '阿托伐他汀钙片'), cat('A3', '头孢呋辛酯片')]);
    expect(await keys(db, '阿莫')).toEqual(['A1']);
    expect(await keys(db, 'amxl')).toEqual(['A1']);
    await page(db, [cat('A1', '布洛芬缓释胶囊')], ['A2']);
    expect(await keys(db, '阿莫')).toEqual([]);
    expect(await keys(db, 'amxl')).toEqual([]);
    expect(await keys(db, '缓释')).toEqual(['A1']);
    expect(await keys(db, 'blf')).toEqual(['A1']);
    expect(await keys(db, '他汀')).toEqual([]);
    expect(await keys(db, '胶囊')).toEqual(['A1']); // once, though two segments hold a 胶囊 name for it
    await page(db, [cat('A2', '阿托伐他汀钙片')]);
    expect(await keys(db, '他汀')).toEqual(['A2']);
    db.close();
  });

  it('puts names that start with the query before names that contain it, and codes first', async () => {
    const { db } = await fresh();
    await page(db, [cat('B1', '复方西林片'), cat('B2', '西林胶囊'), cat('XL01', '氯化钠注射液')]);
    await page(db, [cat('B3', '西林'), cat('B4', '西林片（25mg）')]);
    expect((await searchCatalog(db, '西林')).map((r) => r.key)).toEqual(['B3', 'B4', 'B2', 'B1']);
    expect((await searchCatalog(db, 'xl')).map((r) => r.key)).toEqual(['XL01', 'B3', 'B4', 'B2', 'B1']);
    expect((await searchCatalog(db, 'xlp')).map((r) => r.key)).toEqual(['B4', 'B1']);
    db.close();
  });

  it('searches the work-injury catalog apart from the medical one', async () => {
    const { db } = await fresh();
    await page(db, [cat('M1', '运动疗法评估')]);
    await applyPulledPage(db, 'wi_catalog', [
      { key: 'GS-KF-0001', entry: { name: '运动疗法', pric_uplmt_amt: '45' } },
      { key: 'GS-KF-0002', entry: { name: '作业疗法', pric_uplmt_amt: null } },
    ]);
    expect((await searchWiCatalog(db, 'ydlf')).map((r) => r.key)).toEqual(['GS-KF-0001']);
    expect((await searchWiCatalog(db, '疗法')).map((r) => r.key)).toEqual(['GS-KF-0001', 'GS-KF-0002']);
    expect((await searchWiCatalog(db, 'gs-kf')).map((r) => r.key)).toEqual(['GS-KF-0001', 'GS-KF-0002']);
    expect((await searchCatalog(db, '疗法')).map((r) => r.key)).toEqual(['M1']);
    db.close();
  });

  it('sees what another window of the same station pulled', async () => {
    const { db, indexedDB } = await fresh();
    const other = await memoryStationDb('station', indexedDB);
    await page(db, [cat('C1', '维生素C片')]);
    expect(await keys(other, '维生素')).toEqual(['C1']);
    await page(db, [cat('C2', '维生素B1片')], ['C1']);
    expect(await keys(other, '维生素')).toEqual(['C2']);
    await compactSegments(db, 'catalog', { maxSegments: 0 });
    expect(await db.segments.where('dataset').equals('catalog').count()).toBe(1);
    expect(await keys(other, '维生素')).toEqual(['C2']);
    other.close();
    db.close();
  });

  it('reads the segments store for a lookup only after a write touched it, in this window or another', async () => {
    const { db, indexedDB } = await fresh();
    const other = await memoryStationDb('station', indexedDB);
    await page(db, [cat('E1', '葡萄糖注射液')]);
    expect(await keys(db, '葡萄糖')).toEqual(['E1']);
    const nobody = { certno: '110101199001011237' };
    expect(await findFilings(db, nobody)).toEqual([]);
    const reads = vi.spyOn(db.segments, 'where');
    // nothing written since: the lookups answer from memory (no read to wait behind a pull)
    expect(await keys(db, '葡萄糖')).toEqual(['E1']);
    expect(await keys(db, 'ptt')).toEqual(['E1']);
    await db.checkpoints.put({
      dataset: 'policies',
      since_ver: 1,
      total_rows: 0,
      in_progress: false,
      updated_at: '2026-12-03T00:00:00.000Z',
      completed_at: null,
    });
    expect(await keys(db, '葡萄糖')).toEqual(['E1']);
    expect(await findFilings(db, nobody)).toEqual([]);
    expect(reads).not.toHaveBeenCalled();
    // another window pulls a catalog page: the next catalog lookup reads the store again and sees
    // it; the filings' segments were not touched, so a filing lookup still reads nothing
    await page(other, [cat('E2', '葡萄糖酸钙片')]);
    expect(await keys(db, '葡萄糖')).toEqual(['E1', 'E2']);
    expect(reads).toHaveBeenCalledTimes(1);
    expect(await findFilings(db, nobody)).toEqual([]);
    expect(reads).toHaveBeenCalledTimes(1);
    expect(await keys(db, '葡萄糖')).toEqual(['E1', 'E2']);
    expect(reads).toHaveBeenCalledTimes(1);
    other.close();
    db.close();
  });

  it('merges many small segments after a pull into few, with the same answers', async () => {
    const { db } = await fresh();
    const rows = Array.from({ length: 300 }, (_, i) =>
      cat(`D${String(i).padStart(4, '0')}`, `生成药品${i}号片`),
    );
    // a platform that serves the catalog in pages of 3: 100 segments
    let served = 0;
    const port: PlatformPort = {
      async call(_infno, input) {
        const { since_ver, page_size } = (input as { data: { since_ver: number; page_size: number } }).data;
        served++;
        const slice = rows.slice(since_ver, since_ver + page_size);
        const next = since_ver + slice.length;
        return {
          rows: slice,
          deleted: [],
          next_ver: next,
          more: next < rows.length,
          total_rows: rows.length - since_ver,
        };
      },
    };
    await pullDataset(db, port, 'catalog', { pageSize: 3 });
    expect(served).toBe(100);
    expect(await db.segments.where('dataset').equals('catalog').count()).toBe(1);
    expect(await keys(db, '生成药品1号')).toEqual(['D0001']);
    expect(await keys(db, 'scyp')).toHaveLength(300);
    db.close();
  });
});

// A small alphabet, so that queries hit often; names sometimes carry a strength.
const CHARS = ['阿', '莫', '西', '林', '胶', '囊', '片', '钙'];
const nameArb = fc
  .tuple(
    fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 5 }),
    fc.option(fc.integer({ min: 1, max: 99 })),
  )
  .map(([cs, mg]) => cs.join('') + (mg === null ? '' : `（${mg}mg）`));
const codeArb = fc.constantFrom('K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7', 'K8', 'X9');
const pageArb = fc.record({
  rows: fc.uniqueArray(fc.tuple(codeArb, nameArb), { selector: (r) => r[0], maxLength: 6 }),
  deleted: fc.uniqueArray(codeArb, { maxLength: 3 }),
});
const queryArb = fc.oneof(
  fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 3 }).map((cs) => cs.join('')),
  fc
    .array(fc.constantFrom('a', 'm', 'x', 'l', 'j', 'n', 'p', 'g', 'k'), { minLength: 1, maxLength: 3 })
    .map((cs) => cs.join('')),
);

describe('catalog search, property', () => {
  it('after any sequence of pages (with compaction at any point) finds exactly what a scan of the stored rows finds', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(pageArb, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 8 }),
        fc.array(queryArb, { minLength: 1, maxLength: 6 }),
        async (pages, compactAfter, queries) => {
          const { db } = await fresh();
          for (let i = 0; i < pages.length; i++) {
            const p = pages[i]!;
            const rowKeys = new Set(p.rows.map((r) => r[0]));
            await page(
              db,
              p.rows.map(([k, n]) => cat(k, n)),
              p.deleted.filter((k) => !rowKeys.has(k)),
            );
            if (i === compactAfter) await compactSegments(db, 'catalog', { maxSegments: 0 });
          }
          const stored = [...(await readRows(db, 'catalog')).values()];
          for (const q of queries) {
            const n = normalizeSearchText(q);
            const expected = stored
              .filter((r) =>
                /^[a-z]+$/.test(n)
                  ? r.key.toLowerCase().startsWith(n) ||
                    pinyinInitials(r.name).includes(n) ||
                    normalizeSearchText(r.name).startsWith(n)
                  : normalizeSearchText(r.name).includes(n),
              )
              .map((r) => r.key)
              .sort();
            expect(await keys(db, q)).toEqual(expected);
          }
          db.close();
        },
      ),
      { numRuns: 60 },
    );
  });
});

const filing = (key: string, psn_no: string, certno: string) => ({
  key,
  scheme: 'medical' as const,
  person: {
    psn_no,
    certno,
    psn_name: '测试',
    insutype: '310',
    category: 'in_service',
    insu_stas: 'active',
    insuplc_admdvs: '110100',
  },
  filing: {
    kind: 'long_term',
    type: 'long_term_resident',
    mdtrtarea_admvs: '440100',
    begndate: '2026-01-01',
    enddate: null,
  },
});

describe('filing lookups over pulled pages', () => {
  const filingPage = (db: StationDb, rows: ReturnType<typeof filing>[], deleted: string[] = []) =>
    applyPulledPage(db, 'filings', rows, deleted);

  it('finds a person by ID number or psn_no, follows a changed filing and forgets a deleted one', async () => {
    const { db, indexedDB } = await fresh();
    const ID1 = '11010119900101123X';
    const ID2 = '110101199001011237';
    await filingPage(db, [filing('F1', 'P1', ID1), filing('F2', 'P2', ID2)]);
    const other = await memoryStationDb('station', indexedDB);
    const keys = async (d: StationDb, who: { certno?: string; psn_no?: string }) =>
      (await findFilings(d, who)).map((f) => f.key).sort();
    expect(await keys(db, { certno: ID1.toLowerCase() })).toEqual(['F1']);
    expect(await keys(other, { psn_no: 'P2' })).toEqual(['F2']);
    // F2 now belongs to P1 (a corrected record), F1 is deleted, F3 is new
    await filingPage(db, [filing('F2', 'P1', ID1), filing('F3', 'P1', ID1)], ['F1']);
    expect(await keys(other, { certno: ID1 })).toEqual(['F2', 'F3']);
    expect(await keys(other, { psn_no: 'P2' })).toEqual([]);
    expect(await keys(other, { certno: ID2 })).toEqual([]);
    expect(await keys(other, { certno: ID1.slice(0, 10) })).toEqual([]); // exact, not prefix
    await compactSegments(db, 'filings', { maxSegments: 0 });
    expect(await keys(other, { certno: ID1 })).toEqual(['F2', 'F3']);
    expect(await keys(other, { psn_no: 'P1' })).toEqual(['F2', 'F3']);
    other.close();
    db.close();
  });
});
