import { Decimal, ZERO, formatAmount as f, minDecimal } from '../money';
import { accumulatorsAfter } from './accumulators';
import { checkEligibility } from './eligibility';
import { NO_FUNDS, outpatientFunds, workInjuryFunds, type Funds } from './funds';
import { inpatientFunds } from './funds-inpatient';
import { computeItems } from './items';
import {
  FUND_PAY_TYPES,
  type SetldetailRow,
  type SettleResult,
  type Setlinfo,
  type TraceEntry,
} from './result';
import type { SettleRequest } from './schema';
import { setldetail } from './settlement-list';
import { checkRules, parseChecked, type LineNumbers } from './validate';

/**
 * settle/v2: the one pure function the station runs offline and the platform runs to recompute an
 * upload (settlement-contract.md). Requests marked settle/v1 or settle/v2 both settle by v2 rules and
 * their contract is echoed. Validates first — invalid input throws InvalidInputError and settles
 * nothing — then eligibility, items, funds and the person's share.
 */
export function settle(input: unknown): SettleResult {
  const { req, numbers } = parseChecked(input);
  return settleChecked(req, numbers);
}

/** settle() for a request already returned by parseSettleRequest(). */
export function settleParsed(req: SettleRequest): SettleResult {
  return settleChecked(req, undefined);
}

/**
 * settle() for a request built of parts each already parsed by its own schema (the platform's
 * recomputation: the upload's lines and circumstances, its own person, policy and catalog entries,
 * each parsed once per batch): the same result and the same InvalidInputError for a broken rule as
 * settle(), without parsing the whole request a second time.
 */
export function settleShaped(req: SettleRequest): SettleResult {
  return settleChecked(req, checkRules(req));
}

function settleChecked(req: SettleRequest, numbers: LineNumbers | undefined): SettleResult {
  const eligibility = checkEligibility(req);
  const { items, totals, summary, trace: itemTrace } = computeItems(req, numbers);
  const trace: TraceEntry[] = [...eligibility.trace, ...itemTrace];
  const refused = eligibility.refusal.length > 0;

  let funds: Funds = NO_FUNDS;
  if (!refused) {
    if (req.scheme === 'work_injury') funds = workInjuryFunds(req, totals.inscp);
    else if (req.setl_type === 'inpatient') funds = inpatientFunds(req, totals.inscp, eligibility.reduction);
    else funds = outpatientFunds(req, totals.inscp, eligibility.reduction);
  }
  trace.push(...funds.trace);

  // Step 4: the person's share. A refused settlement pays nothing from any fund or account.
  const fund = funds.hifp.plus(funds.hifob).plus(funds.hifmi).plus(funds.maf);
  const personPart = totals.medfee.minus(fund);
  const balance = new Decimal(req.accumulators.acct_balance);
  const acct = !refused && req.scheme === 'medical' && req.acct_used ? minDecimal(balance, personPart) : ZERO;
  const cash = personPart.minus(acct);
  const detail = refused ? [] : setldetail(req, funds);
  trace.push(personTrace(refused, { fund, detail }, personPart, acct, cash, balance, req));

  const setlinfo: Setlinfo = {
    medfee_sumamt: f(totals.medfee),
    fulamt_ownpay_amt: f(totals.fulamt),
    overlmt_selfpay: f(totals.overlmt),
    preselfpay_amt: f(totals.preselfpay),
    inscp_scp_amt: f(totals.inscp),
    act_pay_dedc: f(funds.deductible),
    hifp_pay: f(funds.hifp),
    hifob_pay: f(funds.hifob),
    hifmi_pay: f(funds.hifmi),
    maf_pay: f(funds.maf),
    fund_pay_sumamt: f(fund),
    psn_part_amt: f(personPart),
    acct_pay: f(acct),
    psn_cash_pay: f(cash),
  };
  const result: SettleResult = {
    contract: req.contract,
    status: refused ? 'refused' : 'settled',
    refusal: eligibility.refusal,
    setlinfo,
    items,
    accumulators_after: accumulatorsAfter(req, refused, funds, acct),
    reduction: eligibility.reduction.toString(),
    cross_province: eligibility.crossProvince,
    trace,
  };
  // The settlement list's fund detail and fee table describe a settlement: settled results only.
  if (!refused) {
    result.setldetail = detail;
    result.chrgitm_summary = summary.rows();
  }
  if (eligibility.waived.length > 0) result.emergency_waived = eligibility.waived;
  if (req.stay !== undefined) result.stay_part = req.stay.part;
  return result;
}

function personTrace(
  refused: boolean,
  { fund, detail }: { fund: Decimal; detail: SetldetailRow[] },
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
  // With more than one fund paying, name each (the settlement list's fund detail, in its order).
  const byFund =
    detail.length > 1
      ? {
          zh: `（${detail.map((d) => `${FUND_PAY_TYPES[d.fund_pay_type][2]}${d.fund_payamt}`).join('、')}）`,
          en: ` (${detail.map((d) => `${FUND_PAY_TYPES[d.fund_pay_type][3]} ${d.fund_payamt}`).join(', ')})`,
        }
      : { zh: '', en: '' };
  return {
    step: 'person',
    rule: 'PERSON_SHARE',
    zh: `基金共支付${f(fund)}${byFund.zh}，个人负担${f(part)}${acctNote.zh}，现金支付${f(cash)}`,
    en: `Funds pay ${f(fund)} in all${byFund.en}; the person's share is ${f(part)}${acctNote.en}; cash at the counter ${f(cash)}`,
  };
}
