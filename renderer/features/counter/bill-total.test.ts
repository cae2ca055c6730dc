import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, formatAmount } from '../../../shared/money';
import type { BillLine } from '../../../shared/settlement';
import { billTotal } from './bill-total';

const line = (det_item_fee_sumamt: string): BillLine => ({
  feedetl_sn: '1',
  med_list_codg: 'A',
  cnt: '1',
  pric: det_item_fee_sumamt,
  det_item_fee_sumamt,
});

describe('the bill panel total', () => {
  it('is the exact decimal sum of the line amounts, whatever their form', () => {
    const amount = fc.oneof(
      fc
        .bigInt({ min: 0n, max: 10n ** 14n })
        .map((f) => `${f / 100n}.${(f % 100n).toString().padStart(2, '0')}`),
      fc.constantFrom('1300', '60.5', '0', '0.1'),
    );
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 50 }), (amounts) => {
        const expected = amounts.reduce((s, a) => s.plus(a), new Decimal(0));
        expect(billTotal(amounts.map(line))).toBe(formatAmount(expected));
      }),
    );
    expect(billTotal([])).toBe('0.00');
  });
});
