// A cashier's answer to a task the platform raised (a discrepancy or a rejection): what was done about
// it (collected or refunded the difference, re-settled, cancelled), recorded on the settlement with
// its audit entry in one transaction. A cashier action like settling, so it lives beside commit.
// For a settlement the push held (the platform kept failing on it) it puts it back in the queue:
// whatever the person did about the failure, the next drain tries again.
import { appendAudit, type StationDb } from '../db';
import { isHeld, releaseHeld } from '../sync/holds';
import { SettleServiceError } from './errors';

export async function resolveTask(
  db: StationDb,
  local_setl_id: string,
  resolution: string,
  opter: string,
  now: Date = new Date(),
): Promise<void> {
  const at = now.toISOString();
  await db.transaction('rw', [db.settlements, db.audit, db.outbox], async () => {
    const s = await db.settlements.get(local_setl_id);
    const held = s?.status === 'pending' && (await isHeld(db, local_setl_id));
    const refusedCancel = s?.cancel?.platform === 'refused' && s.cancel.resolved_at === null;
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
}
