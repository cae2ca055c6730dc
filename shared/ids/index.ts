// Identity checks shared by the station, the card readers and the platform simulator (pure).
export { citizenIdCheckChar, validateCitizenId, isCalendarDate } from './citizen-id';
export type { CitizenIdResult, ValidateCitizenIdOptions } from './citizen-id';
export { cardNumberCheckChar, checkCardNumber } from './card-number';
export { provinceOf, provinceName, sameProvince, isKnownProvince } from './provinces';
export { ulid } from './ulid';
