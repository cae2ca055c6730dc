// The counter's settle API: the verdict after a card read, preview a bill from cached data, commit it
// atomically with its outbox entry, resolve the platform's tasks. See docs/sync.md.
export { createSettleService } from './settle-service';
export type {
  SettleService,
  SettleServiceDeps,
  Preview,
  CommitOptions,
  CommitTiming,
} from './settle-service';
export { prepareSettlement } from './build-request';
export type {
  AssessInput,
  BuiltRequest,
  CounterVerdict,
  PreparedSettlement,
  PrepareDeps,
  SettleInput,
  StationProfile,
  VerdictReason,
} from './build-request';
export { resolveTask } from './resolve-task';
export type { PreSettlement } from './pre-settle';
export { encounterHolder, withEncounterHolder } from './stay-part';
export type { CatalogSource } from './catalog-entries';
export { SettleServiceError } from './errors';
export type { SettleServiceErrorCode } from './errors';
export { reversalFigures, negateAmount, chargedResult } from './reversal';
export type { ReversalFigures, FundLabel } from './reversal';
export { CANCEL_REASONS, type CancelInput } from './cancel';
export { sideBySide, selfPayOwed, type SideBySide, type CorrectionInput, type Approval } from './correction';
export {
  handoverWindow,
  handoverFigures,
  withdrawable,
  cashDifference,
  type HandoverWindow,
} from './handover-figures';
