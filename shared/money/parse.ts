import { Decimal } from './decimal';

/** Why a string is not a valid amount; `message` is bilingual so it can reach a cashier as is. */
export class MoneyFormatError extends Error {
  constructor(
    readonly value: unknown,
    readonly kind: string,
    message: string,
  ) {
    super(message);
    this.name = 'MoneyFormatError';
  }
}

/**
 * A plain non-negative decimal string: digits, optionally a point and up to `maxDecimals` digits.
 * No sign, no exponent, no thousands separators, no spaces — "12,000.00" is refused rather than guessed.
 */
function decimalPattern(maxDecimals: number): RegExp {
  return new RegExp(`^(0|[1-9][0-9]{0,14})(\\.[0-9]{1,${maxDecimals}})?$`);
}

const patterns = {
  amount: decimalPattern(2),
  ratio: decimalPattern(4),
  quantity: decimalPattern(4),
  price: decimalPattern(6),
};

const labels = {
  amount: ['金额', 'an amount', 'up to two decimals'],
  ratio: ['比例', 'a ratio', 'up to four decimals, between 0 and 1'],
  quantity: ['数量', 'a quantity', 'up to four decimals'],
  price: ['单价', 'a price', 'up to six decimals'],
} as const;

function parseKind(kind: keyof typeof patterns, value: unknown): Decimal {
  const [zh, en, rule] = labels[kind];
  if (typeof value !== 'string' || !patterns[kind].test(value)) {
    const shown = typeof value === 'string' ? JSON.stringify(value) : typeof value;
    throw new MoneyFormatError(
      value,
      kind,
      `${zh}格式错误 / not ${en} (${rule}, no sign or separators): ${shown}`,
    );
  }
  return new Decimal(value);
}

/** An amount in yuan: "1300", "60.5", "120.00". */
export const parseAmount = (value: unknown): Decimal => parseKind('amount', value);
/** A quantity (cnt): up to four decimals. */
export const parseQuantity = (value: unknown): Decimal => parseKind('quantity', value);
/** A unit price (pric): up to six decimals. */
export const parsePrice = (value: unknown): Decimal => parseKind('price', value);

/** A ratio in [0, 1], up to four decimals: "0.85". */
export function parseRatio(value: unknown): Decimal {
  const d = parseKind('ratio', value);
  if (d.gt(1)) {
    throw new MoneyFormatError(
      value,
      'ratio',
      `比例须在0到1之间 / a ratio must be between 0 and 1: ${String(value)}`,
    );
  }
  return d;
}

export const isAmountString = (value: unknown): value is string =>
  typeof value === 'string' && patterns.amount.test(value);
export const isRatioString = (value: unknown): value is string =>
  typeof value === 'string' && patterns.ratio.test(value) && new Decimal(value).lte(1);
export const isQuantityString = (value: unknown): value is string =>
  typeof value === 'string' && patterns.quantity.test(value);
export const isPriceString = (value: unknown): value is string =>
  typeof value === 'string' && patterns.price.test(value);
