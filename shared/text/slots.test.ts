import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fillSlots } from './slots';

describe('fillSlots', () => {
  it('leaves a slot without a value visible', () => {
    expect(fillSlots('{{a}} and {{b}}', { a: 1 })).toBe('1 and {{b}}');
  });

  it('inserts any value as it is: never re-read as a slot or a replacement pattern', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        expect(fillSlots('<{{v}}>', { v: value })).toBe(`<${value}>`);
      }),
    );
    expect(fillSlots('{{v}}', { v: '{{v}} $& $1' })).toBe('{{v}} $& $1');
  });
});
