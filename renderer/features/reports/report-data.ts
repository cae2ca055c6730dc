// What the reports screen shows for a period (a day or a month), computed from the station's own
// settlements of it: how many per hour (a day) or per day (a month), the fund split, the top fee
// categories and why the platform refused. Amounts stay two-decimal strings (sumAmounts); the charts
// get numbers only to size their bars (chartValue), and print the strings.
import { Decimal, formatAmount, sumAmounts } from '../../../shared/money';
import type { FundPayType, MedChrgitmType } from '../../../shared/settlement';
import type { Reason, SettlementRow } from '../../db';
import { countedResult, type Period } from '../../documents';
import { formatChinaTime } from '../../ui';

/** Settled and standing: what the figures add up (pending ones at the station's own figures). */
export const stands = (s: SettlementRow) => s.status !== 'rejected' && s.status !== 'cancelled';

export interface Bucket {
  /** the hour (00 … 23) of a day, or the day (01 … 31) of a month */
  label: string;
  standing: number;
  cancelled: number;
  rejected: number;
}

export interface Report {
  period: Period;
  kind: 'day' | 'month';
  count: number;
  standing: number;
  totals: { medfee_sumamt: string; fund_pay_sumamt: string; acct_pay: string; psn_cash_pay: string };
  buckets: Bucket[];
  /** each fund, then the personal account and cash: who paid the standing settlements */
  funds: { key: FundPayType | 'acct_pay' | 'psn_cash_pay'; amount: string }[];
  /** the categories with the largest amounts, largest first */
  categories: { key: MedChrgitmType; amount: string }[];
  /** refusal codes of rejected settlements, most frequent first */
  refusals: { code: string; count: number; reason: Reason }[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The last day of the month of a YYYY-MM(-DD). */
export function monthPeriod(month: string): Period {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y!, m!, 0)).getUTCDate();
  return { from: `${y}-${pad(m!)}-01`, to: `${y}-${pad(m!)}-${pad(last)}` };
}

const sum = (values: string[]) => formatAmount(sumAmounts(values));

export function buildReport(rows: readonly SettlementRow[], period: Period, topCategories = 8): Report {
  const kind = period.from === period.to ? 'day' : 'month';
  const size = kind === 'day' ? 24 : Number(period.to.slice(8, 10));
  const buckets: Bucket[] = Array.from({ length: size }, (_, i) => ({
    label: pad(kind === 'day' ? i : i + 1),
    standing: 0,
    cancelled: 0,
    rejected: 0,
  }));
  const standing = rows.filter(stands);
  for (const s of rows) {
    // China time: "YYYY-MM-DD HH:mm:ss"
    const at = formatChinaTime(s.settled_at);
    const index = kind === 'day' ? Number(at.slice(11, 13)) : Number(at.slice(8, 10)) - 1;
    const b = buckets[index];
    if (!b) continue;
    if (s.status === 'rejected') b.rejected += 1;
    else if (s.status === 'cancelled') b.cancelled += 1;
    else b.standing += 1;
  }
  const counted = standing.map(countedResult);
  const byFund = new Map<FundPayType, string[]>();
  const byCategory = new Map<MedChrgitmType, string[]>();
  for (const r of counted) {
    for (const f of r.setldetail ?? [])
      byFund.set(f.fund_pay_type, [...(byFund.get(f.fund_pay_type) ?? []), f.fund_payamt]);
    for (const c of r.chrgitm_summary ?? [])
      byCategory.set(c.med_chrgitm_type, [...(byCategory.get(c.med_chrgitm_type) ?? []), c.amt]);
  }
  const setl = (f: 'medfee_sumamt' | 'fund_pay_sumamt' | 'acct_pay' | 'psn_cash_pay') =>
    sum(counted.map((r) => r.setlinfo[f]));
  const refusals = new Map<string, { count: number; reason: Reason }>();
  for (const s of rows.filter((r) => r.status === 'rejected'))
    for (const reason of s.reasons) {
      const seen = refusals.get(reason.code);
      refusals.set(reason.code, { count: (seen?.count ?? 0) + 1, reason: seen?.reason ?? reason });
    }
  const byAmount = <K>(m: Map<K, string[]>) =>
    [...m.entries()]
      .map(([key, values]) => ({ key, amount: sum(values) }))
      .sort((a, b) => new Decimal(b.amount).comparedTo(a.amount));
  return {
    period,
    kind,
    count: rows.length,
    standing: standing.length,
    totals: {
      medfee_sumamt: setl('medfee_sumamt'),
      fund_pay_sumamt: setl('fund_pay_sumamt'),
      acct_pay: setl('acct_pay'),
      psn_cash_pay: setl('psn_cash_pay'),
    },
    buckets,
    funds: [
      ...byAmount<Report['funds'][number]['key']>(byFund),
      { key: 'acct_pay' as const, amount: setl('acct_pay') },
      { key: 'psn_cash_pay' as const, amount: setl('psn_cash_pay') },
    ].filter((f) => f.amount !== '0.00'),
    categories: byAmount(byCategory).slice(0, topCategories),
    refusals: [...refusals.entries()]
      .map(([code, v]) => ({ code, ...v }))
      .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
  };
}

/** A bar's or slice's size: a chart draws numbers. Only for drawing; labels print the string. */
export const chartValue = (amount: string): number => Number(amount);
