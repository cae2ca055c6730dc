export { openJournal, JOURNAL_FILE, MIN_RETENTION_DAYS, type Journal, type JournalOptions } from './journal';
export { JournalError, type JournalErrorCode } from './errors';
export { scanJournal, encodeLine } from './line-codec';
export { queueStateOf, writeSupportExport, type QueueState } from './support-export';
