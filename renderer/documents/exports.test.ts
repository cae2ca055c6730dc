// The exports a reports screen and the day's close call: a period's settlements from the database
// (China dates, both ends included), as CSV (one row per settlement: ids, status, the setlinfo figures,
// the fund payments; formulas defused) and as one FHIR Bundle.
import Papa from 'papaparse';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { SETLINFO_FIELDS } from '../../shared/settlement';
import { fixtureRecord, goldenRecords, settlementRow } from '../../test/support/settlement-records';
import { openStationDb, type StationDb } from '../db';
import { settlementsCsv, settlementsInPeriod } from './exports';

let db: StationDb;
afterEach(() => db?.close());

const rowOf = settlementRow;

const parse = (csv: string) =>
  Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

describe('a period’s settlements', () => {
  it('are the ones settled in it, China time, both ends included', async () => {
    db = await openStationDb({ name: 'exports', indexedDB: new IDBFactory(), IDBKeyRange });
    const base = fixtureRecord('01-worked-example');
    const at = (id: string, settled_at: string) => rowOf(base, { local_setl_id: id, settled_at });
    await db.settlements.bulkAdd([
      at('A', '2026-06-29T23:59:59+08:00'),
      at('B', '2026-06-30T00:00:00+08:00'),
      at('C', '2026-07-01T23:59:59+08:00'),
      at('D', '2026-07-02T00:00:00+08:00'),
    ]);
    const rows = await settlementsInPeriod(db, { from: '2026-06-30', to: '2026-07-01' });
    expect(rows.map((r) => r.local_setl_id)).toEqual(['B', 'C']);
  });
});

describe('the settlements CSV', () => {
  const records = goldenRecords();
  const rows = [
    rowOf(records['medical-inpatient']!, { local_setl_id: 'S1', status: 'confirmed', setl_id: 'P-1' }),
    rowOf(records['resident-serious-illness']!, { local_setl_id: 'S2' }),
    rowOf(records['work-injury-device']!, { local_setl_id: 'S3', status: 'cancelled' }),
  ];

  it('has one row per settlement with its setlinfo, fund payments and status', () => {
    const [head, ...data] = parse(settlementsCsv(rows));
    expect(head!.slice(0, 3)).toEqual(['local_setl_id', 'setl_id', 'status']);
    expect(head).toContain('fund_390200');
    expect(data).toHaveLength(3);
    const col = (name: string) => head!.indexOf(name);
    for (const [i, r] of rows.entries()) {
      for (const f of SETLINFO_FIELDS) expect(data[i]![col(f)]).toBe(r.result.setlinfo[f]);
      expect(data[i]![col('status')]).toBe(r.status);
    }
    expect(data[1]![col('fund_390100')]).toBe('96985.00');
    expect(data[1]![col('fund_390200')]).toBe('20889.00');
    expect(data[1]![col('fund_310100')]).toBe('0.00');
    expect(data[2]![col('fund_410100')]).toBe('3000.00');
    expect(data[0]![col('setl_id')]).toBe('P-1');
    expect(data[0]![col('certno')]).toBe('110101********1233');
  });

  it('writes Chinese headers on request, and starts with a BOM for spreadsheets', () => {
    const csv = settlementsCsv(rows, { lang: 'zh-CN' });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [head] = parse(csv);
    expect(head).toContain('医疗费总额');
    expect(head).toContain('城乡居民大病医疗保险');
  });

  it('defuses cells a spreadsheet would run as formulas, and keeps negative amounts numbers', () => {
    const hostile = rowOf(records['medical-inpatient']!, {
      local_setl_id: 'S9',
      psn_name: '=HYPERLINK("http://x","y")',
      opter: '@cmd',
      result: {
        ...records['medical-inpatient']!.result,
        setlinfo: { ...records['medical-inpatient']!.result.setlinfo, psn_cash_pay: '-11492.50' },
      },
    });
    const [head, data] = parse(settlementsCsv([hostile]));
    expect(data![head!.indexOf('psn_name')]).toBe('\'=HYPERLINK("http://x","y")');
    expect(data![head!.indexOf('opter')]).toBe("'@cmd");
    expect(data![head!.indexOf('psn_cash_pay')]).toBe('-11492.50');
  });
});
