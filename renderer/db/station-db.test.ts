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
    const row = await db.accumulators.get('P1:2025');
    expect(row).toMatchObject({ platform: acc, local: acc });
    expect(row).not.toHaveProperty('accumulators');
    expect(await db.settlements.get('S1')).toMatchObject({ status: 'pending' });
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
