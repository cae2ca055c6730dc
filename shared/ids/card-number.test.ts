import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cardNumberCheckChar, checkCardNumber } from './card-number';

describe('cardNumberCheckChar', () => {
  it('reproduces the specification example X00000019', () => {
    expect(cardNumberCheckChar('X0000001')).toBe('9');
  });
  it('maps 10 to X and 11 to 0', () => {
    // Σ = 1*3 = 3 → 11 − 3 = 8; find inputs for the two edge cases by construction:
    // A(10)*3 = 30 → 30 mod 11 = 8 → 3
    expect(cardNumberCheckChar('A0000000')).toBe('3');
    // 0…0 → Σ 0 → 11 → '0'
    expect(cardNumberCheckChar('00000000')).toBe('0');
    // Σ = 1 → 10 → 'X': '0000000' + a char worth 1 with weight 2 gives 2; weight 3 on 4 gives 12 ≡ 1
    expect(cardNumberCheckChar('40000000')).toBe('X');
  });
  it.each(['', 'x0000001', 'X000000', 'X00000011', 'X000 001', 'Ö0000001'])('refuses %j', (bad) => {
    expect(() => cardNumberCheckChar(bad)).toThrow(TypeError);
  });
});

describe('checkCardNumber', () => {
  it('accepts the example', () => {
    expect(checkCardNumber('X00000019')).toEqual({ ok: true, expected: '9' });
  });
  it('reports the expected character on a mismatch', () => {
    expect(checkCardNumber('X00000018')).toEqual({ ok: false, expected: '9' });
  });
  it.each([undefined, null, 42, '', 'X0000001', 'x00000019', '100000019', 'X000000190', 'X0000001 ', '卡号'])(
    'flags %j without throwing',
    (bad) => {
      expect(checkCardNumber(bad).ok).toBe(false);
    },
  );
  it('property: a generated number always checks, any other check character never does', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
        fc.stringMatching(/^[0-9A-Z]{7}$/),
        fc.constantFrom(...'0123456789X'),
        (letter, rest, other) => {
          const first8 = letter + rest;
          const check = cardNumberCheckChar(first8);
          expect(checkCardNumber(first8 + check).ok).toBe(true);
          if (other !== check) expect(checkCardNumber(first8 + other).ok).toBe(false);
        },
      ),
    );
  });
  it('property: never throws on arbitrary input', () => {
    fc.assert(fc.property(fc.anything(), (v) => typeof checkCardNumber(v).ok === 'boolean'));
  });
});
