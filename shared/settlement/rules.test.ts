// One test per settle/v2 eligibility rule that the example pairs (08, 10) do not already cover; the
// v2 fund and item rules are in rules-funds.test.ts, the v1 rules in rules-v1.test.ts.
import { describe, expect, it } from 'vitest';
import {
  deviceRequest,
  loadRequest,
  medicalRequest as medical,
  workInjuryRequest as workInjury,
  type Req,
} from '../../test/support/settle-fixtures';
import { windowEnd } from './filing-window';
import { directSettlementVerdict, settle } from './index';

const codes = (req: Req) => settle(req).refusal.map((r) => r.code);
const rules = (req: Req) => settle(req).trace.map((t) => t.rule);
const zh = (req: Req) => settle(req).trace.map((t) => t.zh);
const dates = (r: Req, admission: string, settleDate: string) => {
  Object.assign(r, { admission_date: admission, settle_date: settleDate });
  r.accumulators.year = Number(settleDate.slice(0, 4));
  return r;
};

describe('INSTITUTION_NOT_CONTRACTED (institution.schemes)', () => {
  it('refuses medical treatment at a work-injury-only institution, locally too', () => {
    const r = medical();
    r.institution.mdtrtarea_admvs = '110105'; // same province as the insured place 110000
    r.institution.schemes = ['work_injury'];
    const result = settle(r);
    expect(result.cross_province).toBe(false);
    expect(result.refusal.map((x) => x.code)).toEqual(['INSTITUTION_NOT_CONTRACTED']);
  });
  it('refuses work injury cross-province at a medical-only institution', () => {
    const r = workInjury();
    r.institution.schemes = ['medical'];
    expect(codes(r)).toEqual(['INSTITUTION_NOT_CONTRACTED']);
  });
  it('settles when the institution is contracted for the scheme, or says nothing', () => {
    const r = workInjury();
    r.institution.schemes = ['medical', 'work_injury'];
    expect(settle(r).status).toBe('settled');
    delete r.institution.schemes;
    expect(settle(r).status).toBe('settled');
  });
  it('comes after the person rows and before the filing rows', () => {
    const r = medical();
    r.person.insu_stas = 'suspended';
    r.institution.schemes = [];
    r.filing = null;
    expect(codes(r)).toEqual(['INSURANCE_SUSPENDED', 'INSTITUTION_NOT_CONTRACTED', 'NOT_FILED']);
  });
});

describe('emergencies are regarded as filed (seed 002)', () => {
  const emergency = (change: (r: Req) => void) => {
    const r = medical();
    r.circumstances = { emergency: true };
    change(r);
    return r;
  };
  it('a filing of another province does not refuse; the emergency reduction applies', () => {
    const r = emergency((x) => (x.filing.mdtrtarea_admvs = '310000'));
    const result = settle(r);
    expect(result.status).toBe('settled');
    expect(result.emergency_waived?.map((w) => w.code)).toEqual(['FILING_OTHER_PLACE']);
    expect(result.reduction).toBe('0.1');
    expect(result.setlinfo.hifp_pay).toBe('34092.50'); // as example 08: every ratio 10 points lower
    expect(zh(r).join('\n')).toContain('急诊视同已备案');
    expect(zh(r).join('\n')).toContain('按急诊降低10个百分点');
  });
  it('a filing designating another hospital does not refuse either', () => {
    const r = emergency((x) => (x.filing.fixmedins_codes = ['H99999999999']));
    const result = settle(r);
    expect(result.status).toBe('settled');
    expect(result.emergency_waived?.map((w) => w.code)).toEqual(['NOT_DESIGNATED']);
    expect(result.setlinfo.hifp_pay).toBe('34092.50');
  });
  it('a valid temporary filing keeps its own reduction; a valid long-term filing none', () => {
    const temporary = emergency((x) =>
      Object.assign(x.filing, { kind: 'temporary', type: 'other_temporary' }),
    );
    const result = settle(temporary);
    expect(result.emergency_waived).toBeUndefined();
    expect(result.reduction).toBe('0.2');
    // (30000 − 650) × 0.65 + 10000 × 0.70 + 4800 × 0.75
    expect(result.setlinfo.hifp_pay).toBe('29677.50');
    const longTerm = emergency(() => undefined);
    expect(settle(longTerm).setlinfo.hifp_pay).toBe('38507.50');
    expect(rules(longTerm)).toContain('EMERGENCY_WITH_FILING');
  });
  it('suspension, third party, trauma letter and institution still refuse', () => {
    const r = emergency((x) => {
      x.filing.enddate = '2025-01-31';
      x.person.insu_stas = 'suspended';
      x.institution.schemes = ['work_injury'];
      x.circumstances = { emergency: true, third_party_liable: true, trauma: true };
    });
    expect(codes(r)).toEqual([
      'INSURANCE_SUSPENDED',
      'THIRD_PARTY_LIABLE',
      'TRAUMA_COMMITMENT_MISSING',
      'INSTITUTION_NOT_CONTRACTED',
    ]);
  });
  it('is for medical insurance only: a work-injury emergency with a filing of another province is refused', () => {
    const r = workInjury();
    r.circumstances = { emergency: true };
    r.filing.mdtrtarea_admvs = '310000';
    expect(codes(r)).toEqual(['FILING_OTHER_PLACE']);
  });
  it('the verdict before a bill agrees', () => {
    const r = emergency((x) => (x.filing.enddate = '2025-01-31'));
    const verdict = directSettlementVerdict({ ...r, person: { ...r.person, insu_stas: 'active' } } as never);
    expect(verdict.canSettle).toBe(true);
    expect(verdict.reduction).toBe('0.1');
    expect(verdict.emergencyWaived.map((w) => w.code)).toEqual(['FILING_EXPIRED']);
  });
});

describe('work-injury filing types (seed 003)', () => {
  it.each([
    ['long_term', 'resettled_retiree'],
    ['temporary', 'emergency'],
    ['temporary', 'other_temporary'],
  ])('a %s %s filing is FILING_TYPE_NOT_ALLOWED', (kind, type) => {
    const r = workInjury();
    Object.assign(r.filing, { kind, type });
    expect(codes(r)).toEqual(['FILING_TYPE_NOT_ALLOWED']);
  });
  it('local work-injury treatment does not consult the filing', () => {
    const r = workInjury();
    r.institution.mdtrtarea_admvs = '150102';
    Object.assign(r.filing, { kind: 'long_term', type: 'resettled_retiree' });
    expect(settle(r).status).toBe('settled');
  });
});

describe('work-injury filing windows: 12 months, 3 months, the month-end rule', () => {
  it.each([
    ['2025-01-01', 12, '2025-12-31'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2025-01-31', 3, '2025-04-30'],
    ['2025-03-01', 3, '2025-05-31'],
    ['2024-11-30', 3, '2025-02-28'],
    ['2023-11-29', 3, '2024-02-28'],
    ['2024-10-01', 3, '2024-12-31'],
    ['2024-12-31', 12, '2025-12-30'],
  ])('%s + %i months ends on %s', (begin, months, end) => {
    expect(windowEnd(begin, months)).toBe(end);
  });
  it.each([
    ['long_term', 'long_term_resident', '2025-01-01', '2025-12-31', '2026-01-01'],
    ['long_term', 'posted_worker', '2024-02-29', '2025-02-28', '2025-03-01'],
    ['temporary', 'referral', '2025-01-31', '2025-04-30', '2025-05-01'],
    ['temporary', 'referral', '2025-03-01', '2025-05-31', '2025-06-01'],
  ])('a %s %s filing from %s is valid to %s and expired on %s', (kind, type, begin, last, after) => {
    const r = workInjury();
    Object.assign(r.filing, { kind, type, begndate: begin, enddate: null });
    expect(settle(dates(r, last, last)).status).toBe('settled');
    expect(codes(dates(r, after, after))).toEqual(['FILING_EXPIRED']);
  });
  it('says the window and its end in the trace', () => {
    const r = loadRequest('10-work-injury-referral-window');
    expect(zh(r)).toContain('工伤转诊备案有效期3个月，至2025-04-30');
    expect(rules(r)).toContain('WI_FILING_WINDOW');
  });
  it('admitted inside the window and discharged after it is still valid', () => {
    const r = loadRequest('10-work-injury-referral-window');
    expect(settle(dates(r, '2025-04-25', '2025-05-03')).status).toBe('settled');
  });
  it('an earlier enddate wins over the window', () => {
    const r = workInjury();
    Object.assign(r.filing, { begndate: '2025-01-01', enddate: '2025-06-30' });
    expect(codes(dates(r, '2025-07-01', '2025-07-05'))).toEqual(['FILING_EXPIRED']);
    const ok = dates(workInjury(), '2025-06-01', '2025-06-10');
    Object.assign(ok.filing, { begndate: '2025-01-01', enddate: '2025-06-30' });
    expect(zh(ok).join('\n')).toContain('备案截止日2025-06-30更早，以备案截止日为准');
  });
  it('a filing that begins after discharge is not yet valid', () => {
    const r = workInjury();
    r.filing.begndate = '2025-03-20';
    expect(codes(r)).toEqual(['FILING_NOT_YET_VALID']);
  });
});

describe('wi_confirmations per settlement type (seed 003)', () => {
  const withType = (setlType: string, confirmations: string[] | undefined) => {
    const r = setlType === 'device' ? deviceRequest() : workInjury();
    r.setl_type = setlType;
    r.filing.wi_confirmed = setlType === 'inpatient' && confirmations === undefined;
    if (confirmations) r.filing.wi_confirmations = confirmations;
    if (setlType === 'device') {
      r.lines = [
        {
          feedetl_sn: '1',
          med_list_codg: 'D-LEG-01',
          cnt: '1',
          pric: '2800',
          det_item_fee_sumamt: '2800.00',
        },
      ];
    }
    return r;
  };
  it.each([
    ['inpatient', ['injury'], []],
    ['inpatient', ['recurrence'], []],
    ['inpatient', ['rehab', 'device'], ['WORK_INJURY_NOT_CONFIRMED']],
    ['rehab', ['rehab'], []],
    ['rehab', ['injury', 'recurrence', 'device'], ['WORK_INJURY_NOT_CONFIRMED']],
    ['device', ['device'], []],
    ['device', ['injury', 'recurrence', 'rehab'], ['WORK_INJURY_NOT_CONFIRMED']],
    ['inpatient', [], ['WORK_INJURY_NOT_CONFIRMED']],
  ])('%s with %j → %j', (setlType, confirmations, expected) => {
    expect(codes(withType(setlType, confirmations))).toEqual(expected);
  });
  it('present, they replace wi_confirmed', () => {
    const r = withType('inpatient', ['rehab']);
    r.filing.wi_confirmed = true;
    expect(codes(r)).toEqual(['WORK_INJURY_NOT_CONFIRMED']);
  });
  it('absent, v1 wi_confirmed stands', () => {
    expect(codes(withType('inpatient', undefined))).toEqual([]);
  });
  it('names the confirmation in the trace', () => {
    expect(zh(withType('rehab', ['rehab']))).toContain('参保地已出具工伤康复确认，可直接结算');
  });
});
