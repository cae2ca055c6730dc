import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encodeTlv, parseTlv } from './tlv';
import { CardError } from './errors';
import { fromHex } from './bytes';

describe('parseTlv', () => {
  it('parses elements and stops at padding', () => {
    const els = parseTlv(fromHex('0803313233 0901AA 00 00 FF'));
    expect(els.map((e) => e.tag)).toEqual([0x08, 0x09]);
    expect(Array.from(els[0].value)).toEqual([0x31, 0x32, 0x33]);
  });
  it.each([
    ['tag without length', '08'],
    ['length beyond the end', '080531'],
    ['second element truncated', '0801310905'],
  ])('refuses %s as CARD_DAMAGED', (_l, hex) => {
    expect(() => parseTlv(fromHex(hex))).toThrow(CardError);
  });
  it('round-trips', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ tag: fc.integer({ min: 1, max: 0xfe }), value: fc.uint8Array({ maxLength: 255 }) }),
          { maxLength: 8 },
        ),
        (els) => {
          expect(parseTlv(encodeTlv(els))).toEqual(els);
        },
      ),
    );
  });
  it('fuzz: arbitrary bytes parse or fail with CardError, nothing else', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        try {
          for (const e of parseTlv(bytes)) expect(e.value.length).toBeLessThanOrEqual(255);
        } catch (e) {
          expect(e).toBeInstanceOf(CardError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
