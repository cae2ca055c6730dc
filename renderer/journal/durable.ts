// Making a committed settlement durable (docs/sync.md, "Journal"). The commit writes the settlement
// to IndexedDB with its outbox entry in state `journaling`, which the push leaves alone; then the
// settlement's line is appended to the host's journal (fsync'd there); only then does the counter show
// 已结算, and the entry turns `queued` right after, off the counter's path (db/outbox-release.ts).
// Order matters both ways:
// - IndexedDB first: a full IndexedDB (quota) fails the commit before the journal is touched, so the
//   journal never holds a settlement that was not committed.
// - The entry is not uploadable until the journal has it: if the append fails (disk full), the
//   settlement is taken back out of IndexedDB before the platform could ever see it, and the
//   cashier is told that nothing was settled.
// A crash between the two leaves a `journaling` entry, which the restore at the next start appends
// to the journal and releases (restore.ts).
import {
  appendAudit,
  releaseLater,
  type AccumulatorRow,
  type EncounterRow,
  type SettlementRow,
  type StationDb,
} from '../db';
import { codedError } from '../../shared/errors';
import type { JournalEntryInput } from '../../shared/station-api';
import { settlementEntry } from './entries';
import type { JournalPort } from './port';

/** What the commit's transaction replaced, so a settlement the journal refused can be taken back. */
export interface CommitUndo {
  accumulatorsKey: string;
  /** the encounters table's key of this settlement (the encounter number) */
  encounterKey?: string;
  accumulatorsBefore: AccumulatorRow | undefined;
  encounterBefore: EncounterRow | undefined;
}

/** The host's journal refused the line; `cause` is the host's error (the settle service words it). */
export class JournalRefusedError extends codedError('JournalRefusedError', {
  JOURNAL_REFUSED: {
    zh: '结算日志拒绝写入，本笔已撤回',
    en: 'The journal refused the settlement; it was taken back',
  },
}) {}

/** Appends the settlement's line, then lets its outbox entry be released (releaseLater: the push
 * waits for it); on a refused append, undoes the commit and throws JournalRefusedError (with the
 * host's error as cause). */
export async function makeDurable(
  db: StationDb,
  journal: JournalPort,
  row: SettlementRow,
  undo: CommitUndo,
  now: () => Date,
): Promise<void> {
  await appendDurably(
    journal,
    settlementEntry(row),
    () => takeBack(db, row, undo, now),
    async () => releaseLater(db, [row.local_setl_id]),
  );
}

/** Appends one line; a journal that refuses it gets the commit taken back (and JournalRefusedError
 * thrown), one that has it on disk gets the commit released. Settlements and cancels alike. */
export async function appendDurably(
  journal: JournalPort,
  entry: JournalEntryInput,
  takeBack: () => Promise<void>,
  release: () => Promise<void>,
): Promise<void> {
  try {
    await journal.append({ entries: [entry] });
  } catch (cause) {
    await takeBack();
    throw new JournalRefusedError('JOURNAL_REFUSED', { cause });
  }
  await release();
}

async function takeBack(db: StationDb, row: SettlementRow, undo: CommitUndo, now: () => Date): Promise<void> {
  const id = row.local_setl_id;
  await db.transaction(
    'rw',
    [db.settlements, db.outbox, db.accumulators, db.encounters, db.audit],
    async () => {
      await db.settlements.delete(id);
      await db.outbox.where('local_setl_id').equals(id).delete();
      if (undo.accumulatorsBefore) await db.accumulators.put(undo.accumulatorsBefore);
      else await db.accumulators.delete(undo.accumulatorsKey);
      if (undo.encounterBefore) await db.encounters.put(undo.encounterBefore);
      else await db.encounters.delete(undo.encounterKey ?? row.encounter_no);
      await appendAudit(db, {
        at: now().toISOString(),
        kind: 'settlement.withdrawn',
        local_setl_id: id,
        opter: row.opter,
        detail: { reason: 'JOURNAL_UNWRITABLE', opter: row.opter },
      });
    },
  );
}
