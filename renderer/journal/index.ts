// renderer/journal: the durable copy of every settlement on the host's disk, as the renderer uses it
// (docs/sync.md, "Journal").
export { journalPort, type JournalPort } from './port';
export {
  settlementEntry,
  outcomeEntry,
  cancelEntry,
  correctionEntry,
  noteEntry,
  platformStatus,
} from './entries';
export {
  makeDurable,
  sendLine,
  withdrawLine,
  appendDurably,
  JournalRefusedError,
  JournalWithdrawError,
  type CommitUndo,
  type LineAnswer,
} from './durable';
export { reconcileWithJournal, rowFromJournal, type RestoreReport } from './restore';
export { makeCancelDurable, releasePendingCancels, type CancelUndo } from './cancels';
