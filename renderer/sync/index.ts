// Offline-first sync: pull datasets (8101), push the outbox (8201, recovery by 8202), the loop that
// runs both (sync-engine.ts), and the read models of the queue and its tasks. See docs/sync.md.
export type { PlatformPort, FailureKind } from './platform-port';
export { failureKind, failureCode } from './platform-port';
export { SyncError } from './errors';
export type { SyncErrorCode } from './errors';
export { pullDataset, pullAll, DATASETS, MAX_PAGE_SIZE, PAGES_AHEAD, PAGES_PER_WRITE } from './pull';
export type { PullOptions, PullProgress, PullReport } from './pull';
export { validatePage } from './page-validation';
export { fetchCatalogEntries } from './catalog-entries';
export type { CatalogEntryOf } from './catalog-entries';
export { prepareRows } from './apply-page';
export type { PreparedPage } from './apply-page';
export { createPusher, PUSH_LOCK } from './push';
export { DEFAULT_BATCH_BYTES, MAX_UPLOAD_MESSAGE_BYTES } from './push-batch';
export type { Pusher, PusherDeps, DrainReport, DrainOutcome } from './push';
export { backoffDelay, DEFAULT_BACKOFF } from './backoff';
export type { BackoffPolicy } from './backoff';
export { webLocksWriterLock, inProcessWriterLock, defaultWriterLock } from './writer-lock';
export type { WriterLock } from './writer-lock';
export { queueStatus, openTasks } from './queue-status';
export type { QueueStatus } from './queue-status';
export { toUploadSettlement } from './upload-payload';
export type { UploadSettlement } from './upload-payload';
export { createSyncEngine } from './sync-engine';
export type { SyncEngine, SyncEngineDeps, SyncState, PullState, DatasetPull } from './sync-engine';
export {
  overdueTasks,
  taskAgeLimitHours,
  setTaskAgeLimitHours,
  taskAgeHoursSchema,
  DEFAULT_TASK_AGE_HOURS,
} from './task-age';
export {
  applyPersonRows,
  cacheAsOf,
  callWithin,
  DEFAULT_ONLINE_TIMEOUT_MS,
  offlineReason,
  refreshPerson,
} from './person-refresh';
export type { PersonFreshness } from './person-refresh';
