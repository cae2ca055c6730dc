import { Decimal, type DecimalValue } from './decimal';

/**
 * The one rounding of the project: ROUND_HALF_UP to the fen (0.01 yuan), as settlement-contract.md
 * ("Amounts") requires. Called only where the contract says a figure is rounded.
 */
export function round2(value: DecimalValue): Decimal {
  return toDecimal(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

// Hot path (50,000-line bills): reuse a Decimal instead of copying it.
const toDecimal = (value: DecimalValue): Decimal => (value instanceof Decimal ? value : new Decimal(value));

/** Exactly two decimals, as every result amount is written: "12.30". Rounds half up if needed. */
export function formatAmount(value: DecimalValue): string {
  const d = toDecimal(value);
  if (d.isZero()) return '0.00';
  if (d.decimalPlaces() > 2) return d.toFixed(2, Decimal.ROUND_HALF_UP);
  // Already exact to the fen (every settle/v1 amount is): padding the plain string is several times
  // faster than toFixed, which matters on 50,000-line bills. Plain, because toExpPos is 40.
  const s = d.toString();
  const point = s.indexOf('.');
  if (point < 0) return `${s}.00`;
  return s.length - point === 2 ? `${s}0` : s;
}

/** Exact sum (no rounding). */
export function sumAmounts(values: Iterable<DecimalValue>): Decimal {
  let total = new Decimal(0);
  for (const v of values) total = total.plus(v);
  return total;
}

/** Smallest / largest of two decimals. */
export const minDecimal = (a: Decimal, b: Decimal): Decimal => (a.lte(b) ? a : b);
export const maxDecimal = (a: Decimal, b: Decimal): Decimal => (a.gte(b) ? a : b);
