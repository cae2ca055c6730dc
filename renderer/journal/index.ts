// renderer/journal: the durable copy of every settlement on the host's disk, as the renderer uses it
// (docs/sync.md, "Journal").
export { journalPort, type JournalPort } from './port';
export { settlementEntry, outcomeEntry } from './entries';
export { makeDurable, releaseJournaled, JournalRefusedError, type CommitUndo } from './durable';
export { reconcileWithJournal, rowFromJournal, type RestoreReport } from './restore';
