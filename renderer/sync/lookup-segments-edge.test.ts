// Edge cases of the lookup segments found in review: filing order, refresh racing a pull or a
// compaction, compaction of big datasets, empty queries, duplicate keys.
import { IDBFactory, memoryStationDb } from '../../test/support/memory-db';
import { describe, expect, it } from 'vitest';
import {
  compactSegments,
  findFilings,
  putCatalogRows,
  putFilingRows,
  searchCatalog,
  segmentIndex,
  type StationDb,
} from '../db';
import { selectFiling } from '../../shared/protocol';
import { applyPulledPage, catalogRow as cat } from '../../test/support/pulled-pages';

const page = (db: StationDb, rows: ReturnType<typeof cat>[], deleted: string[] = []) =>
  applyPulledPage(db, 'catalog', rows, deleted);
const open = (indexedDB: IDBFactory) => memoryStationDb('station', indexedDB);
const filingRow = (key: string, begndate: string) => ({
  key,
  scheme: 'medical' as const,
  psn_no: 'P1',
  certno: '11010119900101123X',
  person: { psn_no: 'P1', certno: '11010119900101123X', psn_name: key } as never,
  filing: { kind: 'long_term', type: 't', mdtrtarea_admvs: '440100', begndate, enddate: null } as never,
});

describe('lookup segments, edge cases', () => {
  it('returns filings in key order, so station and platform pick the same of two equal filings', async () => {
    const db = await open(new IDBFactory());
    await putFilingRows(db, [filingRow('F1', '2026-01-01')]);
    await putFilingRows(db, [filingRow('F2', '2026-01-01')]); // newer page
    const got = await findFilings(db, { psn_no: 'P1' });
    const platformOrder = [...got].sort((a, b) => (a.key < b.key ? -1 : 1));
    expect(got.map((f) => f.key)).toEqual(['F1', 'F2']);
    const station = selectFiling(got, 'medical', '440106', '2026-06-01');
    const platform = selectFiling(platformOrder, 'medical', '440106', '2026-06-01');
    expect(station!.key).toBe(platform!.key);
    expect(got[0]!.person.psn_name).toBe('F1'); // build-request takes filings[0].person
    db.close();
  });

  it('a compaction in another window between two searches loses nothing', async () => {
    const indexedDB = new IDBFactory();
    const writer = await open(indexedDB);
    const reader = await open(indexedDB);
    await page(writer, [cat('A1', '阿莫西林胶囊')]);
    expect((await searchCatalog(reader, '阿莫')).map((r) => r.key)).toEqual(['A1']);
    await page(writer, [cat('A2', '阿莫西林片')]);
    await compactSegments(writer, 'catalog', { maxSegments: 0 });
    expect((await searchCatalog(reader, '阿莫')).map((r) => r.key).sort()).toEqual(['A1', 'A2']);
    reader.close();
    writer.close();
  });

  it('a lookup made while a refresh runs sees a page committed before it', async () => {
    const db = await open(new IDBFactory());
    await page(db, [cat('B1', '维生素C片')]);
    await searchCatalog(db, '维生素');
    // a refresh (warmSegments, or another keystroke's search) has read the ids and is still busy
    const index = segmentIndex(db, 'catalog');
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const inner = index as unknown as { doRefresh: () => Promise<void> };
    const orig = inner.doRefresh.bind(index);
    let slow = true;
    inner.doRefresh = async () => {
      await orig();
      if (slow) {
        slow = false;
        await gate;
      }
    };
    await page(db, [cat('B2', '维生素B1片')]);
    const inFlight = index.refresh(); // reads B2's segment, then waits
    await new Promise((r) => setTimeout(r, 20));
    await page(db, [cat('B3', '维生素E软胶囊')]); // committed after that read
    const search = searchCatalog(db, '维生素'); // and this lookup after the commit
    release();
    await inFlight;
    expect((await search).map((r) => r.key).sort()).toEqual(['B1', 'B2', 'B3']);
    db.close();
  });

  it('does not rewrite a dataset that needs more than maxSegments segments for its rows alone', async () => {
    const db = await open(new IDBFactory());
    for (const [k, n] of [
      ['K1', '甲'],
      ['K2', '乙'],
      ['K3', '丙'],
    ] as const)
      await putCatalogRows(db, [{ key: k, name: n, entry: cat(k, n).entry as never }]);
    const ids = async () => (await db.segments.toCollection().primaryKeys()).join(',');
    const o = { maxSegments: 2, segmentRows: 1 };
    expect(await compactSegments(db, 'catalog', o)).toBe(3);
    const a = await ids();
    expect(await compactSegments(db, 'catalog', o)).toBe(3);
    expect(await ids()).toBe(a);
    // small segments beyond the slack are merged
    for (const k of ['K4', 'K5', 'K6'])
      await putCatalogRows(db, [{ key: k, name: k, entry: cat(k, k).entry as never }]);
    expect(await compactSegments(db, 'catalog', { maxSegments: 2 })).toBe(1);
    expect((await searchCatalog(db, '乙')).map((r) => r.key)).toEqual(['K2']);
    db.close();
  });

  it('an empty query finds nothing (and ends)', async () => {
    const db = await open(new IDBFactory());
    await page(db, [cat('C1', '阿'), cat('C2', '莫')]);
    const index = segmentIndex(db, 'catalog');
    await index.refresh();
    let n = 0;
    for (const h of index.hits('names', '', 'prefix')) {
      void h;
      if (++n > 1000) break;
    }
    expect(n).toBe(0);
    db.close();
  });

  it('a search keeps the segments it started with for all its passes', async () => {
    const db = await open(new IDBFactory());
    await page(db, [cat('D1', '西林a')]);
    const index = segmentIndex(db, 'catalog');
    await index.refresh();
    const it = index.hits('names', '西林', 'contains');
    const first = it.next(); // prefix pass, over [seg1]
    expect(first.value!.key).toBe('D1');
    await page(db, [cat('D2', '西林b'), cat('D3', '青霉西林')]);
    await index.refresh(); // another search in this window
    const rest = [...{ [Symbol.iterator]: () => it }].map((h) => h.key);
    expect(rest).toEqual([]); // this search's passes all ran over [seg1]
    expect((await searchCatalog(db, '西林')).map((r) => r.key)).toEqual(['D2', 'D1', 'D3']);
    db.close();
  });

  it('edge framing: empty lines, one-row and empty segments', async () => {
    const db = await open(new IDBFactory());
    await putFilingRows(
      db,
      [filingRow('E1', '2026-01-01')].map((f) => ({ ...f, certno: '' })),
    );
    await putFilingRows(db, [
      { ...filingRow('E2', '2026-01-01'), certno: '', psn_no: 'Q\nR' },
      { ...filingRow('E3', '2026-01-01'), certno: 'X', psn_no: 'Q' },
    ]);
    expect((await findFilings(db, { psn_no: 'Q' })).map((f) => f.key)).toEqual(['E3']);
    expect((await findFilings(db, { certno: 'x' })).map((f) => f.key)).toEqual(['E3']);
    expect((await findFilings(db, { psn_no: 'Q R' })).map((f) => f.key)).toEqual([]);
    expect((await findFilings(db, { psn_no: 'Q\nR' })).map((f) => f.key)).toEqual([]); // index found it
    await page(db, [], ['nothing']);
    expect(await searchCatalog(db, 'a')).toEqual([]);
    db.close();
  });
  it('a key twice in one batch: the later line wins, before and after compaction', async () => {
    const db = await open(new IDBFactory());
    const e = (n: string) => cat('x', n).entry as never;
    await putCatalogRows(db, [
      { key: 'K', name: '甲片', entry: e('甲片') },
      { key: 'K', name: '乙片', entry: e('乙片') },
    ]);
    await putCatalogRows(db, [{ key: 'L', name: '丙片', entry: e('丙片') }]);
    expect((await searchCatalog(db, '乙片')).map((r) => r.key)).toEqual(['K']);
    await compactSegments(db, 'catalog', { maxSegments: 0 });
    expect((await searchCatalog(db, '乙片')).map((r) => r.key)).toEqual(['K']);
    expect((await searchCatalog(db, '甲片')).map((r) => r.key)).toEqual([]);
    db.close();
  });

  it('row keys are held as one text per segment, and a key with a newline still finds its row', async () => {
    const db = await open(new IDBFactory());
    await putFilingRows(db, [
      filingRow('F1', '2026-01-01'),
      { ...filingRow('F\n2', '2026-01-01'), psn_no: 'P2' },
    ]);
    await putFilingRows(db, [filingRow('F3', '2026-01-01'), filingRow('F4', '2026-01-01')]);
    expect((await findFilings(db, { psn_no: 'P2' })).map((f) => f.key)).toEqual(['F\n2']);
    expect((await findFilings(db, { psn_no: 'P1' })).map((f) => f.key)).toEqual(['F1', 'F3', 'F4']);
    expect(segmentIndex(db, 'filings').size).toMatchObject({ segments: 2, entries: 4 });
    db.close();
  });
});
