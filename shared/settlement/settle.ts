import { Decimal, ZERO, formatAmount as f, minDecimal } from '../money';
import { checkEligibility } from './eligibility';
import { inpatientFunds, outpatientFunds, workInjuryFunds, type Funds } from './funds';
import { computeItems } from './items';
import type { ResultAccumulators, SettleResult, Setlinfo, TraceEntry } from './result';
import type { SettleRequest } from './schema';
import { parseSettleRequest } from './validate';

/**
 * settle/v1: the one pure function the station runs offline and the platform runs to recompute an
 * upload (settlement-contract.md). Validates first — invalid input throws InvalidInputError and settles
 * nothing — then eligibility, items, funds and the person's share.
 */
export function settle(input: unknown): SettleResult {
  return settleParsed(parseSettleRequest(input));
}

/** settle() for a request already returned by parseSettleRequest(). */
export function settleParsed(req: SettleRequest): SettleResult {
  const eligibility = checkEligibility(req);
  const { items, totals, trace: itemTrace } = computeItems(req);
  const trace: TraceEntry[] = [...eligibility.trace, ...itemTrace];
  const refused = eligibility.refusal.length > 0;

  let funds: Funds = { deductible: ZERO, hifp: ZERO, hifob: ZERO, trace: [] };
  if (!refused) {
    if (req.scheme === 'work_injury') funds = workInjuryFunds(totals.inscp);
    else if (req.setl_type === 'inpatient') funds = inpatientFunds(req, totals.inscp, eligibility.reduction);
    else funds = outpatientFunds(req, totals.inscp, eligibility.reduction);
  }
  trace.push(...funds.trace);

  // Step 4: the person's share. A refused settlement pays nothing from any fund or account.
  const fund = funds.hifp.plus(funds.hifob);
  const personPart = totals.medfee.minus(fund);
  const balance = new Decimal(req.accumulators.acct_balance);
  const acct = !refused && req.scheme === 'medical' && req.acct_used ? minDecimal(balance, personPart) : ZERO;
  const cash = personPart.minus(acct);
  trace.push(personTrace(refused, fund, personPart, acct, cash, balance, req));

  const setlinfo: Setlinfo = {
    medfee_sumamt: f(totals.medfee),
    fulamt_ownpay_amt: f(totals.fulamt),
    overlmt_selfpay: f(totals.overlmt),
    preselfpay_amt: f(totals.preselfpay),
    inscp_scp_amt: f(totals.inscp),
    act_pay_dedc: f(funds.deductible),
    hifp_pay: f(funds.hifp),
    hifob_pay: f(funds.hifob),
    fund_pay_sumamt: f(fund),
    psn_part_amt: f(personPart),
    acct_pay: f(acct),
    psn_cash_pay: f(cash),
  };
  return {
    contract: 'settle/v1',
    status: refused ? 'refused' : 'settled',
    refusal: eligibility.refusal,
    setlinfo,
    items,
    accumulators_after: accumulatorsAfter(req, refused, funds, acct),
    reduction: eligibility.reduction.toString(),
    cross_province: eligibility.crossProvince,
    trace,
  };
}

function personTrace(
  refused: boolean,
  fund: Decimal,
  part: Decimal,
  acct: Decimal,
  cash: Decimal,
  balance: Decimal,
  req: SettleRequest,
): TraceEntry {
  if (refused) {
    return {
      step: 'person',
      rule: 'REFUSED_FULL_PAYMENT',
      zh: `不能直接结算：患者全额支付${f(part)}，可回参保地手工报销`,
      en: `Not settled directly: the patient pays the full ${f(part)} and may claim manual reimbursement at the insured place`,
    };
  }
  const acctNote =
    req.scheme === 'medical' && req.acct_used
      ? {
          zh: `，个人账户支付${f(acct)}（余额${f(balance)}）`,
          en: `, personal account pays ${f(acct)} (balance ${f(balance)})`,
        }
      : { zh: '', en: '' };
  return {
    step: 'person',
    rule: 'PERSON_SHARE',
    zh: `基金共支付${f(fund)}，个人负担${f(part)}${acctNote.zh}，现金支付${f(cash)}`,
    en: `Funds pay ${f(fund)} in all; the person's share is ${f(part)}${acctNote.en}; cash at the counter ${f(cash)}`,
  };
}

/** The year-to-date figures after this settlement, so the next settlement of the same person (offline too) sees them. */
function accumulatorsAfter(
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
  };
  if (refused || req.scheme !== 'medical') return out;
  const add = (x: string | undefined, y: Decimal) => f(new Decimal(x ?? '0').plus(y));
  if (req.setl_type === 'inpatient') {
    out.inpatient_admissions += 1;
    out.hifp_pay = add(a.hifp_pay, funds.hifp);
    out.large_pay = add(a.large_pay, funds.hifob);
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
