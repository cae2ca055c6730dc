// The day's reconciliation with the platform, as the station sees it. A settlement's figures are the
// ones that count (documents' countedResult: the platform's on a discrepancy).
// Only what the platform has answered counts; what still waits to upload (a settlement, or a cancel
// the platform has not taken yet) is named first, because it is why totals would differ today.
// One pass classifies; 3201 totals and 3202 rows are built from the same rows, so 3201's station
// totals are exactly the sum of the 3202 rows sent with refd_setl_flag "0".
import { formatAmount, sumAmounts } from '../../../shared/money';
import {
  clrTypeOf,
  reconcileInsutype,
  type DetailReconcileOutput,
  type DetailRow,
  type TransactionInput,
  type TransactionOutput,
} from '../../../shared/protocol';
import type { SettlementRow } from '../../db';
import { countedResult } from '../../documents';

export interface Classified {
  /** settlements (or their cancels) the platform has not answered yet */
  pending: SettlementRow[];
  /** what goes into 3202: every settlement the platform settled, cancelled ones flagged "1" */
  sent: { row: SettlementRow; detail: DetailRow }[];
}

function detailOf(s: SettlementRow, setl_id: string, cancelled: boolean): DetailRow {
  const f = countedResult(s).setlinfo;
  return {
    setl_id,
    mdtrt_id: s.encounter_no,
    psn_no: s.psn_no,
    insutype: reconcileInsutype(s.scheme, s.request.person.insutype),
    clr_type: clrTypeOf(s.setl_type),
    medfee_sumamt: f.medfee_sumamt,
    fund_pay_sumamt: f.fund_pay_sumamt,
    acct_pay: f.acct_pay,
    refd_setl_flag: cancelled ? '1' : '0',
  };
}

export function classify(rows: readonly SettlementRow[]): Classified {
  const out: Classified = { pending: [], sent: [] };
  for (const s of rows) {
    if (s.status === 'pending' || s.cancel?.platform === 'pending') out.pending.push(s);
    else if (s.status === 'confirmed' || s.status === 'discrepancy')
      out.sent.push({ row: s, detail: detailOf(s, s.setl_id!, false) });
    else if (s.status === 'cancelled' && s.setl_id && s.cancel?.platform !== 'not_needed')
      // a refused cancel leaves the settlement standing on the platform
      out.sent.push({ row: s, detail: detailOf(s, s.setl_id, s.cancel?.platform !== 'refused') });
  }
  return out;
}

export type TotalsInput = TransactionInput<'3201'>['data'];

/** One 3201 per insutype × clr_type with settlements (sent ones; a day with none has no row). */
export function totalsInputs(sent: Classified['sent'], day: { from: string; to: string }): TotalsInput[] {
  const groups = new Map<string, DetailRow[]>();
  for (const { detail } of sent) {
    const key = `${detail.insutype}:${detail.clr_type}`;
    groups.set(key, [...(groups.get(key) ?? []), detail]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, ds]) => {
      const standing = ds.filter((d) => d.refd_setl_flag === '0');
      const sum = (f: 'medfee_sumamt' | 'fund_pay_sumamt' | 'acct_pay') =>
        formatAmount(sumAmounts(standing.map((d) => d[f])));
      return {
        insutype: ds[0].insutype,
        clr_type: ds[0].clr_type,
        stmt_begndate: day.from,
        stmt_enddate: day.to,
        medfee_sumamt: sum('medfee_sumamt'),
        fund_pay_sumamt: sum('fund_pay_sumamt'),
        acct_pay: sum('acct_pay'),
        fixmedins_setl_cnt: standing.length,
      };
    });
}

export type Cause = 'amounts' | 'unknown' | 'cancelled_on_platform' | 'missing_here';

/** A settlement 3202 did not match, with the station's row to link to when the station has it. */
export interface Mismatch {
  setl_id: string;
  cause: Cause;
  fields: string[];
  insutype: string;
  clr_type: string;
  station: SettlementRow | null;
  platform: DetailReconcileOutput['missing'][number] | null;
}

const CAUSES = { '1': 'amounts', '2': 'unknown', '3': 'cancelled_on_platform' } as const;

export function mismatches(sent: Classified['sent'], answer: DetailReconcileOutput): Mismatch[] {
  const bySetlId = new Map(sent.map((s) => [s.detail.setl_id, s]));
  const out: Mismatch[] = [];
  for (const r of answer.rows) {
    if (r.stmt_rslt === '0') continue;
    const s = bySetlId.get(r.setl_id);
    out.push({
      setl_id: r.setl_id,
      cause: CAUSES[r.stmt_rslt],
      fields: r.fields,
      insutype: s?.detail.insutype ?? r.platform?.insutype ?? '',
      clr_type: s?.detail.clr_type ?? r.platform?.clr_type ?? '',
      station: s?.row ?? null,
      platform: r.platform,
    });
  }
  for (const m of answer.missing)
    out.push({
      setl_id: m.setl_id,
      cause: 'missing_here',
      fields: [],
      insutype: m.insutype,
      clr_type: m.clr_type,
      station: null,
      platform: m,
    });
  return out;
}

export type TotalsAnswer = TransactionOutput<'3201'>['stmtinfo'];
