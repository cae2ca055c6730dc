// A table of hostile settle/v2 inputs (the new fields and policy parts): each is refused with
// INVALID_INPUT and the JSON path of the offending field. The settle/v1 table is hostile-v1.test.ts.
import { describe, expect, it } from 'vitest';
import {
  edit,
  type Req,
  medicalRequest as base,
  residentRequest as resident,
  workInjuryRequest as wi,
} from '../../test/support/settle-fixtures';
import { InvalidInputError, settle } from './index';

// settle/v2 cases: the new fields and policy parts.
const v2Cases: [string, () => unknown, string][] = [
  // Malformed numbers inside refined parts of the policy (these once escaped as a DecimalError).
  [
    'band upto malformed',
    edit(base, (r) => (r.policy.inpatient.bands[0].upto = '3万')),
    'policy.inpatient.bands[0].upto',
  ],
  [
    'reduction malformed',
    edit(base, (r) => (r.policy.cross_province.reduction.emergency = 'ten')),
    'policy.cross_province.reduction.emergency',
  ],
  [
    'serious-illness upto malformed',
    edit(resident, (r) => (r.policy.serious_illness.bands[0].upto = '10e4')),
    'policy.serious_illness.bands[0].upto',
  ],
  ['unknown fee_kind', edit(base, (r) => (r.lines[0].fee_kind = 'parking')), 'lines[0].fee_kind'],
  ['fee_kind in capitals', edit(base, (r) => (r.lines[1].fee_kind = 'MEAL')), 'lines[1].fee_kind'],
  [
    'line med_chrgitm_type "15"',
    edit(base, (r) => (r.lines[2].med_chrgitm_type = '15')),
    'lines[2].med_chrgitm_type',
  ],
  [
    'line med_chrgitm_type 9 (a number)',
    edit(base, (r) => (r.lines[0].med_chrgitm_type = 9)),
    'lines[0].med_chrgitm_type',
  ],
  [
    'line med_chrgitm_type "1" (no leading zero)',
    edit(base, (r) => (r.lines[0].med_chrgitm_type = '1')),
    'lines[0].med_chrgitm_type',
  ],
  [
    'catalog med_chrgitm_type "00"',
    edit(base, (r) => (r.catalog.A01.med_chrgitm_type = '00')),
    'catalog.A01.med_chrgitm_type',
  ],
  [
    'wi_catalog med_chrgitm_type "15"',
    edit(wi, (r) => (r.wi_catalog['W-BED'].med_chrgitm_type = '15')),
    'wi_catalog["W-BED"].med_chrgitm_type',
  ],
  [
    'device med_chrgitm_type "15"',
    edit(resident, (r) => (r.policy.work_injury.devices['D-LIMB-01'].med_chrgitm_type = '15')),
    'policy.work_injury.devices["D-LIMB-01"].med_chrgitm_type',
  ],
  ['stay.part 0', edit(base, (r) => (r.stay = { part: 0 })), 'stay.part'],
  ['stay.part -1', edit(base, (r) => (r.stay = { part: -1 })), 'stay.part'],
  ['stay.part 1.5', edit(base, (r) => (r.stay = { part: 1.5 })), 'stay.part'],
  ['stay.part "2" (a string)', edit(base, (r) => (r.stay = { part: '2' })), 'stay.part'],
  ['stay without part', edit(base, (r) => (r.stay = { dedc_left: '0.00' })), 'stay.part'],
  [
    'stay.dedc_left negative',
    edit(base, (r) => (r.stay = { part: 2, dedc_left: '-1', inscp_before: '0' })),
    'stay.dedc_left',
  ],
  [
    'stay.dedc_left a number',
    edit(base, (r) => (r.stay = { part: 2, dedc_left: 0, inscp_before: '0' })),
    'stay.dedc_left',
  ],
  [
    'stay.inscp_before with a separator',
    edit(base, (r) => (r.stay = { part: 2, dedc_left: '0', inscp_before: '22,000.00' })),
    'stay.inscp_before',
  ],
  [
    'stay.inscp_before three decimals',
    edit(base, (r) => (r.stay = { part: 2, dedc_left: '0', inscp_before: '1.005' })),
    'stay.inscp_before',
  ],
  [
    'medical part 2 without dedc_left',
    edit(base, (r) => (r.stay = { part: 2, inscp_before: '100.00' })),
    'stay.dedc_left',
  ],
  [
    'medical part 2 without inscp_before',
    edit(base, (r) => (r.stay = { part: 2, dedc_left: '0.00' })),
    'stay.inscp_before',
  ],
  [
    'stay on an outpatient bill',
    edit(base, (r) => Object.assign(r, { setl_type: 'outpatient', stay: { part: 1 } })),
    'stay',
  ],
  [
    'stay on a device bill',
    edit(wi, (r) => Object.assign(r, { setl_type: 'device', policy: resident().policy, stay: { part: 2 } })),
    'stay',
  ],
  [
    'serious-illness bands not increasing',
    edit(
      resident,
      (r) =>
        (r.policy.serious_illness.bands = [
          { upto: '100000', ratio: '0.6' },
          { upto: '90000', ratio: '0.7' },
          { upto: null, ratio: '0.8' },
        ]),
    ),
    'policy.serious_illness.bands[1].upto',
  ],
  [
    'serious-illness bands equal',
    edit(
      resident,
      (r) =>
        (r.policy.serious_illness.bands = [
          { upto: '100000', ratio: '0.6' },
          { upto: '100000', ratio: '0.7' },
          { upto: null, ratio: '0.8' },
        ]),
    ),
    'policy.serious_illness.bands[1].upto',
  ],
  [
    'serious-illness first upto at the threshold',
    edit(resident, (r) => (r.policy.serious_illness.bands[0].upto = '15000')),
    'policy.serious_illness.bands[0].upto',
  ],
  [
    'serious-illness first upto below the threshold',
    edit(resident, (r) => (r.policy.serious_illness.bands[0].upto = '10000')),
    'policy.serious_illness.bands[0].upto',
  ],
  [
    'serious-illness last band closed',
    edit(resident, (r) => (r.policy.serious_illness.bands[1].upto = '500000')),
    'policy.serious_illness.bands[1].upto',
  ],
  [
    'serious-illness open band before the last',
    edit(resident, (r) => (r.policy.serious_illness.bands[0].upto = null)),
    'policy.serious_illness.bands[0].upto',
  ],
  [
    'serious-illness no bands',
    edit(resident, (r) => (r.policy.serious_illness.bands = [])),
    'policy.serious_illness.bands',
  ],
  [
    'serious-illness ratio 1.1',
    edit(resident, (r) => (r.policy.serious_illness.bands[0].ratio = '1.1')),
    'policy.serious_illness.bands[0].ratio',
  ],
  [
    'serious-illness ratio -0.6',
    edit(resident, (r) => (r.policy.serious_illness.bands[1].ratio = '-0.6')),
    'policy.serious_illness.bands[1].ratio',
  ],
  [
    'serious-illness threshold malformed',
    edit(resident, (r) => (r.policy.serious_illness.threshold = '1.5万')),
    'policy.serious_illness.threshold',
  ],
  [
    'serious-illness cap missing',
    edit(resident, (r) => delete r.policy.serious_illness.annual_cap),
    'policy.serious_illness.annual_cap',
  ],
  [
    'assistance ratio 1.01',
    edit(resident, (r) => (r.policy.medical_assistance.ratio.low_income = '1.01')),
    'policy.medical_assistance.ratio.low_income',
  ],
  [
    'assistance ratio "70%"',
    edit(resident, (r) => (r.policy.medical_assistance.ratio.extreme_poverty = '70%')),
    'policy.medical_assistance.ratio.extreme_poverty',
  ],
  [
    'assistance cap negative',
    edit(resident, (r) => (r.policy.medical_assistance.annual_cap = '-1')),
    'policy.medical_assistance.annual_cap',
  ],
  [
    'institution.schemes with an unknown scheme',
    edit(base, (r) => (r.institution.schemes = ['medical', 'dental'])),
    'institution.schemes[1]',
  ],
  [
    'institution.schemes a string',
    edit(base, (r) => (r.institution.schemes = 'medical')),
    'institution.schemes',
  ],
  [
    'unknown wi_confirmation',
    edit(wi, (r) => (r.filing.wi_confirmations = ['accident'])),
    'filing.wi_confirmations[0]',
  ],
  [
    'wi_confirmations a boolean',
    edit(wi, (r) => (r.filing.wi_confirmations = true)),
    'filing.wi_confirmations',
  ],
  ['empty assistance category', edit(base, (r) => (r.person.assistance = '')), 'person.assistance'],
  [
    'negative hifmi_base',
    edit(resident, (r) => (r.accumulators.hifmi_base = '-5.00')),
    'accumulators.hifmi_base',
  ],
  [
    'hifmi_pay three decimals',
    edit(resident, (r) => (r.accumulators.hifmi_pay = '1.001')),
    'accumulators.hifmi_pay',
  ],
  ['maf_pay a number', edit(base, (r) => (r.accumulators.maf_pay = 100)), 'accumulators.maf_pay'],
];

describe('hostile settle/v2 requests', () => {
  it.each(v2Cases)('%s → INVALID_INPUT at %s', (_name, make, path) => {
    expect(() => settle(make())).toThrow(InvalidInputError);
    try {
      settle(make());
    } catch (e) {
      expect((e as InvalidInputError).toJSON()).toMatchObject({ error: 'INVALID_INPUT', path });
    }
  });
  it('the same requests as settle/v2 fail the same way', () => {
    for (const [, make, path] of v2Cases) {
      const r = make() as Req;
      r.contract = 'settle/v2';
      expect(() => settle(r), path).toThrow(InvalidInputError);
    }
  });
});
