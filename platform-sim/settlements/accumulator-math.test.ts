import { describe, expect, it } from 'vitest';
import { revertAccumulators } from './accumulator-math';

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
});
