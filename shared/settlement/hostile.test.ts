// A table of hostile inputs: each is refused with INVALID_INPUT and the JSON path of the offending field.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidInputError, settle } from './index';

type Req = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const base = (): Req =>
  JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/01-worked-example.request.json'), 'utf8'));
const wi = (): Req =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, 'fixtures/06-work-injury-inpatient.request.json'), 'utf8'),
  );

const cases: [string, () => unknown, string][] = [
  ['not an object', () => 'settle me', '$'],
  ['null', () => null, '$'],
  ['unknown contract', () => ({ ...base(), contract: 'settle/v3' }), 'contract'],
  ['unknown scheme', () => ({ ...base(), scheme: 'dental' }), 'scheme'],
  ['unknown setl_type', () => ({ ...base(), setl_type: 'daycare' }), 'setl_type'],
  ['setl_type of the other scheme', () => ({ ...base(), setl_type: 'device' }), 'setl_type'],
  [
    'missing person',
    () => {
      const r = base();
      delete r.person;
      return r;
    },
    'person',
  ],
  [
    'missing psn_no',
    () => {
      const r = base();
      delete r.person.psn_no;
      return r;
    },
    'person.psn_no',
  ],
  [
    'unknown category',
    () => {
      const r = base();
      r.person.category = 'boss';
      return r;
    },
    'person.category',
  ],
  [
    'bad insured place',
    () => {
      const r = base();
      r.person.insuplc_admdvs = '11000';
      return r;
    },
    'person.insuplc_admdvs',
  ],
  [
    'hosp_lv 4',
    () => {
      const r = base();
      r.institution.hosp_lv = 4;
      return r;
    },
    'institution.hosp_lv',
  ],
  ['impossible date', () => ({ ...base(), settle_date: '2025-02-30' }), 'settle_date'],
  ['admission after settlement', () => ({ ...base(), admission_date: '2025-07-01' }), 'admission_date'],
  [
    'thousands separator',
    () => {
      const r = base();
      r.lines[0].det_item_fee_sumamt = '3,000.00';
      return r;
    },
    'lines[0].det_item_fee_sumamt',
  ],
  [
    '"12,000.00" as a price',
    () => {
      const r = base();
      r.lines[1].pric = '12,000.00';
      return r;
    },
    'lines[1].pric',
  ],
  [
    'negative count',
    () => {
      const r = base();
      r.lines[3].cnt = '-1';
      return r;
    },
    'lines[3].cnt',
  ],
  [
    'count as a number',
    () => {
      const r = base();
      r.lines[2].cnt = 100;
      return r;
    },
    'lines[2].cnt',
  ],
  [
    'three-decimal amount',
    () => {
      const r = base();
      r.lines[0].det_item_fee_sumamt = '3000.001';
      return r;
    },
    'lines[0].det_item_fee_sumamt',
  ],
  [
    'amount is not cnt × pric',
    () => {
      const r = base();
      r.lines[2].det_item_fee_sumamt = '20000.02';
      return r;
    },
    'lines[2].det_item_fee_sumamt',
  ],
  [
    'duplicate feedetl_sn',
    () => {
      const r = base();
      r.lines[1].feedetl_sn = '1';
      return r;
    },
    'lines[1].feedetl_sn',
  ],
  ['no lines', () => ({ ...base(), lines: [] }), 'lines'],
  [
    'ratio 1.2',
    () => {
      const r = base();
      r.policy.inpatient.bands[0].ratio.in_service['3'] = '1.2';
      return r;
    },
    'policy.inpatient.bands[0].ratio.in_service["3"]',
  ],
  [
    'selfpay_prop 1.2',
    () => {
      const r = base();
      r.catalog.B02.selfpay_prop = '1.2';
      return r;
    },
    'catalog.B02.selfpay_prop',
  ],
  [
    'referral reduction above 0.10',
    () => {
      const r = base();
      r.policy.cross_province.reduction.referral = '0.15';
      return r;
    },
    'policy.cross_province.reduction.referral',
  ],
  [
    'other temporary reduction above 0.20',
    () => {
      const r = base();
      r.policy.cross_province.reduction.other_temporary = '0.25';
      return r;
    },
    'policy.cross_province.reduction.other_temporary',
  ],
  [
    'closed last band',
    () => {
      const r = base();
      r.policy.inpatient.bands[2].upto = '90000';
      return r;
    },
    'policy.inpatient.bands[2].upto',
  ],
  [
    'bands not increasing',
    () => {
      const r = base();
      r.policy.inpatient.bands[1].upto = '20000';
      return r;
    },
    'policy.inpatient.bands[1].upto',
  ],
  [
    'negative cap',
    () => {
      const r = base();
      r.policy.inpatient.annual_cap = '-5';
      return r;
    },
    'policy.inpatient.annual_cap',
  ],
  [
    'policy not in force',
    () => {
      const r = base();
      r.policy.valid_from = '2025-07-01';
      return r;
    },
    'policy.valid_from',
  ],
  [
    'policy of another province',
    () => {
      const r = base();
      r.policy.insuplc_admdvs = '310000';
      return r;
    },
    'policy.insuplc_admdvs',
  ],
  [
    'medical without catalog',
    () => {
      const r = base();
      delete r.catalog;
      return r;
    },
    'catalog',
  ],
  [
    'medical without policy',
    () => {
      const r = base();
      delete r.policy;
      return r;
    },
    'policy',
  ],
  [
    'inpatient without inpatient policy',
    () => {
      const r = base();
      delete r.policy.inpatient;
      return r;
    },
    'policy.inpatient',
  ],
  ['chronic without disease code', () => ({ ...base(), setl_type: 'chronic_outpatient' }), 'dise_codg'],
  [
    'accumulators of another year',
    () => {
      const r = base();
      r.accumulators.year = 2024;
      return r;
    },
    'accumulators.year',
  ],
  [
    'negative accumulator',
    () => {
      const r = base();
      r.accumulators.hifp_pay = '-1.00';
      return r;
    },
    'accumulators.hifp_pay',
  ],
  [
    'filing kind and type disagree',
    () => {
      const r = base();
      r.filing.type = 'referral';
      return r;
    },
    'filing.type',
  ],
  [
    'filing ends before it begins',
    () => {
      const r = base();
      r.filing.enddate = '2023-01-01';
      return r;
    },
    'filing.enddate',
  ],
  [
    'work injury without wi_catalog',
    () => {
      const r = wi();
      delete r.wi_catalog;
      return r;
    },
    'wi_catalog',
  ],
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
