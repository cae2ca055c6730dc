import { Decimal, ZERO, formatAmount as f, maxDecimal, minDecimal, round2 } from '../money';
import type { TraceEntry } from './result';
import type { SettleRequest } from './schema';

export interface Funds {
  /** 起付线 paid in this settlement. */
  deductible: Decimal;
  hifp: Decimal;
  hifob: Decimal;
  /** settle/v2: serious illness (大病保险) and medical assistance (医疗救助); 0 outside medical inpatient. */
  hifmi: Decimal;
  maf: Decimal;
  /** settle/v2: what this settlement adds to accumulators.hifmi_base; null when serious illness does not apply. */
  hifmiShare: Decimal | null;
  trace: TraceEntry[];
}

export const NO_FUNDS: Funds = {
  deductible: ZERO,
  hifp: ZERO,
  hifob: ZERO,
  hifmi: ZERO,
  maf: ZERO,
  hifmiShare: null,
  trace: [],
};

export const pct = (ratio: Decimal): string => `${ratio.times(100).toString()}%`;
export const effective = (ratio: string | Decimal, reduction: Decimal): Decimal =>
  maxDecimal(ZERO, new Decimal(ratio).minus(reduction));

/**
 * Work injury pays by item: the whole in-policy amount, no deductible, ratio or cap (contract step 3).
 * A mid-stay part (settle/v2 `stay`, e.g. a long rehabilitation stay settled monthly) pays the same way.
 */
export function workInjuryFunds(req: SettleRequest, inscp: Decimal): Funds {
  const part = req.stay?.part;
  const head =
    part === undefined
      ? { zh: '', en: '' }
      : { zh: `中途结算第${part}段：`, en: `Mid-stay settlement, part ${part}: ` };
  return {
    ...NO_FUNDS,
    hifp: inscp,
    trace: [
      {
        step: 'funds',
        rule: 'WI_FULL',
        zh: `${head.zh}工伤保险基金按项目支付政策范围内费用${f(inscp)}，不设起付线和比例；伙食补助费、交通费回参保地报销`,
        en: `${head.en}The work-injury fund pays the in-policy amount ${f(inscp)} by item, no deductible or ratio; meals and transport are claimed at the insured place`,
      },
    ],
  };
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
    ...NO_FUNDS,
    deductible,
    hifp,
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
