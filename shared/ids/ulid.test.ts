import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ulid } from './ulid';

describe('ulid', () => {
  it('encodes the spec example time and zero randomness', () => {
    // 1469918176385 ms → 01ARYZ6S41 (ulid/spec README)
    expect(ulid(1469918176385, new Uint8Array(10))).toBe('01ARYZ6S410000000000000000');
  });
  it('encodes all-ones randomness as the top of the alphabet', () => {
    expect(ulid(0, new Uint8Array(10).fill(255))).toBe('0000000000ZZZZZZZZZZZZZZZZ');
    expect(ulid(2 ** 48 - 1, new Uint8Array(10))).toBe('7ZZZZZZZZZ0000000000000000');
  });
  it.each([-1, 1.5, 2 ** 48, Number.NaN])('refuses time %s', (t) => {
    expect(() => ulid(t, new Uint8Array(10))).toThrow(RangeError);
  });
  it('refuses the wrong number of random bytes', () => {
    expect(() => ulid(0, new Uint8Array(9))).toThrow(TypeError);
  });
  it('property: sorts by time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 48 - 2 }),
        fc.uint8Array({ minLength: 10, maxLength: 10 }),
        fc.uint8Array({ minLength: 10, maxLength: 10 }),
        (t, r1, r2) => {
          const a = ulid(t, r1);
          const b = ulid(t + 1, r2);
          expect(a.length).toBe(26);
          expect(a < b).toBe(true);
        },
      ),
    );
  });
});
