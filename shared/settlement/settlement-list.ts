// What a settlement feeds to the national settlement list (settle/v2 "Result additions"): the fund
// payments by fund type (setldetail) and the fee table by charge category (chrgitm_summary).
import type { Decimal } from '../money';
import { ZERO, formatAmount } from '../money';
import type { ChrgitmSummaryRow, FundPayType, SetldetailRow } from './result';
import { MED_CHRGITM_TYPE_CODES, OTHER_CHRGITM_TYPE, type MedChrgitmType } from './schema-primitives';
import type { SettleRequest } from './schema';

interface Column {
  amt: Decimal;
  claa: Decimal;
  clab: Decimal;
  ful: Decimal;
}

/**
 * The fee table, filled line by line inside the item loop (one pass over 50,000-line bills): per
 * charge category (the line's own, else its catalog entry's, else "14"), the line amounts; those of
 * class 01 / 02 lines not wholly self-paid; the item full self-pay amounts; and the rest.
 */
export class ChrgitmSummary {
  private readonly columns = new Map<MedChrgitmType, Column>();

  add(type: MedChrgitmType | undefined, amount: Decimal, fulamt: Decimal, cls: '01' | '02' | null): void {
    const key = type ?? OTHER_CHRGITM_TYPE;
    let c = this.columns.get(key);
    if (!c) {
      c = { amt: ZERO, claa: ZERO, clab: ZERO, ful: ZERO };
      this.columns.set(key, c);
    }
    c.amt = c.amt.plus(amount);
    if (!fulamt.isZero()) c.ful = c.ful.plus(fulamt);
    if (cls === '01') c.claa = c.claa.plus(amount);
    else if (cls === '02') c.clab = c.clab.plus(amount);
  }

  /** Rows sorted by code; oth_amt = amt − claa − clab − full self-pay. */
  rows(): ChrgitmSummaryRow[] {
    const out: ChrgitmSummaryRow[] = [];
    for (const code of MED_CHRGITM_TYPE_CODES) {
      const c = this.columns.get(code);
      if (!c) continue;
      out.push({
        med_chrgitm_type: code,
        amt: formatAmount(c.amt),
        claa_sumfee: formatAmount(c.claa),
        clab_amt: formatAmount(c.clab),
        fulamt_ownpay_amt: formatAmount(c.ful),
        oth_amt: formatAmount(c.amt.minus(c.claa).minus(c.clab).minus(c.ful)),
      });
    }
    return out;
  }
}

export interface FundPayments {
  hifp: Decimal;
  hifob: Decimal;
  hifmi: Decimal;
  maf: Decimal;
}

/** The basic fund's type: 310100 employees, 390100 residents, 410100 work injury. */
export function basicFundType(req: SettleRequest): FundPayType {
  if (req.scheme === 'work_injury') return '410100';
  return req.person.insutype === '390' ? '390100' : '310100';
}

/** One row per non-zero fund, in the contract's order: basic, 330100, 390200, 610100. */
export function setldetail(req: SettleRequest, funds: FundPayments): SetldetailRow[] {
  const rows: [FundPayType, Decimal][] = [
    [basicFundType(req), funds.hifp],
    ['330100', funds.hifob],
    ['390200', funds.hifmi],
    ['610100', funds.maf],
  ];
  return rows
    .filter(([, amount]) => !amount.isZero())
    .map(([fund_pay_type, amount]) => ({ fund_pay_type, fund_payamt: formatAmount(amount) }));
}
