// Cancels (2305) in the upload order. A cancel made offline waits behind its settlement: it goes once
// every outbox entry of its person up to its `after_seq` — its own settlement among them — has been
// answered, so a settlement still in the queue is uploaded first and then cancelled, and the platform
// sees both, once each. The person's later settlements wait behind the cancel in turn (push-batch.ts):
// a bill settled again after the cancel must find its encounter free and the figures without the
// cancelled settlement, on the platform as here.
//
// Exactly once: an entry is marked in_flight before 2305 is sent and deleted only in the transaction
// that stores the answer. After a crash in between, the next drain sends the same 2305 again, and the
// platform answers a settlement it already cancelled with the same reversal, changing nothing
// (platform-sim/tx/cancel.ts; 8202 would only say `cancelled`, without the reversal's figures).
// A refusal (the settlement was already cleared, is unknown …) is final for the cancel: it becomes a
// task for a person. A settlement the platform rejected was never settled there: nothing to cancel.
import { cancelOutputSchema } from '../../shared/protocol';
import type { JournalEntryInput } from '../../shared/station-api';
import { appendAudit, type CancelQueueRow, type ReversalSetlinfo, type StationDb } from '../db';
import { SyncError } from './errors';
import { failureCode, failureKind, failureMessage, type PlatformPort } from './platform-port';

/** Refusals that are about this cancel (final for it: a task). Any other permanent refusal — the
 * signature, the station, an answer that breaks the protocol — is the station's or the platform's:
 * the cancel stays queued and the drain ends blocked, as for uploads. */
const CANCEL_LEVEL = new Set(['SETTLEMENT_NOT_FOUND', 'SETTLEMENT_NOT_CANCELLABLE', 'INPUT_INVALID']);

/** The first cancel whose settlement and earlier outbox entries of its person have all been answered. */
async function nextReadyCancel(db: StationDb): Promise<CancelQueueRow | null> {
  for (const c of await db.cancels.orderBy('seq').toArray()) {
    if (c.state === 'journaling') continue; // its cancel line is not on disk yet
    const waiting = await db.outbox
      .where('psn_no')
      .equals(c.psn_no)
      .filter((e) => e.seq! <= c.after_seq)
      .count();
    if (waiting === 0) return c;
  }
  return null;
}

/** Stores the outcome of a cancel and removes it from the queue, with its audit entry, in one go. */
async function settle(
  db: StationDb,
  entry: CancelQueueRow,
  at: string,
  outcome:
    | { platform: 'cancelled'; reversal: ReversalSetlinfo }
    | { platform: 'refused'; code: string; message: string }
    | { platform: 'not_needed' },
): Promise<void> {
  await db.transaction('rw', [db.settlements, db.cancels, db.audit], async () => {
    const still = await db.cancels.get(entry.seq!);
    const s = await db.settlements.get(entry.local_setl_id);
    if (!still || !s?.cancel) return; // answered meanwhile
    const cancel = { ...s.cancel, platform: outcome.platform, answered_at: at };
    if (outcome.platform === 'cancelled') cancel.reversal = outcome.reversal;
    if (outcome.platform === 'refused') cancel.refusal = { code: outcome.code, message: outcome.message };
    await db.settlements.update(s.local_setl_id, { cancel });
    await db.cancels.delete(entry.seq!);
    await appendAudit(db, {
      at,
      kind: `cancel.${outcome.platform}`,
      local_setl_id: s.local_setl_id,
      opter: null,
      detail:
        outcome.platform === 'cancelled'
          ? { cancel_setl_id: outcome.reversal.setl_id, psn_cash_pay: outcome.reversal.psn_cash_pay }
          : outcome.platform === 'refused'
            ? { code: outcome.code, message: outcome.message }
            : { upload_outcome: 'rejected' },
    });
  });
}

/** Sends the cancels that are ready, one at a time, in order; returns how many were answered.
 * A transient failure ends it (the drain retries later); a refusal becomes a task and it goes on. */
export async function sendReadyCancels(
  db: StationDb,
  port: PlatformPort,
  now: () => Date,
  /** records the platform's cancel in the journal (an outcome line `cancelled`) */
  journal?: (entry: JournalEntryInput) => Promise<void>,
): Promise<number> {
  let answered = 0;
  for (;;) {
    const entry = await nextReadyCancel(db);
    if (!entry) return answered;
    const s = await db.settlements.get(entry.local_setl_id);
    if (!s?.cancel)
      throw new SyncError('PROTOCOL_VIOLATION', {
        detail: `cancel ${entry.local_setl_id} has no cancelled settlement`,
      });
    if (s.cancel.upload_outcome === 'rejected') {
      await settle(db, entry, now().toISOString(), { platform: 'not_needed' });
      answered++;
      continue;
    }
    if (s.setl_id === null)
      throw new SyncError('PROTOCOL_VIOLATION', {
        detail: `cancel ${entry.local_setl_id}: the settlement has no platform id`,
      });
    await db.cancels.update(entry.seq!, { state: 'in_flight', attempts: entry.attempts + 1 });
    try {
      const output = await port.call('2305', {
        data: { setl_id: s.setl_id, psn_no: s.psn_no, local_setl_id: s.local_setl_id },
      });
      const parsed = cancelOutputSchema.safeParse(output);
      if (!parsed.success)
        throw new SyncError('PROTOCOL_VIOLATION', { detail: `2305: ${parsed.error.issues[0]?.message}` });
      const r = parsed.data.setlinfo;
      if (r.orig_setl_id !== s.setl_id || r.local_setl_id !== s.local_setl_id)
        throw new SyncError('PROTOCOL_VIOLATION', {
          detail: `2305 answered for ${r.orig_setl_id}, expected ${s.setl_id}`,
        });
      const { local_setl_id: _l, psn_no: _p, ...reversal } = r;
      const at = now();
      await settle(db, entry, at.toISOString(), { platform: 'cancelled', reversal });
      await journal?.({
        kind: 'outcome',
        id: s.local_setl_id,
        at: at.toISOString(),
        body: { outcome: 'cancelled', setl_id: s.setl_id },
      });
    } catch (e) {
      if (e instanceof SyncError || failureKind(e) !== 'permanent' || !CANCEL_LEVEL.has(failureCode(e))) {
        await db.cancels.update(entry.seq!, { last_error: failureCode(e) });
        throw e;
      }
      await settle(db, entry, now().toISOString(), {
        platform: 'refused',
        code: failureCode(e),
        message: failureMessage(e),
      });
    }
    answered++;
  }
}
