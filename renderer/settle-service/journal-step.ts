// A cashier's action on a task (a correction, a note) made durable: its journal line is appended
// once its transaction committed; a journal that refuses it takes the action back and the cashier is
// told JOURNAL_UNWRITABLE (the settlement's own commit does the same in settle-service.ts).
import type { JournalEntryInput } from '../../shared/station-api';
import { appendAudit, type EncounterRow, type SettlementRow, type StationDb } from '../db';
import { appendDurably, JournalRefusedError, type JournalPort } from '../journal';
import { SettleServiceError } from './errors';

export async function journalOrTakeBack(
  journal: JournalPort,
  entry: JournalEntryInput,
  takeBack: () => Promise<void>,
): Promise<void> {
  try {
    await appendDurably(journal, entry, takeBack, async () => {});
  } catch (e) {
    if (e instanceof JournalRefusedError)
      throw new SettleServiceError('JOURNAL_UNWRITABLE', {
        detail: String((e.cause as Error)?.message ?? e.cause),
        cause: e.cause,
      });
    throw e;
  }
}

/** Takes a task action back after the journal refused its line: the settlement (and the encounter
 * it freed, if any) as before, with an audit entry `auditKind`. */
export async function takeBackTaskAction(
  db: StationDb,
  before: SettlementRow,
  encounter: EncounterRow | undefined,
  auditKind: 'task.correction_withdrawn' | 'task.resolution_withdrawn',
  opter: string,
  now: Date,
): Promise<void> {
  await db.transaction('rw', [db.settlements, db.encounters, db.audit], async () => {
    await db.settlements.put(before);
    if (encounter) await db.encounters.put(encounter);
    await appendAudit(db, {
      at: now.toISOString(),
      kind: auditKind,
      local_setl_id: before.local_setl_id,
      opter,
      detail: { reason: 'JOURNAL_UNWRITABLE' },
    });
  });
}
