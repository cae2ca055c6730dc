// One test per settle/v1 eligibility rule and scheme path that the example pairs do not already
// cover (the settle/v2 rules are in rules.test.ts).
import { describe, expect, it } from 'vitest';
import {
  deviceRequest,
  medicalRequest as medical,
  workInjuryRequest as workInjury,
  type Req,
} from '../../test/support/settle-fixtures';
import { settle } from './index';

const codes = (req: Req) => settle(req).refusal.map((r) => r.code);

describe('eligibility (contract step 1)', () => {
  it('collects every reason that applies, in the contract order', () => {
    const r = medical();
    r.person.insu_stas = 'suspended';
    r.circumstances = { third_party_liable: true, trauma: true };
    r.filing.enddate = '2025-01-31';
    r.filing.fixmedins_codes = ['H99'];
    r.filing.mdtrtarea_admvs = '310000';
    expect(codes(r)).toEqual([
      'INSURANCE_SUSPENDED',
      'THIRD_PARTY_LIABLE',
      'TRAUMA_COMMITMENT_MISSING',
      'FILING_OTHER_PLACE',
      'FILING_EXPIRED',
      'NOT_DESIGNATED',
    ]);
  });
  it('trauma with a signed commitment letter settles', () => {
    const r = medical();
    r.circumstances = { trauma: true, trauma_commitment_signed: true };
    expect(settle(r).status).toBe('settled');
  });
  it('an unfiled cross-province patient is refused, unless a medical emergency (counts as filed, emergency reduction)', () => {
    const r = medical();
    r.filing = null;
    expect(codes(r)).toEqual(['NOT_FILED']);
    r.circumstances = { emergency: true };
    const result = settle(r);
    expect(result.status).toBe('settled');
    expect(result.reduction).toBe('0.1');
  });
  it('a filing made after admission but before discharge (补办备案) is valid', () => {
    const r = medical();
    r.filing.begndate = '2025-06-20'; // admitted 06-10, discharged 06-30
    expect(settle(r).status).toBe('settled');
  });
  it('a filing that starts after discharge is not yet valid', () => {
    const r = medical();
    r.filing.begndate = '2025-07-01';
    expect(codes(r)).toEqual(['FILING_NOT_YET_VALID']);
  });
  it('local treatment does not consult the filing at all', () => {
    const r = medical();
    r.institution.mdtrtarea_admvs = '110105';
    r.filing = { ...r.filing, enddate: '2024-02-01' };
    const result = settle(r);
    expect(result.status).toBe('settled');
    expect(result.cross_province).toBe(false);
  });
  it('work injury needs the determination confirmed, and has no emergency exception', () => {
    const r = workInjury();
    r.filing.wi_confirmed = false;
    expect(codes(r)).toEqual(['WORK_INJURY_NOT_CONFIRMED']);
    const unfiled = workInjury();
    unfiled.filing = null;
    unfiled.circumstances = { emergency: true };
    expect(codes(unfiled)).toEqual(['NOT_FILED']);
  });
  it('chronic outpatient needs the disease in the policy and certified for the person', () => {
    const r = medical();
    r.setl_type = 'chronic_outpatient';
    r.dise_codg = 'I10';
    expect(codes(r)).toEqual(['CHRONIC_NOT_CERTIFIED']);
    r.dise_codg = 'J45';
    r.person.chronic_certified = ['J45'];
    expect(codes(r)).toEqual(['CHRONIC_DISEASE_NOT_COVERED']);
  });
});

describe('funds', () => {
  it('chronic outpatient: disease deductible, single ratio, annual limit', () => {
    const r = medical();
    r.setl_type = 'chronic_outpatient';
    r.dise_codg = 'E11'; // deductible 200, ratio 0.65, limit 2500
    r.person.chronic_certified = ['E11'];
    r.accumulators.chronic_dedc = { E11: '150.00' };
    r.accumulators.chronic_fund = { E11: '2000.00' };
    r.lines = [
      { feedetl_sn: '1', med_list_codg: 'A00', cnt: '10', pric: '100', det_item_fee_sumamt: '1000.00' },
    ];
    const result = settle(r);
    expect(result.setlinfo.act_pay_dedc).toBe('50.00');
    // (1000 − 50) × 0.65 = 617.50, but only 500.00 is left under the limit
    expect(result.setlinfo.hifp_pay).toBe('500.00');
    expect(result.accumulators_after.chronic_dedc.E11).toBe('200.00');
    expect(result.accumulators_after.chronic_fund.E11).toBe('2500.00');
  });
  it('the personal account pays the share up to its balance, medical only', () => {
    const r = medical();
    r.acct_used = true;
    r.accumulators.acct_balance = '1000.00';
    const result = settle(r);
    expect(result.setlinfo.acct_pay).toBe('1000.00');
    expect(result.setlinfo.psn_cash_pay).toBe('10492.50');
    expect(result.accumulators_after.acct_balance).toBe('0.00');
    const wi = workInjury();
    wi.acct_used = true;
    wi.accumulators.acct_balance = '1000.00';
    expect(settle(wi).setlinfo.acct_pay).toBe('0.00');
  });
  it('work-injury devices are limited by the insured place’s device catalog', () => {
    const r = deviceRequest();
    r.lines = [
      { feedetl_sn: '1', med_list_codg: 'D-LEG-01', cnt: '1', pric: '3600', det_item_fee_sumamt: '3600.00' },
      { feedetl_sn: '2', med_list_codg: 'D-UNLISTED', cnt: '2', pric: '50', det_item_fee_sumamt: '100.00' },
    ];
    const result = settle(r);
    expect(result.setlinfo).toMatchObject({
      overlmt_selfpay: '600.00',
      fulamt_ownpay_amt: '100.00',
      hifp_pay: '3000.00',
      psn_cash_pay: '700.00',
    });
  });
  it('a cap already reached pays nothing from the pooled fund and sends the in-policy amount above the deductible to the large-amount layer', () => {
    const r = medical();
    r.accumulators.hifp_pay = '500000.00';
    const result = settle(r);
    expect(result.setlinfo.hifp_pay).toBe('0.00');
    expect(result.setlinfo.hifob_pay).toBe('35320.00'); // (44800 − 650) × 0.80
  });
  it('every trace line exists in Chinese and English', () => {
    for (const entry of settle(medical()).trace) {
      expect(entry.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(entry.en).toMatch(/[A-Za-z]/);
    }
  });
});

describe('directSettlementVerdict (before a bill exists)', () => {
  it('agrees with settle() on eligibility for the same facts', async () => {
    const { directSettlementVerdict } = await import('./index');
    for (const mutate of [
      (_r: Req) => undefined,
      (r: Req) => void (r.filing.enddate = '2025-01-31'),
      (r: Req) => void (r.filing = null),
      (r: Req) => void (r.person.insu_stas = 'suspended'),
    ]) {
      const r = medical();
      mutate(r);
      const verdict = directSettlementVerdict({
        ...r,
        person: { ...r.person, insu_stas: r.person.insu_stas ?? 'active' },
      } as never);
      expect(verdict.refusal.map((x) => x.code)).toEqual(codes(r));
      expect(verdict.canSettle).toBe(codes(r).length === 0);
    }
  });
});
