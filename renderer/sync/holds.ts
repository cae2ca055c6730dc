// A held settlement: the push isolated it because the platform keeps failing on it (or it cannot be
// sent at all). It stays in the outbox, in its place, marked `held`: it is not sent again, the same
// person's later settlements wait behind it (per-person order is what makes their accumulators
// right), and it is a task the cashier sees with the reason in both languages. Releasing it (what
// resolveTask does for a held settlement) puts it back in the queue, first of its person's.
import { appendAudit, type Reason, type StationDb } from '../db';
import { SyncError, type SyncErrorCode } from './errors';
import { failureCode, failureMessage } from './platform-port';

export function holdReason(
  code: Extract<SyncErrorCode, 'PLATFORM_KEEPS_FAILING' | 'UPLOAD_TOO_LARGE'>,
  cause: unknown,
): Reason {
  const detail =
    code === 'UPLOAD_TOO_LARGE'
      ? `(${String(cause)})`
      : `(${failureCode(cause)}: ${failureMessage(cause).slice(0, 300)})`;
  const e = new SyncError(code, { detail });
  return { code, message: e.message_zh, message_en: e.message_en };
}

/** Marks the queued settlement held, with its reason, in one transaction. */
export async function holdSettlement(
  db: StationDb,
  local_setl_id: string,
  reason: Reason,
  nowIso: string,
): Promise<void> {
  await db.transaction('rw', [db.outbox, db.settlements, db.audit], async () => {
    const entry = await db.outbox.where('local_setl_id').equals(local_setl_id).first();
    if (!entry) return; // answered meanwhile
    await db.outbox.update(entry.seq!, { state: 'held', last_error: reason.code });
    await db.settlements.update(local_setl_id, { reasons: [reason] });
    await appendAudit(db, {
      at: nowIso,
      kind: 'settlement.held',
      local_setl_id,
      opter: null,
      detail: { reason },
    });
  });
}

/** Whether the settlement is held (inside a caller's transaction over outbox). */
export async function isHeld(db: StationDb, local_setl_id: string): Promise<boolean> {
  const entry = await db.outbox.where('local_setl_id').equals(local_setl_id).first();
  return entry?.state === 'held';
}

/** Puts a held settlement back in the queue (inside a caller's transaction over outbox and
 * settlements): the next drain sends it first of its person's. */
export async function releaseHeld(db: StationDb, local_setl_id: string): Promise<void> {
  const entry = await db.outbox.where('local_setl_id').equals(local_setl_id).first();
  if (entry?.state !== 'held') throw new Error(`settlement ${local_setl_id} is not held`);
  await db.outbox.update(entry.seq!, { state: 'queued', last_error: null });
  await db.settlements.update(local_setl_id, { reasons: [] });
}
