import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasControlCharacter } from './index';

describe('hasControlCharacter', () => {
  it.each(['\u0000', 'a\nb', 'tab\there', '\u001b[31m', 'del\u007f', '\r'])('finds one in %j', (s) => {
    expect(hasControlCharacter(s)).toBe(true);
  });
  it.each(['', '北京示范医院', 'A-01 x', '\u0080', '\u00a0', 'emoji 😀'])('finds none in %j', (s) => {
    expect(hasControlCharacter(s)).toBe(false);
  });
  it('agrees with a character-class test on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const expected = [...s].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127);
        expect(hasControlCharacter(s)).toBe(expected);
      }),
    );
  });
});
