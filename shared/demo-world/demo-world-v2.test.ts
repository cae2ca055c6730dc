// The settle/v2 cases of the demo world (scenarios-v2.ts, bills-v2.ts) settle as their labels say, on
// any day the world is seeded for; every catalog row is typed; institutions say what they settle.
import { describe, expect, it } from 'vitest';
import { Decimal } from '../money';
import { MED_CHRGITM_TYPE_CODES, settle, type SettleRequestInput, type SettleResult } from '../settlement';
import { DEMO_DEVICE_SHOP, DEMO_REHAB_CENTER, demoSettleRequest, demoWorld } from './index';
import type { DemoWorld } from './index';

const TODAYS = ['2024-02-29', '2026-06-15', '2027-01-03', '2031-12-31'];

function bill(w: DemoWorld, id: string) {
  const b = w.bills.find((x) => x.bill_id === id);
  if (!b) throw new Error(`no bill ${id}`);
  return b;
}

function settled(
  w: DemoWorld,
  id: string,
  earlier: { request: SettleRequestInput; result: SettleResult }[] = [],
) {
  const request = demoSettleRequest(w, bill(w, id), { earlier });
  return { request, result: settle(request) };
}

const rules = (r: SettleResult) => r.trace.map((t) => t.rule);

describe('demo world, settle/v2', () => {
  const world = demoWorld({ seed: 'v2', today: '2026-06-15' });

  it('types every catalog row, work-injury catalog row and device with a charge category', () => {
    const codes: readonly string[] = MED_CHRGITM_TYPE_CODES;
    for (const row of [...world.catalog, ...world.wi_catalog])
      expect(codes, row.code).toContain(row.entry.med_chrgitm_type);
    for (const policy of world.policies)
      for (const [code, device] of Object.entries(policy.work_injury?.devices ?? {}))
        expect(codes, code).toContain(device.med_chrgitm_type);
    // the generated rows too: drugs 09, consumables 08, services by what they are
    const types = new Set(world.catalog.map((c) => c.entry.med_chrgitm_type));
    expect([...types].sort()).toEqual(expect.arrayContaining(['01', '03', '05', '06', '08', '09']));
  });

  it('gives every institution the schemes it is contracted for: the device shop and the rehab center work injury only', () => {
    for (const i of world.institutions)
      expect(i.institution.schemes, i.fixmedins_code).toEqual([
        ...(i.medical ? ['medical'] : []),
        ...(i.work_injury ? ['work_injury'] : []),
      ]);
    const shop = world.institutions.find((i) => i.fixmedins_code === DEMO_DEVICE_SHOP)!;
    expect(shop.institution.schemes).toEqual(['work_injury']);
    const rehab = world.institutions.find((i) => i.fixmedins_code === DEMO_REHAB_CENTER)!;
    expect(rehab.institution.schemes).toEqual(['work_injury']);
  });

  it('puts serious illness in every resident policy and medical assistance where the place has it', () => {
    for (const p of world.policies) {
      expect(p.serious_illness !== undefined, p.policy_id).toBe(p.insutype === '390');
    }
    expect(world.policies.filter((p) => p.medical_assistance).map((p) => p.insuplc_admdvs)).toEqual(
      expect.arrayContaining(['410100', '510100']),
    );
    const lowIncome = world.people.find((p) => p.scenario === 'low-income-assistance')!;
    expect(lowIncome.person.assistance).toBe('low_income');
    expect(world.filings.find((f) => f.person.psn_no === lowIncome.person.psn_no)!.person.assistance).toBe(
      'low_income',
    );
  });

  describe.each(TODAYS)('seeded on %s', (today) => {
    const w = demoWorld({ seed: 'any', today });

    it('a resident under a place with serious illness is paid by 大病保险 above the threshold', () => {
      const { result } = settled(w, 'BILL-SERIOUS');
      expect(result.status).toBe('settled');
      expect(Number(result.setlinfo.hifmi_pay)).toBeGreaterThan(0);
      expect(result.setldetail!.map((d) => d.fund_pay_type)).toEqual(['390100', '390200']);
      expect(rules(result)).toContain('SERIOUS_ILLNESS');
      // another resident of that place: below the threshold, the qualifying amount still grows
      const other = settled(w, 'BILL-REFERRAL').result;
      expect(other.setlinfo.hifmi_pay).toBe('0.00');
      expect(Number(other.accumulators_after.hifmi_base)).toBeGreaterThan(0);
    });

    it('a low-income patient is paid by 医疗救助 after the basic fund', () => {
      const { result } = settled(w, 'BILL-ASSIST');
      expect(Number(result.setlinfo.maf_pay)).toBeGreaterThan(0);
      expect(result.setldetail!.map((d) => d.fund_pay_type)).toEqual(['390100', '610100']);
      expect(result.accumulators_after.maf_pay).toBe(result.setlinfo.maf_pay);
    });

    it('a work-injury referral settles within its 3 months, meals and transport to the insured place', () => {
      const { request, result } = settled(w, 'BILL-WI-REFERRAL');
      expect(result.status).toBe('settled');
      expect(request.filing!.enddate! > today).toBe(true);
      const window = result.trace.find((t) => t.rule === 'WI_FILING_WINDOW')!;
      expect(window.zh).toContain('3个月');
      expect(rules(result)).toEqual(expect.arrayContaining(['MEAL_EXCLUDED', 'TRANSPORT_EXCLUDED']));
      const excluded = bill(w, 'BILL-WI-REFERRAL')
        .lines.filter((l) => l.fee_kind)
        .reduce((s, l) => s.plus(l.det_item_fee_sumamt), new Decimal(0));
      expect(result.setlinfo.fulamt_ownpay_amt).toBe(excluded.toFixed(2));
      expect(result.setldetail).toEqual([{ fund_pay_type: '410100', fund_payamt: result.setlinfo.hifp_pay }]);
    });

    it('a work-injury referral past its 3 months is refused, whatever its end date says', () => {
      const { request, result } = settled(w, 'BILL-WI-LAPSED');
      expect(request.filing!.enddate! > today).toBe(true);
      expect(result.refusal.map((r) => r.code)).toEqual(['FILING_EXPIRED']);
    });

    it('a rehabilitation stay settled in monthly parts pays what the stay settled whole would', () => {
      const part1 = settled(w, 'BILL-REHAB-PART1');
      const part2 = settled(w, 'BILL-REHAB-PART2', [part1]);
      expect(part2.request.stay).toEqual({
        part: 2,
        dedc_left: new Decimal(part1.request.policy!.inpatient!.deductible['3'])
          .minus(part1.result.setlinfo.act_pay_dedc)
          .toFixed(2),
        inscp_before: part1.result.setlinfo.inscp_scp_amt,
      });
      expect(part2.result.stay_part).toBe(2);
      expect(rules(part2.result)).toContain('MID_STAY_PART');
      expect(part2.result.accumulators_after.inpatient_admissions).toBe(
        part1.result.accumulators_after.inpatient_admissions,
      );
      const b1 = bill(w, 'BILL-REHAB-PART1');
      const b2 = bill(w, 'BILL-REHAB-PART2');
      const lines = [...b1.lines, ...b2.lines].map((l, i) => ({ ...l, feedetl_sn: String(i + 1) }));
      const whole = settle(demoSettleRequest(w, { ...b1, stay_part: undefined, lines }));
      const paid = new Decimal(part1.result.setlinfo.fund_pay_sumamt).plus(
        part2.result.setlinfo.fund_pay_sumamt,
      );
      expect(paid.minus(whole.setlinfo.fund_pay_sumamt).abs().lte('0.02')).toBe(true);
      // the parts cross a band of the stay's cumulative amount, as the whole does
      expect(part2.result.trace.filter((t) => t.rule === 'BAND')).toHaveLength(2);
    });

    it('the device shop, contracted for work injury only, refuses a medical bill', () => {
      expect(bill(w, 'BILL-SHOP-MEDICAL').fixmedins_code).toBe(DEMO_DEVICE_SHOP);
      expect(settled(w, 'BILL-SHOP-MEDICAL').result.refusal.map((r) => r.code)).toEqual([
        'INSTITUTION_NOT_CONTRACTED',
      ]);
    });

    it('an emergency whose filing expired is regarded as filed, at the emergency reduction', () => {
      const { result } = settled(w, 'BILL-EMERGENCY-EXPIRED');
      expect(result.status).toBe('settled');
      expect(result.emergency_waived!.map((r) => r.code)).toEqual(['FILING_EXPIRED']);
      expect(result.reduction).toBe('0.1');
      expect(rules(result)).toContain('EMERGENCY_REGARDED_AS_FILED');
    });
  });
});
