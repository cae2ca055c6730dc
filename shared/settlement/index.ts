export { settle, settleParsed, settleShaped } from './settle';
export { parseSettleRequest } from './validate';
export { InvalidInputError, formatPath } from './errors';
export * from './schema';
export * from './result';
export { NATIONAL_MAX_REDUCTION } from './schema-policy';
export { REFUSAL_MESSAGES } from './messages';
export { isCrossProvince, provinceOfDivision } from './province';
export { isIsoDate } from './schema-primitives';
export { directSettlementVerdict, type Verdict, type VerdictInput } from './verdict';
export {
  MED_CHRGITM_TYPES,
  MED_CHRGITM_TYPE_CODES,
  OTHER_CHRGITM_TYPE,
  FEE_KINDS,
  type MedChrgitmType,
  type FeeKind,
} from './schema-primitives';
export { WI_FILING_MONTHS, windowEnd, filingWindow } from './filing-window';
export { basicFundType } from './settlement-list';
export { withoutSettlement } from './without-settlement';
export { inpatientDeductible } from './funds-inpatient';
