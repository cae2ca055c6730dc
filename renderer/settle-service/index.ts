// The counter's settle API: preview a bill from cached data, then commit it atomically with its
// outbox entry. See docs/sync.md.
export { createSettleService } from './settle-service';
export type { SettleService, SettleServiceDeps, Preview, CommitOptions } from './settle-service';
export { buildSettleRequest } from './build-request';
export type { StationProfile, SettleInput, BuiltRequest } from './build-request';
export { SettleServiceError } from './errors';
export type { SettleServiceErrorCode } from './errors';
export { chinaOffsetIso, chinaDate } from './time';
