// One settlement as a FHIR R4 ExplanationOfBenefit: the bill's lines as items, what the settlement
// made of them as adjudications, and the settlement's figures as header adjudications and totals.
//
// Where each figure goes (docs/exports.md, "FHIR"):
// - item: `submitted` the line amount, `eligible` its in-policy amount, `copay` its personal share
//   outside the policy (full self-pay + over-ceiling + pre-self-pay), and those three parts in the
//   local settlement-amount system. The contract computes the deductible and the funds on the whole
//   settlement (bands over the summed in-policy amount), never per line: they are header figures,
//   and the export does not invent a per-line split the platform never made.
// - header adjudication: `deductible` (act_pay_dedc), `benefit` (fund_pay_sumamt), one per fund
//   payment coded in the local fund-type system (setldetail), `copay` (psn_part_amt), and how the
//   person paid (personal account, cash) in the local system.
// - total: submitted = medfee_sumamt, eligible = inscp_scp_amt, deductible, benefit, copay.
// - payment: what the funds pay the institution (fund_pay_sumamt).
import type {
  ExplanationOfBenefit,
  ExplanationOfBenefitItem,
  ExplanationOfBenefitItemAdjudication,
  Money,
  Resource,
} from '@medplum/fhirtypes';
import { Decimal, formatAmount } from '../../money';
import { FUND_PAY_TYPES, MED_CHRGITM_TYPES } from '../../settlement';
import { itemisedLines } from '../itemised';
import type { SettlementRecord } from '../record';
import {
  SETTLEMENT_AMOUNTS,
  SYSTEMS,
  insutypeName,
  type InsutypeCode,
  type SettlementAmountCode,
} from './code-systems';
import { FhirDecimal, type Exact } from './exact-json';

export type ExactEob = Exact<ExplanationOfBenefit>;
type Adjudication = Exact<ExplanationOfBenefitItemAdjudication>;

export interface EobContext {
  /** the institution's name (the station's configuration) */
  institutionName: string;
}

/** The HL7 adjudication categories the export uses. */
type Hl7Adjudication = 'submitted' | 'eligible' | 'deductible' | 'benefit' | 'copay';

const decimal = (value: string) => new FhirDecimal(new Decimal(value).toFixed());
const money = (amount: string): Exact<Money> => ({ value: new FhirDecimal(amount), currency: 'CNY' });

const hl7 = (code: Hl7Adjudication, amount: string): Adjudication => ({
  category: { coding: [{ system: SYSTEMS.adjudication, code }] },
  amount: money(amount),
});
const local = (code: SettlementAmountCode, amount: string): Adjudication => ({
  category: { coding: [{ system: SYSTEMS.settlementAmount, code, display: SETTLEMENT_AMOUNTS[code][0] }] },
  amount: money(amount),
});

function items(record: SettlementRecord): Exact<ExplanationOfBenefitItem>[] {
  const { request, result } = record;
  const lines = itemisedLines(request, result.items);
  if (lines.length === 0)
    // a refused settlement has no item results: the lines as submitted, nothing adjudicated
    return request.lines.map((line, i) => ({
      sequence: i + 1,
      productOrService: { coding: [{ system: SYSTEMS.medListCodg, code: line.med_list_codg }] },
      quantity: { value: decimal(line.cnt) },
      unitPrice: { value: decimal(line.pric), currency: 'CNY' },
      net: money(formatAmount(new Decimal(line.det_item_fee_sumamt))),
      adjudication: [hl7('submitted', formatAmount(new Decimal(line.det_item_fee_sumamt)))],
    }));
  return lines.map(({ line, name, med_chrgitm_type, item }, i) => {
    const outside = formatAmount(
      new Decimal(item.fulamt_ownpay_amt).plus(item.overlmt_amt).plus(item.preselfpay_amt),
    );
    return {
      sequence: i + 1,
      category: {
        coding: [
          {
            system: SYSTEMS.chargeCategory,
            code: med_chrgitm_type,
            display: MED_CHRGITM_TYPES[med_chrgitm_type][0],
          },
        ],
      },
      productOrService: {
        coding: [
          { system: SYSTEMS.medListCodg, code: line.med_list_codg, ...(name ? { display: name } : {}) },
        ],
      },
      quantity: { value: decimal(line.cnt) },
      unitPrice: { value: decimal(line.pric), currency: 'CNY' },
      net: money(item.det_item_fee_sumamt),
      adjudication: [
        hl7('submitted', item.det_item_fee_sumamt),
        hl7('eligible', item.inscp_scp_amt),
        hl7('copay', outside),
        local('fulamt_ownpay_amt', item.fulamt_ownpay_amt),
        local('overlmt_selfpay', item.overlmt_amt),
        local('preselfpay_amt', item.preselfpay_amt),
      ],
    };
  });
}

function insutypeOf(record: SettlementRecord): InsutypeCode {
  if (record.request.scheme === 'work_injury') return '410';
  return record.request.person.insutype ?? '310';
}

function contained(record: SettlementRecord, ctx: EobContext): Exact<Resource>[] {
  const { request, encounter } = record;
  const insutype = insutypeOf(record);
  const out: Exact<Resource>[] = [
    {
      resourceType: 'Patient',
      id: 'patient',
      identifier: [
        { system: SYSTEMS.psnNo, value: record.psn_no },
        { system: SYSTEMS.certno, value: record.certno },
      ],
      name: [{ text: record.psn_name }],
    },
    {
      resourceType: 'Organization',
      id: 'provider',
      identifier: [{ system: SYSTEMS.fixmedinsCode, value: request.institution.fixmedins_code }],
      name: ctx.institutionName,
    },
    {
      resourceType: 'Organization',
      id: 'insurer',
      identifier: [{ system: SYSTEMS.admdvs, value: request.person.insuplc_admdvs }],
      name: `${request.person.insuplc_admdvs} ${insutypeName(insutype)}`,
    },
    {
      resourceType: 'Coverage',
      id: 'coverage',
      status: 'active',
      type: { coding: [{ system: SYSTEMS.insutype, code: insutype, display: insutypeName(insutype) }] },
      beneficiary: { reference: '#patient' },
      payor: [{ reference: '#insurer' }],
    },
  ];
  if (encounter?.dr_name)
    out.push({
      resourceType: 'Practitioner',
      id: 'doctor',
      ...(encounter.dr_codg ? { identifier: [{ value: encounter.dr_codg }] } : {}),
      name: [{ text: encounter.dr_name }],
    });
  return out;
}

export function explanationOfBenefit(record: SettlementRecord, ctx: EobContext): ExactEob {
  const { request, result, encounter } = record;
  const s = result.setlinfo;
  const settled = result.status === 'settled';
  const main = (encounter?.diseinfo ?? []).filter((d) => d.maindiag_flag === '1');
  const diagnoses = [...main, ...(encounter?.diseinfo ?? []).filter((d) => d.maindiag_flag !== '1')];
  const inpatient = request.setl_type === 'inpatient' || request.setl_type === 'rehab';
  const eob: ExactEob = {
    resourceType: 'ExplanationOfBenefit',
    id: record.local_setl_id,
    contained: contained(record, ctx),
    identifier: [
      { system: SYSTEMS.localSetlId, value: record.local_setl_id },
      ...(record.setl_id ? [{ system: SYSTEMS.platformSetlId, value: record.setl_id }] : []),
      { system: SYSTEMS.encounterNo, value: record.encounter_no },
    ],
    status: record.status === 'cancelled' ? 'cancelled' : 'active',
    type: {
      coding: [{ system: SYSTEMS.claimType, code: inpatient ? 'institutional' : 'professional' }],
    },
    subType: { coding: [{ system: SYSTEMS.setlType, code: request.setl_type }] },
    use: 'claim',
    patient: { reference: '#patient' },
    billablePeriod: {
      start: encounter?.adm_date ?? request.admission_date ?? request.settle_date,
      end: encounter?.dscg_date ?? request.settle_date,
    },
    created: record.settled_at,
    insurer: { reference: '#insurer' },
    provider: { reference: '#provider' },
    outcome: settled ? 'complete' : 'error',
    ...(settled ? {} : { disposition: result.refusal.map((r) => r.message).join('；') }),
    payee: { type: { coding: [{ system: SYSTEMS.payeeType, code: 'provider' }] } },
    ...(encounter?.dr_name ? { careTeam: [{ sequence: 1, provider: { reference: '#doctor' } }] } : {}),
    ...(diagnoses.length
      ? {
          diagnosis: diagnoses.map((d, i) => ({
            sequence: i + 1,
            diagnosisCodeableConcept: {
              coding: [{ system: SYSTEMS.icd10, code: d.diag_code, display: d.diag_name }],
            },
            type: [
              {
                coding: [
                  {
                    system: SYSTEMS.diagnosisType,
                    code: d.maindiag_flag === '1' ? 'principal' : 'discharge',
                  },
                ],
              },
            ],
          })),
        }
      : {}),
    ...(encounter?.oprninfo.length
      ? {
          procedure: encounter.oprninfo.map((o, i) => ({
            sequence: i + 1,
            ...(o.oprn_oprt_date ? { date: o.oprn_oprt_date } : {}),
            procedureCodeableConcept: {
              coding: [{ system: SYSTEMS.icd9cm3, code: o.oprn_oprt_code, display: o.oprn_oprt_name }],
            },
          })),
        }
      : {}),
    insurance: [{ focal: true, coverage: { reference: '#coverage' } }],
    item: items(record),
    adjudication: [
      hl7('deductible', s.act_pay_dedc),
      hl7('benefit', s.fund_pay_sumamt),
      ...(result.setldetail ?? []).map((f): Adjudication => ({
        category: {
          coding: [
            {
              system: SYSTEMS.fundPayType,
              code: f.fund_pay_type,
              display: FUND_PAY_TYPES[f.fund_pay_type][0],
            },
          ],
        },
        amount: money(f.fund_payamt),
      })),
      hl7('copay', s.psn_part_amt),
      local('acct_pay', s.acct_pay),
      local('psn_cash_pay', s.psn_cash_pay),
    ],
    total: [
      {
        category: { coding: [{ system: SYSTEMS.adjudication, code: 'submitted' }] },
        amount: money(s.medfee_sumamt),
      },
      {
        category: { coding: [{ system: SYSTEMS.adjudication, code: 'eligible' }] },
        amount: money(s.inscp_scp_amt),
      },
      {
        category: { coding: [{ system: SYSTEMS.adjudication, code: 'deductible' }] },
        amount: money(s.act_pay_dedc),
      },
      {
        category: { coding: [{ system: SYSTEMS.adjudication, code: 'benefit' }] },
        amount: money(s.fund_pay_sumamt),
      },
      {
        category: { coding: [{ system: SYSTEMS.adjudication, code: 'copay' }] },
        amount: money(s.psn_part_amt),
      },
    ],
    payment: {
      type: { coding: [{ system: SYSTEMS.paymentType, code: 'complete' }] },
      date: record.settle_date,
      amount: money(s.fund_pay_sumamt),
    },
  };
  return eob;
}
