import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import {
  openStationDb,
  StationDbError,
  searchCatalog,
  isQuotaError,
  toStationDbError,
  requestPersistence,
  CURRENT_VERSION,
  findFilings,
  catalogSearchKeys,
  searchWiCatalog,
} from './index';
import { declareVersions } from './schema';

const entry = (name: string) => ({
  name,
  chrgitm_lv: '01' as const,
  selfpay_prop: '0',
  pric_uplmt_amt: null,
});

describe('schema upgrade path', () => {
  it('opens a version-1 database with its data and upgrades it: catalog becomes searchable, accumulators split', async () => {
    const indexedDB = new IDBFactory();
    const v1 = new Dexie('station', { indexedDB, IDBKeyRange });
    declareVersions(v1, 1);
    await v1.open();
    await v1.table('catalog').bulkPut([
      { key: 'XJ01CAA040A001', name: '阿莫西林胶囊', entry: entry('阿莫西林胶囊') },
      { key: 'XC10AAA070A001', name: '阿托伐他汀钙片', entry: entry('阿托伐他汀钙片') },
    ]);
    const acc = { year: 2025, hifp_pay: '1200.00' };
    await v1.table('accumulators').put({ key: 'P1:2025', psn_no: 'P1', year: 2025, accumulators: acc });
    await v1
      .table('settlements')
      .put({ local_setl_id: 'S1', status: 'pending', psn_no: 'P1', settled_at: '2025-06-30T10:00:00+08:00' });
    v1.close();

    const db = await openStationDb({ name: 'station', indexedDB, IDBKeyRange });
    expect(db.verno).toBe(CURRENT_VERSION);
    expect((await searchCatalog(db, 'amxl')).map((r) => r.key)).toEqual(['XJ01CAA040A001']);
    expect((await searchCatalog(db, '他汀')).map((r) => r.key)).toEqual(['XC10AAA070A001']);
    expect(await db.segments.where('dataset').equals('catalog').count()).toBe(1);
    const row = await db.accumulators.get('P1:2025');
    expect(row).toMatchObject({ platform: acc, local: acc });
    expect(row).not.toHaveProperty('accumulators');
    expect(await db.settlements.get('S1')).toMatchObject({ status: 'pending' });
    db.close();
  });

  it('upgrades a version-2 database: catalog terms give way to segments, filings stay findable by ID number and psn_no', async () => {
    const indexedDB = new IDBFactory();
    const v2 = new Dexie('station', { indexedDB, IDBKeyRange });
    declareVersions(v2, 2);
    await v2.open();
    const names = Array.from({ length: 7000 }, (_, i) => `阿莫西林胶囊${i}号`);
    await v2.table('catalog').bulkPut(
      names.map((name, i) => ({
        key: `C${String(i).padStart(5, '0')}`,
        name,
        entry: entry(name),
        ...catalogSearchKeys(name),
      })),
    );
    await v2.table('filings').bulkPut([
      { key: 'F1', scheme: 'medical', psn_no: 'P1', certno: '11010119500101123X', person: {}, filing: {} },
      {
        key: 'F2',
        scheme: 'work_injury',
        psn_no: 'P1',
        certno: '11010119500101123X',
        person: {},
        filing: {},
      },
      { key: 'F3', scheme: 'medical', psn_no: 'P2', certno: '110101196001011235', person: {}, filing: {} },
    ]);
    await v2.table('wi_catalog').put({
      key: 'GS-KF-0001',
      name: '运动疗法',
      entry: { name: '运动疗法', pric_uplmt_amt: '45' },
    });
    v2.close();

    const db = await openStationDb({ name: 'station', indexedDB, IDBKeyRange });
    expect(await db.segments.where('dataset').equals('catalog').count()).toBe(2); // 5,000 + 2,000 rows
    expect((await searchWiCatalog(db, 'ydlf')).map((r) => r.key)).toEqual(['GS-KF-0001']);
    expect(await db.catalog.get('C00042')).not.toHaveProperty('terms');
    expect((await searchCatalog(db, '胶囊6999号')).map((r) => r.key)).toEqual(['C06999']);
    expect(await searchCatalog(db, 'amxl', { limit: 50 })).toHaveLength(50);
    const keys = async (who: { certno?: string; psn_no?: string }) =>
      (await findFilings(db, who)).map((f) => f.key).sort();
    expect(await keys({ certno: '11010119500101123x' })).toEqual(['F1', 'F2']);
    expect(await keys({ psn_no: 'P2' })).toEqual(['F3']);
    expect(await keys({ psn_no: 'P9' })).toEqual([]);
    db.close();
  });

  it('reports a blocked upgrade while an old window holds version 1 open, then upgrades without loss once it closes', async () => {
    const indexedDB = new IDBFactory();
    const old = new Dexie('station', { indexedDB, IDBKeyRange });
    declareVersions(old, 1);
    old.on('versionchange', () => false); // an old window that does not let go
    await old.open();
    await old.table('filings').put({ key: 'F1', certno: '110101195001011234', psn_no: 'P1' });

    const blocked: StationDbError[] = [];
    const opening = openStationDb({
      name: 'station',
      indexedDB,
      IDBKeyRange,
      onUpgradeBlocked: (e) => blocked.push(e),
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(blocked).toHaveLength(1);
    expect(blocked[0]!.code).toBe('UPGRADE_BLOCKED');
    expect(blocked[0]!.message_zh).toMatch(/关闭其他窗口/);
    old.close();
    const db = await opening;
    expect(await db.filings.get('F1')).toMatchObject({ psn_no: 'P1' });
    db.close();
  });

  it('closes itself when a newer version is opened elsewhere, and says so', async () => {
    const indexedDB = new IDBFactory();
    let closed = 0;
    const current = await openStationDb({
      name: 'station',
      indexedDB,
      IDBKeyRange,
      onClosedForUpgrade: () => closed++,
    });
    const newer = new Dexie('station', { indexedDB, IDBKeyRange });
    declareVersions(newer);
    newer.version(CURRENT_VERSION + 1).stores({ extra: 'key' });
    await newer.open();
    expect(closed).toBe(1);
    expect(current.isOpen()).toBe(false);
    newer.close();
  });
});

describe('storage errors', () => {
  it('recognises a full disk however the browser reports it', () => {
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    const abort = Object.assign(new Error('Transaction aborted'), {
      name: 'AbortError',
      inner: new DOMException('x', 'QuotaExceededError'),
    });
    expect(isQuotaError(abort)).toBe(true);
    expect(isQuotaError(new DOMException('aborted', 'AbortError'))).toBe(false);
    const mapped = toStationDbError(abort);
    expect(mapped).toBeInstanceOf(StationDbError);
    expect((mapped as StationDbError).code).toBe('QUOTA_EXCEEDED');
    expect((mapped as StationDbError).message_zh).toMatch(/存储空间已满/);
    expect(toStationDbError(new DOMException('v', 'VersionError'))).toMatchObject({
      code: 'VERSION_TOO_NEW',
    });
    const other = new TypeError('x');
    expect(toStationDbError(other)).toBe(other);
  });

  it('asks for persistent storage and explains a refusal', async () => {
    expect(
      (await requestPersistence({ persisted: async () => true, persist: async () => false })).outcome,
    ).toBe('persisted');
    const denied = await requestPersistence({
      persisted: async () => false,
      persist: async () => false,
      estimate: async () => ({ usage: 10, quota: 100 }),
    });
    expect(denied).toMatchObject({ outcome: 'denied', usage: 10, quota: 100 });
    expect(denied.message_zh).toMatch(/持久存储/);
    expect((await requestPersistence({})).outcome).toBe('unsupported');
  });
});
