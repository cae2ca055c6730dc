// Undoing a settlement's effect on the accumulators (2305): current − (after − before), field by
// field, exact decimals. Used so a cancellation leaves the accumulators as if the settlement had not
// happened, even when other settlements of the person came after it.

import { Decimal, formatAmount } from '../../shared/money';
import type { Accumulators } from '../../shared/settlement';

type Acc = Partial<Accumulators> & { year?: number };

// Every amount of the accumulators (shared/settlement accumulatorsSchema), settle/v2's serious-illness
// base and payments and medical assistance included: a cancelled settlement gives each one back.
const AMOUNTS = [
  'hifp_pay',
  'large_pay',
  'outpatient_dedc',
  'outpatient_fund',
  'acct_balance',
  'hifmi_base',
  'hifmi_pay',
  'maf_pay',
] as const satisfies readonly (keyof Accumulators)[];
const MAPS = ['chronic_dedc', 'chronic_fund'] as const;

function dec(v: string | undefined): Decimal {
  return new Decimal(v ?? '0');
}

export function revertAccumulators(current: Acc, before: Acc, after: Acc): Acc {
  const out: Acc = { ...current };
  out.inpatient_admissions = Math.max(
    0,
    (current.inpatient_admissions ?? 0) -
      ((after.inpatient_admissions ?? 0) - (before.inpatient_admissions ?? 0)),
  );
  for (const f of AMOUNTS) {
    const v = dec(current[f]).minus(dec(after[f]).minus(dec(before[f])));
    out[f] = formatAmount(Decimal.max(v, 0));
  }
  for (const f of MAPS) {
    const keys = new Set([...Object.keys(current[f] ?? {}), ...Object.keys(after[f] ?? {})]);
    const map: Record<string, string> = {};
    for (const k of keys) {
      const v = dec(current[f]?.[k]).minus(dec(after[f]?.[k]).minus(dec(before[f]?.[k])));
      map[k] = formatAmount(Decimal.max(v, 0));
    }
    out[f] = map;
  }
  return out;
}
