// The reports' figures: settlements per hour (a day) and per day (a month), the fund split, the top
// fee categories, the refusal reasons; and the period's CSV (documents' settlementsCsv) parses back
// to the same sums the report shows, a discrepancy at the platform's figures in both.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { formatAmount, sumAmounts } from '../../../shared/money';
import { FUND_PAY_TYPES, type FundPayType } from '../../../shared/settlement';
import { goldenRecords, settlementRow } from '../../../test/support/settlement-records';
import type { SettlementRow } from '../../db';
import { settlementsCsv } from '../../documents';
import { buildReport, monthPeriod, stands } from './report-data';

const g = goldenRecords();
const at = (hh: string, day = '30') => `2025-06-${day}T${hh}:15:00+08:00`;
const withDiscrepancy = (r: SettlementRow): SettlementRow => ({
  ...r,
  status: 'discrepancy',
  platform_result: {
    ...r.result,
    setlinfo: { ...r.result.setlinfo, medfee_sumamt: r.result.setlinfo.medfee_sumamt, psn_cash_pay: '1.00' },
  },
});
const rows: SettlementRow[] = [
  settlementRow(g['medical-inpatient']!, { local_setl_id: 'A', settled_at: at('08'), status: 'confirmed' }),
  settlementRow(g['resident-serious-illness']!, { local_setl_id: 'B', settled_at: at('08') }),
  withDiscrepancy(settlementRow(g['work-injury-device']!, { local_setl_id: 'C', settled_at: at('14') })),
  settlementRow(g['medical-inpatient']!, { local_setl_id: 'D', settled_at: at('14'), status: 'cancelled' }),
  settlementRow(g['medical-inpatient']!, {
    local_setl_id: 'E',
    settled_at: at('23'),
    status: 'rejected',
    reasons: [
      { code: 'FILING_REVOKED', message: '备案已被参保地撤销' },
      { code: 'POLICY_NOT_FOUND', message: '无政策' },
    ],
  }),
  settlementRow(g['medical-inpatient']!, {
    local_setl_id: 'F',
    settled_at: at('23'),
    status: 'rejected',
    reasons: [{ code: 'FILING_REVOKED', message: '备案已被参保地撤销' }],
  }),
];
const DAY = { from: '2025-06-30', to: '2025-06-30' };

describe('a day’s report', () => {
  const r = buildReport(rows, DAY);

  it('counts settlements per hour: standing, cancelled, refused', () => {
    expect(r.kind).toBe('day');
    expect(r.buckets).toHaveLength(24);
    const hour = (h: number) => r.buckets[h]!;
    expect(hour(8)).toMatchObject({ label: '08', standing: 2, cancelled: 0, rejected: 0 });
    expect(hour(14)).toMatchObject({ standing: 1, cancelled: 1, rejected: 0 });
    expect(hour(23)).toMatchObject({ standing: 0, rejected: 2 });
    expect(r.count).toBe(6);
    expect(r.standing).toBe(3);
  });

  it('splits the standing settlements by fund, then personal account and cash, largest fund first', () => {
    const funds = Object.fromEntries(r.funds.map((f) => [f.key, f.amount]));
    expect(funds['390200']).toBe('20889.00');
    expect(funds['410100']).toBe('3000.00');
    expect(r.funds.at(-1)!.key).toBe('psn_cash_pay');
    const fundsOnly = r.funds.filter((f) => f.key in FUND_PAY_TYPES).map((f) => Number(f.amount));
    expect(fundsOnly).toEqual([...fundsOnly].sort((a, b) => b - a));
    expect(
      formatAmount(sumAmounts(r.funds.filter((f) => f.key in FUND_PAY_TYPES).map((f) => f.amount))),
    ).toBe(r.totals.fund_pay_sumamt);
  });

  it('lists the top fee categories and the refusal reasons by frequency', () => {
    expect(r.categories.length).toBeGreaterThan(0);
    expect(r.categories.length).toBeLessThanOrEqual(8);
    expect(formatAmount(sumAmounts(buildReport(rows, DAY, 100).categories.map((c) => c.amount)))).toBe(
      r.totals.medfee_sumamt,
    );
    expect(r.refusals.map((x) => [x.code, x.count])).toEqual([
      ['FILING_REVOKED', 2],
      ['POLICY_NOT_FOUND', 1],
    ]);
  });

  it('the CSV parses back to the same sums (a discrepancy at the platform’s figures)', () => {
    const [head, ...data] = Papa.parse<string[]>(settlementsCsv(rows).replace(/^\uFEFF/, ''), {
      skipEmptyLines: true,
    }).data;
    expect(data).toHaveLength(rows.length);
    const col = (name: string) => head!.indexOf(name);
    const standing = data.filter((d) => !['rejected', 'cancelled'].includes(d[col('status')]!));
    const sum = (name: string) => formatAmount(sumAmounts(standing.map((d) => d[col(name)]!)));
    expect(standing).toHaveLength(rows.filter(stands).length);
    for (const f of ['medfee_sumamt', 'fund_pay_sumamt', 'acct_pay', 'psn_cash_pay'] as const)
      expect(sum(f)).toBe(r.totals[f]);
    for (const f of r.funds)
      if (f.key in FUND_PAY_TYPES) expect(sum(`fund_${f.key as FundPayType}`)).toBe(f.amount);
    expect(data.find((d) => d[col('local_setl_id')] === 'C')![col('psn_cash_pay')]).toBe('1.00');
  });
});

describe('a month’s report', () => {
  it('counts per day of the month, the last day included', () => {
    const june = monthPeriod('2025-06');
    expect(june).toEqual({ from: '2025-06-01', to: '2025-06-30' });
    expect(monthPeriod('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    const r = buildReport(
      [...rows, settlementRow(g['medical-inpatient']!, { settled_at: at('09', '01') })],
      june,
    );
    expect(r.kind).toBe('month');
    expect(r.buckets).toHaveLength(30);
    expect(r.buckets[0]).toMatchObject({ label: '01', standing: 1 });
    expect(r.buckets[29]).toMatchObject({ label: '30', standing: 3, cancelled: 1, rejected: 2 });
  });
});
