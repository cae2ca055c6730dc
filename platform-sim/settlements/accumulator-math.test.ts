import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../shared/money';
import { accumulatorsSchema } from '../../shared/settlement';
import { revertAccumulators } from './accumulator-math';

/** Every amount field of the accumulators, read from the schema (not listed again here). */
const AMOUNT_FIELDS = Object.entries(accumulatorsSchema.parse({}))
  .filter(([, v]) => typeof v === 'string')
  .map(([k]) => k);
const fen = fc.integer({ min: 0, max: 10_000_000 }).map((n) => new Decimal(n).dividedBy(100));

describe('revertAccumulators', () => {
  it('takes one settlement’s effect out even when later settlements came after it', () => {
    const before = {
      year: 2026,
      inpatient_admissions: 1,
      hifp_pay: '100.00',
      acct_balance: '500.00',
      chronic_fund: { I10: '10.00' },
    };
    const after = {
      year: 2026,
      inpatient_admissions: 2,
      hifp_pay: '900.50',
      acct_balance: '420.00',
      chronic_fund: { I10: '10.00' },
    };
    const current = {
      year: 2026,
      inpatient_admissions: 3,
      hifp_pay: '1500.50',
      acct_balance: '400.00',
      chronic_fund: { I10: '25.00', E11: '5.00' },
    };
    expect(revertAccumulators(current, before, after)).toMatchObject({
      inpatient_admissions: 2,
      hifp_pay: '700.00',
      acct_balance: '480.00',
      large_pay: '0.00',
      chronic_fund: { I10: '25.00', E11: '5.00' },
    });
  });
  it('never goes below zero', () => {
    expect(
      revertAccumulators({ hifp_pay: '5.00' }, { hifp_pay: '0.00' }, { hifp_pay: '50.00' }).hifp_pay,
    ).toBe('0.00');
  });
  it('gives back the settle/v2 funds too: serious-illness base and payment, medical assistance', () => {
    const before = { hifmi_base: '13500.00', hifmi_pay: '0.00', maf_pay: '100.00' };
    const after = { hifmi_base: '19691.24', hifmi_pay: '2814.74', maf_pay: '944.14' };
    const current = { hifmi_base: '25000.00', hifmi_pay: '5000.00', maf_pay: '1000.00' };
    expect(revertAccumulators(current, before, after)).toMatchObject({
      hifmi_base: '18808.76',
      hifmi_pay: '2185.26',
      maf_pay: '155.86',
    });
  });
  it('property: every amount field loses exactly that settlement, whatever came after it', () => {
    expect(AMOUNT_FIELDS).toEqual(expect.arrayContaining(['hifp_pay', 'hifmi_base', 'hifmi_pay', 'maf_pay']));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fen, fen, fen), {
          minLength: AMOUNT_FIELDS.length,
          maxLength: AMOUNT_FIELDS.length,
        }),
        (figures) => {
          const before: Record<string, string> = {};
          const after: Record<string, string> = {};
          const current: Record<string, string> = {};
          const expected: Record<string, string> = {};
          AMOUNT_FIELDS.forEach((f, i) => {
            const [base, mine, later] = figures[i]!;
            before[f] = base.toFixed(2);
            after[f] = base.plus(mine).toFixed(2);
            current[f] = base.plus(mine).plus(later).toFixed(2);
            expected[f] = base.plus(later).toFixed(2);
          });
          expect(revertAccumulators(current, before, after)).toMatchObject(expected);
        },
      ),
    );
  });
});
