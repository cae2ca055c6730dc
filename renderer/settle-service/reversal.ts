// The figures of a cancel (红冲, domain.md "Cancel after discharge"): every amount of the settlement
// negated, the funds' shares by fund, and what the patient gets back — the cash they paid at the
// counter and what their personal account paid. One function for the screen and the reversal receipt.
// The figures are the platform's when the platform settled differently and the difference was dealt
// with (a resolved discrepancy: the patient then paid the platform's share), else the station's
// (what the patient was charged).
import { Decimal, formatAmount } from '../../shared/money';
import {
  SETLINFO_FIELDS,
  type FundPayType,
  type SettleResult,
  type SetlinfoField,
} from '../../shared/settlement';
import type { SettlementRow, SettlementStatus } from '../db';

/** −amount, and 0.00 for zero (never "-0.00"), as the platform's 2305 writes it. */
export function negateAmount(amount: string): string {
  const d = new Decimal(amount);
  return d.isZero() ? '0.00' : formatAmount(d.negated());
}

/** Where a fund's name comes from: its fund type (settle/v2 setldetail), or the setlinfo field. */
export type FundLabel = { fund_pay_type: FundPayType } | { field: SetlinfoField };

export interface ReversalFigures {
  basis: 'station' | 'platform';
  setlinfo: Record<SetlinfoField, string>;
  /** the funds' shares, negated */
  funds: { label: FundLabel; amount: string }[];
  /** what goes back to the patient: cash in hand and the personal account */
  refund: { cash: string; account: string; total: string };
}

const FUND_FIELDS: readonly SetlinfoField[] = ['hifp_pay', 'hifob_pay', 'hifmi_pay', 'maf_pay'];

/** Which result the patient's payment followed, given the status before the cancel. */
export function chargedResult(row: SettlementRow, statusBefore: SettlementStatus = row.status): SettleResult {
  return statusBefore === 'discrepancy' && row.platform_result && row.resolved_at !== null
    ? row.platform_result
    : row.result;
}

export function reversalFigures(row: SettlementRow): ReversalFigures {
  const result = chargedResult(row, row.cancel ? row.cancel.status_before : row.status);
  const s = result.setlinfo;
  const setlinfo = Object.fromEntries(SETLINFO_FIELDS.map((f) => [f, negateAmount(s[f])])) as Record<
    SetlinfoField,
    string
  >;
  const funds = result.setldetail
    ? result.setldetail.map((d) => ({
        label: { fund_pay_type: d.fund_pay_type },
        amount: negateAmount(d.fund_payamt),
      }))
    : FUND_FIELDS.filter((f) => !new Decimal(s[f]).isZero()).map((f) => ({
        label: { field: f },
        amount: setlinfo[f],
      }));
  return {
    basis: result === row.result ? 'station' : 'platform',
    setlinfo,
    funds,
    refund: {
      cash: s.psn_cash_pay,
      account: s.acct_pay,
      total: formatAmount(new Decimal(s.psn_cash_pay).plus(s.acct_pay)),
    },
  };
}
