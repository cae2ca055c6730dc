export { explanationOfBenefit, type EobContext, type ExactEob } from './explanation-of-benefit';
export { settlementsBundle, type PeriodBundleOptions } from './bundle';
export { localCodeSystems, SYSTEMS, SETTLEMENT_AMOUNTS, INSUTYPES, type InsutypeCode } from './code-systems';
export { fhirJson, FhirDecimal, type Exact } from './exact-json';
