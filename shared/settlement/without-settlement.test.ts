import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, formatAmount } from '../money';
import { accumulatorsSchema } from './schema';
import { withoutSettlement } from './without-settlement';

describe('a settlement undone from the accumulators', () => {
  const before = {
    year: 2026,
    inpatient_admissions: 1,
    hifp_pay: '1000.00',
    acct_balance: '800.00',
    chronic_dedc: { M01: '50.00' },
  };
  const after = {
    year: 2026,
    inpatient_admissions: 2,
    hifp_pay: '4000.00',
    acct_balance: '300.00',
    chronic_dedc: { M01: '50.00' },
    hifmi_pay: '120.00',
    maf_pay: '10.00',
  };
  it('takes away exactly its effect, also after a later settlement, and gives the account back', () => {
    // a later settlement of the same person added 500.00 to hifp_pay and an admission
    const current = { ...after, inpatient_admissions: 3, hifp_pay: '4500.00', acct_balance: '250.00' };
    expect(withoutSettlement(current, before, after)).toEqual(
      accumulatorsSchema.parse({
        year: 2026,
        inpatient_admissions: 2,
        hifp_pay: '1500.00',
        acct_balance: '750.00',
        chronic_dedc: { M01: '50.00' },
        hifmi_pay: '0.00',
        maf_pay: '0.00',
      }),
    );
  });
  it('undoes the settle/v2 funds and a disease map it added to', () => {
    const got = withoutSettlement({ ...after, chronic_fund: { M02: '30.00' } }, before, {
      ...after,
      chronic_fund: { M02: '30.00' },
    });
    expect(got).toMatchObject({ hifmi_pay: '0.00', maf_pay: '0.00', chronic_fund: { M02: '0.00' } });
  });
  it('never goes below zero (the platform already took it away)', () => {
    expect(withoutSettlement(before, before, after)).toMatchObject({
      inpatient_admissions: 0,
      hifp_pay: '0.00',
    });
  });
  it('property: settle then undo gives the figures back', () => {
    const amount = fc.integer({ min: 0, max: 10_000_000 }).map((n) => formatAmount(new Decimal(n).div(100)));
    const acc = fc.record({
      year: fc.constant(2026),
      inpatient_admissions: fc.integer({ min: 0, max: 50 }),
      hifp_pay: amount,
      large_pay: amount,
      outpatient_dedc: amount,
      hifmi_pay: amount,
      acct_balance: amount,
    });
    fc.assert(
      fc.property(acc, acc, (b, delta) => {
        const plus = (x: string, y: string) => formatAmount(new Decimal(x).plus(y));
        const a = {
          ...b,
          inpatient_admissions: b.inpatient_admissions + delta.inpatient_admissions,
          hifp_pay: plus(b.hifp_pay, delta.hifp_pay),
          large_pay: plus(b.large_pay, delta.large_pay),
          outpatient_dedc: plus(b.outpatient_dedc, delta.outpatient_dedc),
          hifmi_pay: plus(b.hifmi_pay, delta.hifmi_pay),
          acct_balance: b.acct_balance, // the account moves the other way: covered above
        };
        expect(withoutSettlement(a, b, a)).toEqual(accumulatorsSchema.parse(b));
      }),
    );
  });
});
