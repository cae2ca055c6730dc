// settle/v2 Step 3: the two funds that pay after the basic funds on a medical inpatient settlement —
// residents' serious-illness insurance (大病保险, hifmi_pay) and medical assistance (医疗救助, maf_pay).
import { Decimal, ZERO, formatAmount as f, maxDecimal, minDecimal, round2 } from '../money';
import { pct } from './funds';
import type { TraceEntry } from './result';
import type { SettleRequest } from './schema';

export interface SeriousIllness {
  hifmi: Decimal;
  /** The in-policy amount the basic funds did not pay: added to accumulators.hifmi_base. */
  share: Decimal;
  trace: TraceEntry[];
}

/**
 * Serious illness, residents (insutype 390) only and only when the insured place's policy has it; an
 * employee request ignores it (contract settle/v2). share = inscp − hifp − hifob is added to the
 * year's cumulative qualifying amount c0 → c1; each band above the threshold pays its part of
 * (c0, c1] at its ratio, no reduction; round2 of the lesser of that and the cap left.
 */
export function seriousIllnessFunds(
  req: SettleRequest,
  inscp: Decimal,
  hifp: Decimal,
  hifob: Decimal,
): SeriousIllness | null {
  const policy = req.policy?.serious_illness;
  if (req.person.insutype !== '390' || policy === undefined) return null;
  const acc = req.accumulators;
  const share = maxDecimal(ZERO, inscp.minus(hifp).minus(hifob));
  const c0 = new Decimal(acc.hifmi_base);
  const c1 = c0.plus(share);
  const threshold = new Decimal(policy.threshold);

  let previous = threshold;
  let raw = ZERO;
  const parts: { zh: string; en: string }[] = [];
  for (const band of policy.bands) {
    const upto = band.upto === null ? null : new Decimal(band.upto);
    const start = maxDecimal(previous, c0);
    const end = upto === null ? c1 : minDecimal(upto, c1);
    if (end.gt(start)) {
      const ratio = new Decimal(band.ratio);
      const pay = end.minus(start).times(ratio);
      raw = raw.plus(pay);
      parts.push({
        zh: `${f(start)}–${f(end)}部分${f(end.minus(start))} × ${pct(ratio)} = ${pay.toDecimalPlaces(4).toString()}`,
        en: `${f(start)}–${f(end)}: ${f(end.minus(start))} × ${pct(ratio)} = ${pay.toDecimalPlaces(4).toString()}`,
      });
    }
    if (upto === null || upto.gte(c1)) break;
    previous = upto;
  }
  const capLeft = maxDecimal(ZERO, new Decimal(policy.annual_cap).minus(acc.hifmi_pay));
  const hifmi = round2(minDecimal(raw, capLeft));
  const head = {
    zh: `大病保险：基本医保未支付的政策范围内费用${f(share)}计入年度累计合规费用（${f(c0)} → ${f(c1)}）`,
    en: `Serious-illness insurance: the in-policy amount the basic funds did not pay, ${f(share)}, is added to the year's qualifying amount (${f(c0)} → ${f(c1)})`,
  };
  const body =
    parts.length === 0
      ? {
          zh: `，未超过起付线${f(threshold)}，不支付`,
          en: `, not above the threshold of ${f(threshold)}: nothing paid`,
        }
      : {
          zh: `，累计合规费用超过起付线${f(threshold)}部分：${parts.map((p) => p.zh).join('；')}；年度限额余${f(capLeft)}，支付${f(hifmi)}`,
          en: `; above the threshold of ${f(threshold)}: ${parts.map((p) => p.en).join('; ')}; ${f(capLeft)} left under the annual cap: pays ${f(hifmi)}`,
        };
  return {
    hifmi,
    share,
    trace: [
      { step: 'serious_illness', rule: 'SERIOUS_ILLNESS', zh: head.zh + body.zh, en: head.en + body.en },
    ],
  };
}

const ASSISTANCE_LABEL: Record<string, [string, string]> = {
  low_income: ['低收入人口', 'low-income'],
  extreme_poverty: ['特困人员', 'extreme poverty'],
};

/**
 * Medical assistance, when `person.assistance` is a key of the policy's ratio table (an unknown key
 * pays nothing): base = the in-policy amount no other fund paid; round2 of the lesser of base × ratio
 * and the cap left (contract settle/v2).
 */
export function medicalAssistanceFunds(
  req: SettleRequest,
  inscp: Decimal,
  paidByOthers: Decimal,
): { maf: Decimal; trace: TraceEntry[] } | null {
  const key = req.person.assistance;
  if (key === undefined) return null;
  const [zhKey, enKey] = ASSISTANCE_LABEL[key] ?? [key, key];
  const policy = req.policy?.medical_assistance;
  if (policy === undefined || !Object.hasOwn(policy.ratio, key)) {
    return {
      maf: ZERO,
      trace: [
        {
          step: 'medical_assistance',
          rule: 'ASSISTANCE_NOT_IN_POLICY',
          zh: `医疗救助：参保地政策无“${zhKey}”救助类别，不支付`,
          en: `Medical assistance: the insured place's policy has no "${enKey}" category: nothing paid`,
        },
      ],
    };
  }
  const ratio = new Decimal(policy.ratio[key]!);
  const base = maxDecimal(ZERO, inscp.minus(paidByOthers));
  const capLeft = maxDecimal(ZERO, new Decimal(policy.annual_cap).minus(req.accumulators.maf_pay));
  const raw = base.times(ratio);
  const maf = round2(minDecimal(raw, capLeft));
  return {
    maf,
    trace: [
      {
        step: 'medical_assistance',
        rule: 'MEDICAL_ASSISTANCE',
        zh: `医疗救助（${zhKey}）：其他基金未支付的政策范围内费用${f(base)} × ${pct(ratio)} = ${raw.toDecimalPlaces(4).toString()}，年度限额余${f(capLeft)}，支付${f(maf)}`,
        en: `Medical assistance (${enKey}): the in-policy amount no other fund paid, ${f(base)} × ${pct(ratio)} = ${raw.toDecimalPlaces(4).toString()}, ${f(capLeft)} left under the annual cap: pays ${f(maf)}`,
      },
    ],
  };
}
