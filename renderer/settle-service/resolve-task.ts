// A cashier's answer to a task the platform raised (a discrepancy or a rejection): what was done about
// it (collected or refunded the difference, re-settled, cancelled), recorded on the settlement with
// its audit entry in one transaction. A cashier action like settling, so it lives beside commit.
// For a settlement the push held (the platform kept failing on it) it puts it back in the queue:
// whatever the person did about the failure, the next drain tries again.
// The note goes to the journal as a `resolution` line once the transaction committed (a journal that
// refuses it takes the note back, and the cashier is told): after IndexedDB is lost, the restore puts
// it back on the settlement, so the platform's answer, uploaded again, does not reopen the task.
import { appendAudit, type SettlementRow, type StationDb } from '../db';
import { noteEntry, type JournalPort } from '../journal';
import { journalOrTakeBack, takeBackTaskAction } from './journal-step';
import { isHeld, releaseHeld } from '../sync/holds';
import { SettleServiceError } from './errors';

export async function resolveTask(
  db: StationDb,
  local_setl_id: string,
  resolution: string,
  opter: string,
  now: Date = new Date(),
  /** the host's journal (the settle service passes it); without one the note is not journaled */
  journal?: JournalPort,
): Promise<void> {
  const at = now.toISOString();
  let before: SettlementRow | undefined;
  let on: 'settlement' | 'cancel' | null = null;
  await db.transaction('rw', [db.settlements, db.audit, db.outbox], async () => {
    const s = await db.settlements.get(local_setl_id);
    const held = s?.status === 'pending' && (await isHeld(db, local_setl_id));
    const refusedCancel = s?.cancel?.platform === 'refused' && s.cancel.resolved_at === null;
    before = s;
    on = held ? null : refusedCancel ? 'cancel' : 'settlement';
    if (held) {
      // Not resolved_at: the settlement's answer is still to come, and may be a task of its own.
      await releaseHeld(db, local_setl_id);
    } else if (refusedCancel) {
      await db.settlements.update(local_setl_id, { cancel: { ...s.cancel!, resolved_at: at, resolution } });
    } else if (!s || (s.status !== 'discrepancy' && s.status !== 'rejected') || s.resolved_at !== null) {
      throw new SettleServiceError('NOT_OPEN_TASK', { detail: local_setl_id });
    } else {
      await db.settlements.update(local_setl_id, { resolved_at: at, resolution });
    }
    await appendAudit(db, {
      at,
      kind: 'task.resolved',
      local_setl_id,
      opter,
      detail: { resolution, opter, status: held ? 'held' : refusedCancel ? 'cancel_refused' : s!.status },
    });
  });
  // a held settlement released is a queue action: the platform's answer is still to come
  if (!journal || on === null) return;
  await journalOrTakeBack(journal, noteEntry(local_setl_id, on, resolution, opter, at), () =>
    takeBackTaskAction(db, before!, undefined, 'task.resolution_withdrawn', opter, now),
  );
}
