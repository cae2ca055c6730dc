import { Decimal, ZERO, formatAmount as f, maxDecimal, minDecimal, round2 } from '../money';
import { NO_FUNDS, effective, pct, type Funds } from './funds';
import { medicalAssistanceFunds, seriousIllnessFunds } from './funds-layers';
import type { TraceEntry } from './result';
import type { Policy, SettleRequest } from './schema';

interface Segment {
  start: Decimal;
  end: Decimal;
  ratio: Decimal;
}

const exact = (d: Decimal): string => d.toDecimalPlaces(4).toString();

/**
 * A stay's deductible (contract step 3.1): round2(`deductible[lv]` × `deductible_factors[min(admissions,
 * len−1)]`), by the admissions before it. A mid-stay part ≥ 2 carries what the earlier parts left of
 * it (`stay.dedc_left`), which a station and the platform work out from part 1 with this function.
 */
export function inpatientDeductible(
  policy: NonNullable<Policy['inpatient']>,
  lv: '1' | '2' | '3',
  admissions: number,
): { full: Decimal; factor: Decimal; deductible: Decimal } {
  const factors = policy.deductible_factors;
  const factor = new Decimal(factors[Math.min(admissions, factors.length - 1)]!);
  const full = new Decimal(policy.deductible[lv]);
  return { full, factor, deductible: round2(full.times(factor)) };
}

/**
 * The deductible of this settlement and where it sits on the stay's cumulative in-policy amount.
 * v1 (no `stay`, or part 1): the deductible by prior admissions, from 0. settle/v2 mid-stay part ≥ 2:
 * what the earlier parts left (`stay.dedc_left`, no factor lookup), from `stay.inscp_before`.
 */
function deductibleOf(req: SettleRequest, inscp: Decimal, trace: TraceEntry[]): [Decimal, Decimal] {
  const policy = req.policy!.inpatient!;
  const lv = String(req.institution.hosp_lv) as '1' | '2' | '3';
  const stay = req.stay;
  if (stay !== undefined && stay.part >= 2) {
    const before = new Decimal(stay.inscp_before!);
    const deductible = minDecimal(new Decimal(stay.dedc_left!), inscp);
    trace.push({
      step: 'deductible',
      rule: 'MID_STAY_PART',
      zh: `中途结算第${stay.part}段：起付线取前段未付的${f(stay.dedc_left!)}，本次${f(deductible)}；分段按整次住院累计的政策范围内费用计算（此前各段累计${f(before)}），不计为新的住院次数`,
      en: `Mid-stay settlement, part ${stay.part}: the deductible is what the earlier parts left, ${f(stay.dedc_left!)}, ${f(deductible)} now; bands apply to the stay's cumulative in-policy amount (${f(before)} before this part); not a new admission`,
    });
    return [deductible, before];
  }
  const admissions = req.accumulators.inpatient_admissions;
  const { full, factor, deductible: byFactor } = inpatientDeductible(policy, lv, admissions);
  const deductible = minDecimal(byFactor, inscp);
  const part1 =
    stay !== undefined ? { zh: '中途结算第1段，', en: 'Mid-stay settlement, part 1. ' } : { zh: '', en: '' };
  trace.push({
    step: 'deductible',
    rule: 'INPATIENT_DEDUCTIBLE',
    zh: `${part1.zh}起付线：${lv}级医院${f(full)} × ${factor.toString()}（本年已住院${admissions}次）= ${f(byFactor)}，本次${f(deductible)}`,
    en: `${part1.en}Deductible: level ${lv} hospital ${f(full)} × ${factor.toString()} (${admissions} admissions this year) = ${f(byFactor)}; this settlement ${f(deductible)}`,
  });
  return [deductible, ZERO];
}

/**
 * Medical inpatient (contract step 3, with settle/v2's mid-stay walk): deductible, bands over the
 * range (B + act_pay_dedc, B + inscp] of the stay's cumulative in-policy amount (B = 0 without a
 * stay), the annual cap with the over-cap walk, the large-amount layer; then serious illness and
 * medical assistance on what the basic funds left.
 */
export function inpatientFunds(req: SettleRequest, inscp: Decimal, reduction: Decimal): Funds {
  const policy = req.policy!.inpatient!;
  const acc = req.accumulators;
  const lv = String(req.institution.hosp_lv) as '1' | '2' | '3';
  const cat = req.person.category;
  const trace: TraceEntry[] = [];
  const [deductible, before] = deductibleOf(req, inscp, trace);
  const lo = before.plus(deductible);
  const hi = before.plus(inscp);

  // Band i covers (upto[i−1], upto[i]] of the cumulative amount; this settlement pays its part of (lo, hi].
  const segments: Segment[] = [];
  let previous = ZERO;
  let raw = ZERO;
  for (const band of policy.bands) {
    const upto = band.upto === null ? null : new Decimal(band.upto);
    const start = maxDecimal(previous, lo);
    const end = upto === null ? hi : minDecimal(upto, hi);
    if (end.gt(start)) {
      const ratio = effective(band.ratio[cat][lv], reduction);
      const pay = end.minus(start).times(ratio);
      segments.push({ start, end, ratio });
      raw = raw.plus(pay);
      trace.push({
        step: 'band',
        rule: 'BAND',
        zh: `${f(start)}–${f(end)}段：${f(end.minus(start))} × ${pct(ratio)} = ${exact(pay)}`,
        en: `Band ${f(start)}–${f(end)}: ${f(end.minus(start))} × ${pct(ratio)} = ${exact(pay)}`,
      });
    }
    if (upto === null || upto.gte(hi)) break;
    previous = upto;
  }

  const remaining = maxDecimal(ZERO, new Decimal(policy.annual_cap).minus(acc.hifp_pay));
  let hifp: Decimal;
  let hifob = ZERO;
  if (raw.lte(remaining)) {
    hifp = round2(raw);
    trace.push({
      step: 'cap',
      rule: 'WITHIN_CAP',
      zh: `统筹基金支付${f(hifp)}（年度最高支付限额${f(policy.annual_cap)}，本年已付${f(acc.hifp_pay)}，未超限）`,
      en: `Pooled fund pays ${f(hifp)} (annual cap ${f(policy.annual_cap)}, ${f(acc.hifp_pay)} paid this year: within the cap)`,
    });
  } else {
    hifp = remaining;
    const overCap = hi.minus(capPoint(segments, remaining, hi));
    trace.push({
      step: 'cap',
      rule: 'OVER_CAP',
      zh: `年度最高支付限额${f(policy.annual_cap)}，本年已付${f(acc.hifp_pay)}，仅余${f(remaining)}：统筹基金支付${f(remaining)}，超限额的政策范围内费用${exact(overCap)}`,
      en: `Annual cap ${f(policy.annual_cap)} with ${f(acc.hifp_pay)} paid leaves ${f(remaining)}: the pooled fund pays ${f(remaining)}; in-policy amount over the cap ${exact(overCap)}`,
    });
    const large = req.policy!.large_amount;
    if (large && overCap.gt(0)) {
      const ratio = effective(large.ratio, reduction);
      const largeLeft = maxDecimal(ZERO, new Decimal(large.annual_cap).minus(acc.large_pay));
      hifob = round2(minDecimal(overCap.times(ratio), largeLeft));
      trace.push({
        step: 'large_amount',
        rule: 'LARGE_AMOUNT',
        zh: `职工大额医疗费用补助：${exact(overCap)} × ${pct(ratio)}，限额余${f(largeLeft)}，支付${f(hifob)}`,
        en: `Large-amount layer: ${exact(overCap)} × ${pct(ratio)}, ${f(largeLeft)} left under its cap: pays ${f(hifob)}`,
      });
    }
  }

  const serious = seriousIllnessFunds(req, inscp, hifp, hifob);
  const hifmi = serious?.hifmi ?? ZERO;
  const maf = medicalAssistanceFunds(req, inscp, hifp.plus(hifob).plus(hifmi));
  trace.push(...(serious?.trace ?? []), ...(maf?.trace ?? []));
  return {
    ...NO_FUNDS,
    deductible,
    hifp,
    hifob,
    hifmi,
    maf: maf?.maf ?? ZERO,
    hifmiShare: serious?.share ?? null,
    trace,
  };
}

/**
 * X, the point of the cumulative amount at which the bands, walked upward, have paid `remaining`
 * (contract step 3.3: X = segment start + (remaining − paid so far) / segment ratio). When nothing
 * remains, X is the start of the first paying segment.
 */
function capPoint(segments: readonly Segment[], remaining: Decimal, hi: Decimal): Decimal {
  let paid = ZERO;
  for (const s of segments) {
    if (paid.gte(remaining)) return s.start;
    const pay = s.end.minus(s.start).times(s.ratio);
    if (s.ratio.gt(0) && paid.plus(pay).gte(remaining)) {
      return s.start.plus(remaining.minus(paid).dividedBy(s.ratio));
    }
    paid = paid.plus(pay);
  }
  return hi;
}
