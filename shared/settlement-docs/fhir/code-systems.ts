// The code systems the FHIR export uses. HL7's own where one fits (adjudication categories, claim
// types, diagnosis types); the station's local ones for what has no international code: fund types
// (setldetail.fund_pay_type), charge categories (med_chrgitm_type), settlement types, and the
// settlement figures that are not an HL7 adjudication category. Each local system is also exported as
// a CodeSystem resource (in the period Bundle), so a reader can see what its codes mean.
import type { CodeSystem, CodeSystemConcept } from '@medplum/fhirtypes';
import { FUND_PAY_TYPES, MED_CHRGITM_TYPES, SETL_TYPES } from '../../settlement';

const LOCAL = 'urn:direct-settlement-station:fhir';

export const SYSTEMS = {
  adjudication: 'http://terminology.hl7.org/CodeSystem/adjudication',
  claimType: 'http://terminology.hl7.org/CodeSystem/claim-type',
  diagnosisType: 'http://terminology.hl7.org/CodeSystem/ex-diagnosistype',
  payeeType: 'http://terminology.hl7.org/CodeSystem/payeetype',
  paymentType: 'http://terminology.hl7.org/CodeSystem/ex-paymenttype',
  fundPayType: `${LOCAL}:CodeSystem:fund-pay-type`,
  chargeCategory: `${LOCAL}:CodeSystem:med-chrgitm-type`,
  setlType: `${LOCAL}:CodeSystem:setl-type`,
  settlementAmount: `${LOCAL}:CodeSystem:settlement-amount`,
  insutype: `${LOCAL}:CodeSystem:insutype`,
  /** identifiers */
  localSetlId: `${LOCAL}:NamingSystem:local-setl-id`,
  platformSetlId: `${LOCAL}:NamingSystem:setl-id`,
  encounterNo: `${LOCAL}:NamingSystem:mdtrt-id`,
  psnNo: `${LOCAL}:NamingSystem:psn-no`,
  certno: `${LOCAL}:NamingSystem:certno`,
  fixmedinsCode: `${LOCAL}:NamingSystem:fixmedins-code`,
  admdvs: `${LOCAL}:NamingSystem:admdvs`,
  medListCodg: `${LOCAL}:CodeSystem:med-list-codg`,
  icd10: `${LOCAL}:CodeSystem:icd10-nhsa`,
  icd9cm3: `${LOCAL}:CodeSystem:icd9cm3-nhsa`,
} as const;

/** Settlement figures carried as local adjudications: the item's parts of its personal share, and
 * how the person paid. Their Chinese names are those of the settlement contract's glossary. */
export const SETTLEMENT_AMOUNTS = {
  fulamt_ownpay_amt: ['全自费', 'wholly self-paid'],
  overlmt_selfpay: ['超限价自付', 'over the price ceiling'],
  preselfpay_amt: ['先行自付', 'pre-self-pay'],
  acct_pay: ['个人账户支付', 'personal account'],
  psn_cash_pay: ['个人现金支付', 'cash'],
} as const;
export type SettlementAmountCode = keyof typeof SETTLEMENT_AMOUNTS;

/** The insurance types a settlement is under: the medical ones (person.insutype) and work injury. */
export const INSUTYPES = {
  '310': ['职工基本医疗保险', 'employee basic medical insurance'],
  '390': ['城乡居民基本医疗保险', 'resident basic medical insurance'],
  '410': ['工伤保险', 'work-injury insurance'],
} as const;
export type InsutypeCode = keyof typeof INSUTYPES;
export const insutypeName = (code: InsutypeCode): string => INSUTYPES[code][0];

function codeSystem(
  url: string,
  name: string,
  title: string,
  concepts: [code: string, zh: string, en: string][],
): CodeSystem {
  return {
    resourceType: 'CodeSystem',
    url,
    name,
    title,
    status: 'active',
    content: 'complete',
    caseSensitive: true,
    // a concept whose name is its code (the settlement types) carries no display
    concept: concepts.map(([code, zh, en]): CodeSystemConcept =>
      zh === code ? { code } : { code, display: zh, designation: [{ language: 'en', value: en }] },
    ),
  };
}

/** The local code systems as resources. */
export function localCodeSystems(): CodeSystem[] {
  return [
    codeSystem(
      SYSTEMS.fundPayType,
      'FundPayType',
      '基金支付类型 / fund payment types',
      Object.entries(FUND_PAY_TYPES).map(([code, [zh, en]]) => [code, zh, en]),
    ),
    codeSystem(
      SYSTEMS.chargeCategory,
      'MedChrgitmType',
      '收费项目类别 / charge categories',
      Object.entries(MED_CHRGITM_TYPES)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([code, [zh, en]]) => [code, zh, en]),
    ),
    codeSystem(
      SYSTEMS.setlType,
      'SetlType',
      '结算类型 / settlement types',
      [...new Set(Object.values(SETL_TYPES).flat())].map((code): [string, string, string] => [
        code,
        code,
        code,
      ]),
    ),
    codeSystem(
      SYSTEMS.settlementAmount,
      'SettlementAmount',
      '结算金额项目 / settlement amounts',
      Object.entries(SETTLEMENT_AMOUNTS).map(([code, [zh, en]]) => [code, zh, en]),
    ),
    codeSystem(
      SYSTEMS.insutype,
      'Insutype',
      '险种类型 / insurance types',
      Object.entries(INSUTYPES).map(([code, [zh, en]]) => [code, zh, en]),
    ),
  ];
}
