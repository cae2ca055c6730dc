import { Decimal, ZERO, formatAmount as f, maxDecimal, minDecimal, round2 } from '../money';
import type { TraceEntry } from './result';
import type { SettleRequest } from './schema';

export interface Funds {
  /** 起付线 paid in this settlement. */
  deductible: Decimal;
  hifp: Decimal;
  hifob: Decimal;
  trace: TraceEntry[];
}

const pct = (ratio: Decimal): string => `${ratio.times(100).toString()}%`;
const effective = (ratio: string | Decimal, reduction: Decimal): Decimal =>
  maxDecimal(ZERO, new Decimal(ratio).minus(reduction));

/** Work injury pays by item: the whole in-policy amount, no deductible, ratio or cap (contract step 3). */
export function workInjuryFunds(inscp: Decimal): Funds {
  return {
    deductible: ZERO,
    hifp: inscp,
    hifob: ZERO,
    trace: [
      {
        step: 'funds',
        rule: 'WI_FULL',
        zh: `工伤保险基金按项目支付政策范围内费用${f(inscp)}，不设起付线和比例；伙食补助费、交通费回参保地报销`,
        en: `The work-injury fund pays the in-policy amount ${f(inscp)} by item, no deductible or ratio; meals and transport are claimed at the insured place`,
      },
    ],
  };
}

interface Segment {
  start: Decimal;
  end: Decimal;
  ratio: Decimal;
}

/** Medical inpatient (contract step 3): deductible by admissions, bands, annual cap with the over-cap walk, large-amount layer. */
export function inpatientFunds(req: SettleRequest, inscp: Decimal, reduction: Decimal): Funds {
  const policy = req.policy!.inpatient!;
  const acc = req.accumulators;
  const lv = String(req.institution.hosp_lv) as '1' | '2' | '3';
  const cat = req.person.category;
  const trace: TraceEntry[] = [];

  const factors = policy.deductible_factors;
  const factor = new Decimal(factors[Math.min(acc.inpatient_admissions, factors.length - 1)]!);
  const fullDeductible = new Decimal(policy.deductible[lv]);
  const deductible = minDecimal(round2(fullDeductible.times(factor)), inscp);
  trace.push({
    step: 'deductible',
    rule: 'INPATIENT_DEDUCTIBLE',
    zh: `起付线：${lv}级医院${f(fullDeductible)} × ${factor.toString()}（本年已住院${acc.inpatient_admissions}次）= ${f(round2(fullDeductible.times(factor)))}，本次${f(deductible)}`,
    en: `Deductible: level ${lv} hospital ${f(fullDeductible)} × ${factor.toString()} (${acc.inpatient_admissions} admissions this year) = ${f(round2(fullDeductible.times(factor)))}; this settlement ${f(deductible)}`,
  });

  // Bands cover (upto[i−1], upto[i]] of the in-policy amount; only the part above the deductible pays.
  const segments: Segment[] = [];
  let previous = ZERO;
  let raw = ZERO;
  for (const band of policy.bands) {
    const upto = band.upto === null ? null : new Decimal(band.upto);
    const start = maxDecimal(previous, deductible);
    const end = upto === null ? inscp : minDecimal(upto, inscp);
    if (end.gt(start)) {
      const ratio = effective(band.ratio[cat][lv], reduction);
      const pay = end.minus(start).times(ratio);
      segments.push({ start, end, ratio });
      raw = raw.plus(pay);
      trace.push({
        step: 'band',
        rule: 'BAND',
        zh: `${f(start)}–${f(end)}段：${f(end.minus(start))} × ${pct(ratio)} = ${pay.toDecimalPlaces(4).toString()}`,
        en: `Band ${f(start)}–${f(end)}: ${f(end.minus(start))} × ${pct(ratio)} = ${pay.toDecimalPlaces(4).toString()}`,
      });
    }
    if (upto === null || upto.gte(inscp)) break;
    previous = upto;
  }

  const remaining = maxDecimal(ZERO, new Decimal(policy.annual_cap).minus(acc.hifp_pay));
  if (raw.lte(remaining)) {
    trace.push({
      step: 'cap',
      rule: 'WITHIN_CAP',
      zh: `统筹基金支付${f(round2(raw))}（年度最高支付限额${f(policy.annual_cap)}，本年已付${f(acc.hifp_pay)}，未超限）`,
      en: `Pooled fund pays ${f(round2(raw))} (annual cap ${f(policy.annual_cap)}, ${f(acc.hifp_pay)} paid this year: within the cap)`,
    });
    return { deductible, hifp: round2(raw), hifob: ZERO, trace };
  }

  // Over the cap: the fund pays what remains; X is where the bands, walked upward, have paid it.
  let paid = ZERO;
  let capPoint = inscp;
  for (const s of segments) {
    if (paid.gte(remaining)) {
      capPoint = s.start;
      break;
    }
    const pay = s.end.minus(s.start).times(s.ratio);
    if (s.ratio.gt(0) && paid.plus(pay).gte(remaining)) {
      capPoint = s.start.plus(remaining.minus(paid).dividedBy(s.ratio));
      break;
    }
    paid = paid.plus(pay);
  }
  const overCap = inscp.minus(capPoint);
  trace.push({
    step: 'cap',
    rule: 'OVER_CAP',
    zh: `年度最高支付限额${f(policy.annual_cap)}，本年已付${f(acc.hifp_pay)}，仅余${f(remaining)}：统筹基金支付${f(remaining)}，超限额的政策范围内费用${overCap.toDecimalPlaces(4).toString()}`,
    en: `Annual cap ${f(policy.annual_cap)} with ${f(acc.hifp_pay)} paid leaves ${f(remaining)}: the pooled fund pays ${f(remaining)}; in-policy amount over the cap ${overCap.toDecimalPlaces(4).toString()}`,
  });

  let hifob = ZERO;
  const large = req.policy!.large_amount;
  if (large && overCap.gt(0)) {
    const ratio = effective(large.ratio, reduction);
    const largeLeft = maxDecimal(ZERO, new Decimal(large.annual_cap).minus(acc.large_pay));
    hifob = round2(minDecimal(overCap.times(ratio), largeLeft));
    trace.push({
      step: 'large_amount',
      rule: 'LARGE_AMOUNT',
      zh: `大额（大病）保险：${overCap.toDecimalPlaces(4).toString()} × ${pct(ratio)}，限额余${f(largeLeft)}，支付${f(hifob)}`,
      en: `Large-amount layer: ${overCap.toDecimalPlaces(4).toString()} × ${pct(ratio)}, ${f(largeLeft)} left under its cap: pays ${f(hifob)}`,
    });
  }
  return { deductible, hifp: remaining, hifob, trace };
}

/** Outpatient and chronic outpatient (contract step 3): annual deductible left, one ratio, annual cap left. */
export function outpatientFunds(req: SettleRequest, inscp: Decimal, reduction: Decimal): Funds {
  const acc = req.accumulators;
  const lv = String(req.institution.hosp_lv) as '1' | '2' | '3';
  let annualDeductible: string,
    ratioValue: string,
    cap: string,
    dedcSoFar: string,
    fundSoFar: string,
    label: [string, string];
  if (req.setl_type === 'chronic_outpatient') {
    const code = req.dise_codg!;
    const disease = req.policy!.chronic!.diseases[code]!;
    [annualDeductible, ratioValue, cap] = [disease.annual_deductible, disease.ratio, disease.annual_limit];
    [dedcSoFar, fundSoFar] = [acc.chronic_dedc[code] ?? '0', acc.chronic_fund[code] ?? '0'];
    label = [`门诊慢特病${disease.name}（${code}）`, `chronic disease ${code}`];
  } else {
    const op = req.policy!.outpatient!;
    [annualDeductible, ratioValue, cap] = [
      op.annual_deductible,
      op.ratio[req.person.category][lv],
      op.annual_cap,
    ];
    [dedcSoFar, fundSoFar] = [acc.outpatient_dedc, acc.outpatient_fund];
    label = ['普通门诊', 'outpatient'];
  }
  const deductibleLeft = maxDecimal(ZERO, new Decimal(annualDeductible).minus(dedcSoFar));
  const deductible = minDecimal(deductibleLeft, inscp);
  const ratio = effective(ratioValue, reduction);
  const capLeft = maxDecimal(ZERO, new Decimal(cap).minus(fundSoFar));
  const raw = inscp.minus(deductible).times(ratio);
  const hifp = round2(minDecimal(raw, capLeft));
  return {
    deductible,
    hifp,
    hifob: ZERO,
    trace: [
      {
        step: 'deductible',
        rule: 'ANNUAL_DEDUCTIBLE',
        zh: `${label[0]}年度起付线${f(annualDeductible)}，本年已付${f(dedcSoFar)}，本次${f(deductible)}`,
        en: `${label[1]} annual deductible ${f(annualDeductible)}, ${f(dedcSoFar)} paid this year: ${f(deductible)} now`,
      },
      {
        step: 'funds',
        rule: 'OUTPATIENT_RATIO',
        zh: `统筹基金：(${f(inscp)} − ${f(deductible)}) × ${pct(ratio)} = ${raw.toDecimalPlaces(4).toString()}，年度限额余${f(capLeft)}，支付${f(hifp)}`,
        en: `Pooled fund: (${f(inscp)} − ${f(deductible)}) × ${pct(ratio)} = ${raw.toDecimalPlaces(4).toString()}, ${f(capLeft)} left under the annual limit: pays ${f(hifp)}`,
      },
    ],
  };
}
