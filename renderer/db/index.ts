// The station's local database: open it, look things up, search the catalog. Sync (renderer/sync)
// and the settle service (renderer/settle-service) write to it; screens read it with live queries.
export { StationDb, openStationDb, DEFAULT_DB_NAME } from './station-db';
export type { OpenStationDbOptions } from './station-db';
export { SCHEMA_VERSIONS, CURRENT_VERSION, declareVersions } from './schema';
export { StationDbError, toStationDbError, isQuotaError } from './errors';
export { appendAudit, appendAuditAfter, lastAudit, recordAudit, verifyAudit, exportAudit } from './audit';
export type { AuditInput, AuditVerdict } from './audit';
export { sha256Hex } from './sha256';
export type { StationDbErrorCode } from './errors';
export { requestPersistence } from './persistence';
export type { PersistenceReport, PersistenceOutcome, StorageLike } from './persistence';
export { searchCatalog, searchWiCatalog } from './catalog-search';
export type { CatalogSearchOptions } from './catalog-search';
export {
  catalogSegment,
  filingSegment,
  compactSegments,
  isSegmentDataset,
  segmentIndex,
  warmSegments,
  putCatalogRows,
  putFilingRows,
  SEGMENT_FIELDS,
  MAX_SEGMENTS,
  SEGMENT_ROWS,
} from './search-segments';
export {
  catalogSearchKeys,
  pinyinInitials,
  nameFragments,
  normalizeSearchText,
  classifyQuery,
} from './search-keys';
export {
  findFilings,
  filingsInIndex,
  findFiling,
  policyInForce,
  accumulatorKey,
  accumulatorsOf,
} from './lookup';
export {
  PACK_DATASETS,
  PACK_ROWS,
  isPackDataset,
  packTable,
  rowStores,
  packsOf,
  putPulled,
  deleteRows,
  compactKeys,
  COMPACT_KEYS,
  getRows,
  getRow,
  readRows,
  keysWithPrefix,
  storedKeys,
} from './packs';
export type { PackDataset, PackRow, PackRows } from './packs';
export { COUNTER_DATASETS, incompleteDatasets, notePulled } from './readiness';
export type * from './types';
export { CANCEL_REASONS, CORRECTION_KINDS } from './types';
export { settlementEffect, withoutCancelled } from './cancel-effect';
export { encounterHolder, withEncounterHolder } from './encounters';
export { unanswered } from './unanswered';
export { releaseJournaled, releaseLater, awaitReleases } from './outbox-release';
