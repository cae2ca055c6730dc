import { Decimal, formatAmount as f } from '../money';
import type { Funds } from './funds';
import type { ResultAccumulators } from './result';
import type { SettleRequest } from './schema';

/**
 * The year-to-date figures after this settlement, so the next settlement of the same person (offline
 * too) sees them. Work injury and refused settlements leave them as they were, except the account.
 */
export function accumulatorsAfter(
  req: SettleRequest,
  refused: boolean,
  funds: Funds,
  acct: Decimal,
): ResultAccumulators {
  const a = req.accumulators;
  const chronicDedc = Object.fromEntries(Object.entries(a.chronic_dedc).map(([k, v]) => [k, f(v)]));
  const chronicFund = Object.fromEntries(Object.entries(a.chronic_fund).map(([k, v]) => [k, f(v)]));
  const out: ResultAccumulators = {
    year: a.year ?? Number(req.settle_date.slice(0, 4)),
    inpatient_admissions: a.inpatient_admissions,
    hifp_pay: f(a.hifp_pay),
    large_pay: f(a.large_pay),
    outpatient_dedc: f(a.outpatient_dedc),
    outpatient_fund: f(a.outpatient_fund),
    chronic_dedc: chronicDedc,
    chronic_fund: chronicFund,
    acct_balance: f(new Decimal(a.acct_balance).minus(acct)),
    hifmi_base: f(a.hifmi_base),
    hifmi_pay: f(a.hifmi_pay),
    maf_pay: f(a.maf_pay),
  };
  if (refused || req.scheme !== 'medical') return out;
  const add = (x: string | undefined, y: Decimal) => f(new Decimal(x ?? '0').plus(y));
  if (req.setl_type === 'inpatient') {
    // settle/v2: a mid-stay part ≥ 2 continues an admission already counted.
    if (req.stay === undefined || req.stay.part < 2) out.inpatient_admissions += 1;
    out.hifp_pay = add(a.hifp_pay, funds.hifp);
    out.large_pay = add(a.large_pay, funds.hifob);
    if (funds.hifmiShare !== null) out.hifmi_base = add(a.hifmi_base, funds.hifmiShare);
    out.hifmi_pay = add(a.hifmi_pay, funds.hifmi);
    out.maf_pay = add(a.maf_pay, funds.maf);
  } else if (req.setl_type === 'outpatient') {
    out.outpatient_dedc = add(a.outpatient_dedc, funds.deductible);
    out.outpatient_fund = add(a.outpatient_fund, funds.hifp);
  } else {
    const code = req.dise_codg!;
    out.chronic_dedc[code] = add(a.chronic_dedc[code], funds.deductible);
    out.chronic_fund[code] = add(a.chronic_fund[code], funds.hifp);
  }
  return out;
}
