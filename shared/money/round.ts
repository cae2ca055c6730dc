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
  return d.isZero() ? '0.00' : d.toFixed(2, Decimal.ROUND_HALF_UP);
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
