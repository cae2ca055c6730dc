// A table of hostile settle/v1 inputs: each is refused with INVALID_INPUT and the JSON path of the offending field.
import { describe, expect, it } from 'vitest';
import { edit, medicalRequest as base, workInjuryRequest as wi } from '../../test/support/settle-fixtures';
import { InvalidInputError, settle } from './index';

// settle/v1 cases.
const cases: [string, () => unknown, string][] = [
  ['not an object', () => 'settle me', '$'],
  ['null', () => null, '$'],
  ['unknown contract', () => ({ ...base(), contract: 'settle/v3' }), 'contract'],
  ['unknown scheme', () => ({ ...base(), scheme: 'dental' }), 'scheme'],
  ['unknown setl_type', () => ({ ...base(), setl_type: 'daycare' }), 'setl_type'],
  ['setl_type of the other scheme', () => ({ ...base(), setl_type: 'device' }), 'setl_type'],
  ['missing person', edit(base, (r) => delete r.person), 'person'],
  ['missing psn_no', edit(base, (r) => delete r.person.psn_no), 'person.psn_no'],
  ['unknown category', edit(base, (r) => (r.person.category = 'boss')), 'person.category'],
  ['bad insured place', edit(base, (r) => (r.person.insuplc_admdvs = '11000')), 'person.insuplc_admdvs'],
  ['hosp_lv 4', edit(base, (r) => (r.institution.hosp_lv = 4)), 'institution.hosp_lv'],
  ['impossible date', () => ({ ...base(), settle_date: '2025-02-30' }), 'settle_date'],
  ['admission after settlement', () => ({ ...base(), admission_date: '2025-07-01' }), 'admission_date'],
  [
    'thousands separator',
    edit(base, (r) => (r.lines[0].det_item_fee_sumamt = '3,000.00')),
    'lines[0].det_item_fee_sumamt',
  ],
  ['"12,000.00" as a price', edit(base, (r) => (r.lines[1].pric = '12,000.00')), 'lines[1].pric'],
  ['negative count', edit(base, (r) => (r.lines[3].cnt = '-1')), 'lines[3].cnt'],
  ['count as a number', edit(base, (r) => (r.lines[2].cnt = 100)), 'lines[2].cnt'],
  [
    'three-decimal amount',
    edit(base, (r) => (r.lines[0].det_item_fee_sumamt = '3000.001')),
    'lines[0].det_item_fee_sumamt',
  ],
  [
    'amount is not cnt × pric',
    edit(base, (r) => (r.lines[2].det_item_fee_sumamt = '20000.02')),
    'lines[2].det_item_fee_sumamt',
  ],
  ['duplicate feedetl_sn', edit(base, (r) => (r.lines[1].feedetl_sn = '1')), 'lines[1].feedetl_sn'],
  ['no lines', () => ({ ...base(), lines: [] }), 'lines'],
  [
    'ratio 1.2',
    edit(base, (r) => (r.policy.inpatient.bands[0].ratio.in_service['3'] = '1.2')),
    'policy.inpatient.bands[0].ratio.in_service["3"]',
  ],
  ['selfpay_prop 1.2', edit(base, (r) => (r.catalog.B02.selfpay_prop = '1.2')), 'catalog.B02.selfpay_prop'],
  [
    'referral reduction above 0.10',
    edit(base, (r) => (r.policy.cross_province.reduction.referral = '0.15')),
    'policy.cross_province.reduction.referral',
  ],
  [
    'other temporary reduction above 0.20',
    edit(base, (r) => (r.policy.cross_province.reduction.other_temporary = '0.25')),
    'policy.cross_province.reduction.other_temporary',
  ],
  [
    'closed last band',
    edit(base, (r) => (r.policy.inpatient.bands[2].upto = '90000')),
    'policy.inpatient.bands[2].upto',
  ],
  [
    'bands not increasing',
    edit(base, (r) => (r.policy.inpatient.bands[1].upto = '20000')),
    'policy.inpatient.bands[1].upto',
  ],
  ['negative cap', edit(base, (r) => (r.policy.inpatient.annual_cap = '-5')), 'policy.inpatient.annual_cap'],
  ['policy not in force', edit(base, (r) => (r.policy.valid_from = '2025-07-01')), 'policy.valid_from'],
  [
    'policy of another province',
    edit(base, (r) => (r.policy.insuplc_admdvs = '310000')),
    'policy.insuplc_admdvs',
  ],
  ['medical without catalog', edit(base, (r) => delete r.catalog), 'catalog'],
  ['medical without policy', edit(base, (r) => delete r.policy), 'policy'],
  ['inpatient without inpatient policy', edit(base, (r) => delete r.policy.inpatient), 'policy.inpatient'],
  ['chronic without disease code', () => ({ ...base(), setl_type: 'chronic_outpatient' }), 'dise_codg'],
  ['accumulators of another year', edit(base, (r) => (r.accumulators.year = 2024)), 'accumulators.year'],
  ['negative accumulator', edit(base, (r) => (r.accumulators.hifp_pay = '-1.00')), 'accumulators.hifp_pay'],
  ['filing kind and type disagree', edit(base, (r) => (r.filing.type = 'referral')), 'filing.type'],
  ['filing ends before it begins', edit(base, (r) => (r.filing.enddate = '2023-01-01')), 'filing.enddate'],
  ['work injury without wi_catalog', edit(wi, (r) => delete r.wi_catalog), 'wi_catalog'],
  ['device without device catalog', () => ({ ...wi(), setl_type: 'device', policy: undefined }), 'policy'],
];

describe('hostile settle requests', () => {
  it.each(cases)('%s → INVALID_INPUT at %s', (_name, make, path) => {
    let error: unknown;
    try {
      settle(make());
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    const json = (error as InvalidInputError).toJSON();
    expect(json.error).toBe('INVALID_INPUT');
    expect(json.path).toBe(path);
    expect(json.message.length).toBeGreaterThan(5);
  });
});
