// One test per settle/v2 item and fund rule that the example pairs (09, 11, 12, 13) do not already
// cover: meal and transport lines, charge categories, serious illness, medical assistance, mid-stay
// parts, the settlement list's rows, the contract echo.
import { describe, expect, it } from 'vitest';
import {
  deviceRequest,
  loadRequest,
  medicalRequest as medical,
  residentRequest as resident,
  workInjuryRequest as workInjury,
  type Req,
} from '../../test/support/settle-fixtures';
import { settle } from './index';

const line = (sn: string, code: string, cnt: string, pric: string, amount: string, extra = {}) => ({
  feedetl_sn: sn,
  med_list_codg: code,
  cnt,
  pric,
  det_item_fee_sumamt: amount,
  ...extra,
});
const typeRow = (r: Req, type: string) =>
  settle(r).chrgitm_summary?.find((row) => row.med_chrgitm_type === type);

describe('meal and transport lines (seed 003)', () => {
  it('a meal line in a medical bill is wholly self-paid even on a class 01 code', () => {
    const r = medical();
    r.lines.push(line('5', 'A00', '10', '30', '300.00', { fee_kind: 'meal' }));
    const result = settle(r);
    expect(result.items?.[4]).toMatchObject({
      fulamt_ownpay_amt: '300.00',
      inscp_scp_amt: '0.00',
      basis: 'MEAL',
    });
    expect(result.setlinfo.inscp_scp_amt).toBe('44800.00');
    expect(result.setlinfo.hifp_pay).toBe('38507.50');
    // Not counted as class 01 in the fee table: it is wholly self-paid.
    expect(typeRow(r, '01')).toMatchObject({
      amt: '26100.00',
      claa_sumfee: '25800.00',
      fulamt_ownpay_amt: '300.00',
    });
    expect(result.trace.map((t) => t.zh)).toContain('伙食费300.00（1项）不纳入直接结算，由参保地报销');
  });
  it('a transport line in a medical bill too', () => {
    const r = medical();
    r.lines.push(line('5', 'B02', '1', '553', '553.00', { fee_kind: 'transport' }));
    const result = settle(r);
    expect(result.items?.[4]).toMatchObject({
      fulamt_ownpay_amt: '553.00',
      preselfpay_amt: '0.00',
      basis: 'TRANSPORT',
    });
    expect(result.trace.map((t) => t.rule)).toContain('TRANSPORT_EXCLUDED');
  });
});

describe('charge categories (med_chrgitm_type)', () => {
  it("the line's own category wins over its catalog entry's", () => {
    const r = medical();
    r.lines[1].med_chrgitm_type = '05';
    expect(typeRow(r, '05')).toMatchObject({ amt: '1200.00', claa_sumfee: '1200.00' });
    expect(typeRow(r, '06')).toBeUndefined();
  });
  it("a device takes its device catalog entry's category", () => {
    const r = deviceRequest('08');
    r.lines = [line('1', 'D-LEG-01', '1', '3600', '3600.00'), line('2', 'D-X', '1', '100', '100.00')];
    const result = settle(r);
    expect(result.chrgitm_summary).toEqual([
      {
        med_chrgitm_type: '08',
        amt: '3600.00',
        claa_sumfee: '0.00',
        clab_amt: '0.00',
        fulamt_ownpay_amt: '0.00',
        oth_amt: '3600.00',
      },
      {
        med_chrgitm_type: '14',
        amt: '100.00',
        claa_sumfee: '0.00',
        clab_amt: '0.00',
        fulamt_ownpay_amt: '100.00',
        oth_amt: '0.00',
      },
    ]);
  });
});

describe('serious illness (hifmi_pay)', () => {
  it('an employee (310) request ignores serious_illness', () => {
    const r = resident();
    Object.assign(r.person, { insutype: '310', category: 'in_service' });
    r.policy.insutype = '310';
    const result = settle(r);
    expect(result.setlinfo.hifmi_pay).toBe('0.00');
    expect(result.accumulators_after.hifmi_base).toBe('8000.00');
    expect(result.setldetail?.map((x) => x.fund_pay_type)).toEqual(['310100']);
  });
  it('a resident under a policy without serious illness gets none', () => {
    const r = resident();
    delete r.policy.serious_illness;
    expect(settle(r).setlinfo.hifmi_pay).toBe('0.00');
    expect(settle(r).accumulators_after.hifmi_base).toBe('8000.00');
  });
  it('walks across a band boundary of the cumulative amount', () => {
    const r = resident();
    r.accumulators.hifmi_base = '90000.00';
    // share 41815: (90000, 100000] × 0.60 + (100000, 131815] × 0.70 = 6000 + 22270.50
    const result = settle(r);
    expect(result.setlinfo.hifmi_pay).toBe('28270.50');
    expect(result.accumulators_after).toMatchObject({ hifmi_base: '131815.00', hifmi_pay: '28270.50' });
  });
  it('pays at most what its annual cap leaves, nothing at the cap', () => {
    const r = resident();
    r.accumulators.hifmi_pay = '390000.00';
    expect(settle(r).setlinfo.hifmi_pay).toBe('10000.00');
    r.accumulators.hifmi_pay = '400000.00';
    const result = settle(r);
    expect(result.setlinfo.hifmi_pay).toBe('0.00');
    expect(result.setldetail?.map((x) => x.fund_pay_type)).toEqual(['390100']);
    expect(result.accumulators_after.hifmi_base).toBe('49815.00'); // the share counts all the same
  });
  it('pays nothing below the threshold, and says so', () => {
    const r = resident();
    r.policy.serious_illness.threshold = '50000';
    r.policy.serious_illness.bands[0].upto = '120000';
    const result = settle(r);
    expect(result.setlinfo.hifmi_pay).toBe('0.00');
    expect(result.trace.find((t) => t.rule === 'SERIOUS_ILLNESS')?.zh).toContain(
      '未超过起付线50000.00，不支付',
    );
  });
});

describe('medical assistance (maf_pay)', () => {
  it('pays on what the basic funds and serious illness left, in the setldetail order', () => {
    const r = resident();
    r.person.assistance = 'low_income';
    const result = settle(r);
    // (138800 − 96985 − 20889) × 0.70 = 14648.20
    expect(result.setlinfo).toMatchObject({ maf_pay: '14648.20', fund_pay_sumamt: '132522.20' });
    expect(result.setldetail?.map((x) => x.fund_pay_type)).toEqual(['390100', '390200', '610100']);
    expect(result.accumulators_after.maf_pay).toBe('14648.20');
  });
  it('an unknown assistance key pays nothing', () => {
    const r = loadRequest('13-medical-assistance');
    r.person.assistance = 'veteran';
    const result = settle(r);
    expect(result.setlinfo.maf_pay).toBe('0.00');
    expect(result.trace.map((t) => t.rule)).toContain('ASSISTANCE_NOT_IN_POLICY');
  });
  it('pays at most what its annual cap leaves', () => {
    const r = loadRequest('13-medical-assistance');
    r.accumulators.maf_pay = '19000.00';
    expect(settle(r).setlinfo.maf_pay).toBe('1000.00');
    r.accumulators.maf_pay = '25000.00';
    expect(settle(r).setlinfo.maf_pay).toBe('0.00');
  });
  it('is for inpatient settlements only', () => {
    const r = loadRequest('07-outpatient-deductible');
    r.person.assistance = 'low_income';
    r.policy.medical_assistance = { ratio: { low_income: '0.7' }, annual_cap: '30000' };
    expect(settle(r).setlinfo.maf_pay).toBe('0.00');
  });
});

describe('mid-stay parts (stay)', () => {
  it('part 1 settles as v1 and counts the admission', () => {
    const r = medical();
    r.stay = { part: 1 };
    const result = settle(r);
    expect(result.setlinfo.hifp_pay).toBe('38507.50');
    expect(result.accumulators_after.inpatient_admissions).toBe(2);
    expect(result.stay_part).toBe(1);
  });
  it('part 2 does not count a new admission', () => {
    const result = settle(loadRequest('11-mid-stay-part-2'));
    expect(result.accumulators_after.inpatient_admissions).toBe(1);
    expect(result.stay_part).toBe(2);
    expect(result.trace.map((t) => t.rule)).toContain('MID_STAY_PART');
  });
  it('part 2 with the whole deductible left and nothing before equals the stay settled whole', () => {
    const r = loadRequest('02-worked-example-cap');
    r.stay = { part: 2, dedc_left: '650.00', inscp_before: '0.00' };
    expect(settle(r).setlinfo).toEqual(settle(loadRequest('02-worked-example-cap')).setlinfo);
  });
  it('walks the cap in cumulative terms', () => {
    const r = loadRequest('02-worked-example-cap'); // 20000.00 of the cap left
    r.stay = { part: 2, dedc_left: '0.00', inscp_before: '10000.00' };
    // (10000, 30000] pays 17000, then X = 30000 + 3000 / 0.90; over-cap 54800 − X, × 0.80
    const s = settle(r).setlinfo;
    expect([s.hifp_pay, s.hifob_pay]).toEqual(['20000.00', '17173.33']);
  });
  it('a work-injury rehab stay may be settled in parts', () => {
    const r = workInjury();
    Object.assign(r, { setl_type: 'rehab', stay: { part: 3 } });
    const result = settle(r);
    expect(result.status).toBe('settled');
    expect(result.stay_part).toBe(3);
  });
});

describe('result additions', () => {
  it('echoes the request contract', () => {
    const r = medical();
    expect(settle(r).contract).toBe('settle/v1');
    r.contract = 'settle/v2';
    expect(settle(r).contract).toBe('settle/v2');
  });
  it('a refused result has hifmi_pay and maf_pay 0.00 and no settlement-list rows', () => {
    const result = settle(loadRequest('05-expired-filing-refused'));
    expect(result.setlinfo).toMatchObject({ hifmi_pay: '0.00', maf_pay: '0.00' });
    expect(result.setldetail).toBeUndefined();
    expect(result.chrgitm_summary).toBeUndefined();
  });
  it('every trace line of a v2-rich settlement exists in Chinese and English', () => {
    const r = resident();
    r.person.assistance = 'low_income';
    r.lines.push(line('5', 'A00', '1', '30', '30.00', { fee_kind: 'meal' }));
    r.stay = { part: 2, dedc_left: '0', inscp_before: '1000' };
    for (const entry of settle(r).trace) {
      expect(entry.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(entry.en).toMatch(/^[\x20-\x7e–→×]+$/); // English only
    }
  });
});
