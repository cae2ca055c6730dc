export { settle, settleParsed } from './settle';
export { parseSettleRequest } from './validate';
export { InvalidInputError, formatPath } from './errors';
export * from './schema';
export * from './result';
export { NATIONAL_MAX_REDUCTION } from './schema-policy';
export { REFUSAL_MESSAGES } from './messages';
export { isCrossProvince, provinceOfDivision } from './province';
export { isIsoDate } from './schema-primitives';
