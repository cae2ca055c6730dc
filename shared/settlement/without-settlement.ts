// A person's year-to-date figures without one settlement's effect: current − (after − before), field
// by field, in exact decimals, never below zero — what a cancel (红冲, 2305) does to them, so the
// figures are as if the settlement had not happened even when others came after it. Every field of
// the accumulators is treated alike by its kind (a count, an amount, a map of amounts by disease), so
// a field added to the contract is undone with the rest without a change here. The year stays.
import { Decimal, formatAmount } from '../money';
import { accumulatorsSchema, type Accumulators } from './schema';

type AccumulatorsInput = Parameters<typeof accumulatorsSchema.parse>[0];

const dec = (v: unknown) => new Decimal(typeof v === 'string' ? v : '0');

export function withoutSettlement(
  current: AccumulatorsInput,
  before: AccumulatorsInput,
  after: AccumulatorsInput,
): Accumulators {
  const [c, b, a] = [current, before, after].map((x) => accumulatorsSchema.parse(x ?? {})) as [
    Accumulators,
    Accumulators,
    Accumulators,
  ];
  const out: Record<string, unknown> = { ...c };
  for (const key of Object.keys(c) as (keyof Accumulators)[]) {
    if (key === 'year') continue;
    const [cv, bv, av] = [c[key], b[key], a[key]];
    if (typeof cv === 'number') {
      out[key] = Math.max(0, cv - ((av as number) - (bv as number)));
    } else if (typeof cv === 'string') {
      out[key] = formatAmount(Decimal.max(dec(cv).minus(dec(av).minus(dec(bv))), 0));
    } else if (cv && typeof cv === 'object') {
      const maps = [cv, bv, av] as Record<string, string>[];
      const codes = new Set(maps.flatMap((m) => Object.keys(m)));
      out[key] = Object.fromEntries(
        [...codes].map((k) => [
          k,
          formatAmount(Decimal.max(dec(maps[0]![k]).minus(dec(maps[2]![k]).minus(dec(maps[1]![k]))), 0)),
        ]),
      );
    }
  }
  return out as Accumulators;
}
