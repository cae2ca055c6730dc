import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Decimal,
  formatAmount,
  parseAmount,
  parsePrice,
  parseQuantity,
  parseRatio,
  round2,
  sumAmounts,
} from './index';

describe('parseAmount', () => {
  it.each(['0', '1300', '60.5', '120.00', '0.01', '999999999999999.99'])('accepts %s', (s) => {
    expect(parseAmount(s).toString()).toBe(new Decimal(s).toString());
  });
  it.each([
    ['12,000.00', 'thousands separator'],
    ['-1', 'negative'],
    ['+1', 'sign'],
    ['1.005', 'three decimals'],
    ['1e3', 'exponent'],
    [' 1', 'space'],
    ['', 'empty'],
    ['01', 'leading zero'],
    ['.5', 'no integer part'],
    ['1.', 'dangling point'],
    ['NaN', 'NaN'],
    ['Infinity', 'Infinity'],
    ['１２', 'full-width digits'],
  ])('refuses %j (%s)', (s) => {
    expect(() => parseAmount(s)).toThrow(/not an amount/);
  });
  it.each([[12], [null], [undefined], [{}]])('refuses non-strings: %j', (v) => {
    expect(() => parseAmount(v)).toThrow(/not an amount/);
  });
});

describe('other number kinds', () => {
  it('ratios are within [0, 1] with up to four decimals', () => {
    expect(parseRatio('0.8525').toString()).toBe('0.8525');
    expect(parseRatio('1').toString()).toBe('1');
    expect(() => parseRatio('1.2')).toThrow(/between 0 and 1/);
    expect(() => parseRatio('0.12345')).toThrow(/not a ratio/);
  });
  it('quantities take four decimals, prices six', () => {
    expect(parseQuantity('2.5').toString()).toBe('2.5');
    expect(() => parseQuantity('-1')).toThrow(/not a quantity/);
    expect(parsePrice('12.345678').toString()).toBe('12.345678');
    expect(() => parsePrice('1.1234567')).toThrow(/not a price/);
  });
});

describe('round2 (ROUND_HALF_UP to the fen)', () => {
  it.each([
    ['0.005', '0.01'],
    ['0.004999', '0.00'],
    ['345.975', '345.98'],
    ['16496.4705882', '16496.47'],
    ['2.675', '2.68'],
    ['1.015', '1.02'],
  ])('%s → %s', (input, expected) => {
    expect(formatAmount(round2(input))).toBe(expected);
  });
  it('is idempotent and never moves a value more than half a fen', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 6 }), (units, scale) => {
        const value = new Decimal(units.toString()).dividedBy(new Decimal(10).pow(scale));
        const r = round2(value);
        expect(round2(r).eq(r)).toBe(true);
        expect(r.minus(value).abs().lte('0.005')).toBe(true);
      }),
    );
  });
});

describe('formatAmount and sumAmounts', () => {
  it('writes exactly two decimals', () => {
    expect(formatAmount('1300')).toBe('1300.00');
    expect(formatAmount(new Decimal('60.5'))).toBe('60.50');
    expect(formatAmount(0)).toBe('0.00');
  });
  it('sums exactly, where binary floating point would not', () => {
    expect(sumAmounts(['0.1', '0.2']).toString()).toBe('0.3');
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000_000 }), { maxLength: 50 }), (fens) => {
        const total = sumAmounts(fens.map((n) => new Decimal(n).dividedBy(100)));
        expect(total.times(100).toNumber()).toBe(fens.reduce((a, b) => a + b, 0));
      }),
    );
  });
});

describe('formatAmount agrees with toFixed(2, ROUND_HALF_UP) everywhere', () => {
  it('for generated values of any scale and sign', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }),
        fc.integer({ min: 0, max: 6 }),
        (units, scale) => {
          const d = new Decimal(units.toString()).dividedBy(new Decimal(10).pow(scale));
          const expected = d.isZero() ? '0.00' : d.toFixed(2, Decimal.ROUND_HALF_UP);
          expect(formatAmount(d)).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
