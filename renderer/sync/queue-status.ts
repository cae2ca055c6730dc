// Read models for the queue and task screens. Each is a plain async read of the database, meant to
// be wrapped in a live query (renderer/ui useLiveData, over Dexie's liveQuery) so the screen follows every commit.
import type { CheckpointRow, SettlementRow, StationDb } from '../db';
import { currentAsOf, PULL_CHECKED } from './pull';

export interface QueueStatus {
  /** settlements and cancels waiting for the platform */
  queued: number;
  /** of which cancels (2305) */
  cancels: number;
  /** of which sent, answer not yet stored */
  in_flight: number;
  /** of which held back because the platform keeps failing on them (tasks; holds.ts) */
  held: number;
  oldest_enqueued_at: string | null;
  oldest_age_ms: number | null;
  /** the latest moment every dataset had been pulled to the end */
  last_pull_at: string | null;
  /** the last drain's outcome ('blocked' needs a person) */
  push: { outcome: string; error: { code: string; message: string } | null; at: string } | null;
  open_tasks: number;
}

function lastCompletePull(checkpoints: CheckpointRow[], checked: unknown): string | null {
  if (checkpoints.length === 0) return null;
  let oldest: string | null = null;
  for (const c of checkpoints) {
    const at = currentAsOf(c, checked, c.dataset);
    if (!at) return null;
    if (oldest === null || at < oldest) oldest = at;
  }
  return oldest;
}

export async function queueStatus(db: StationDb, now: Date = new Date()): Promise<QueueStatus> {
  return db.transaction(
    'r',
    [db.outbox, db.cancels, db.checkpoints, db.sync_state, db.settlements],
    async () => {
      const cancels = await db.cancels.count();
      const queued = (await db.outbox.count()) + cancels;
      const in_flight = await db.outbox.where('state').equals('in_flight').count();
      const held = await db.outbox.where('state').equals('held').count();
      const head = await db.outbox.orderBy('seq').first();
      const checkpoints = await db.checkpoints.toArray();
      const push = (await db.sync_state.get('push'))?.value as QueueStatus['push'] | undefined;
      const open_tasks = (await openTasks(db)).length;
      return {
        queued,
        cancels,
        in_flight,
        held,
        oldest_enqueued_at: head?.enqueued_at ?? null,
        oldest_age_ms: head ? Math.max(0, now.getTime() - Date.parse(head.enqueued_at)) : null,
        last_pull_at: lastCompletePull(checkpoints, (await db.sync_state.get(PULL_CHECKED))?.value),
        push: push ?? null,
        open_tasks,
      };
    },
  );
}

/** Discrepancies and rejections nobody has resolved yet, settlements held back because the platform
 * keeps failing on them (status still `pending`, the reason in `reasons`), and cancels the platform
 * refused (the settlement stands there while it is cancelled here), oldest first. */
export async function openTasks(db: StationDb): Promise<SettlementRow[]> {
  const answered = await db.settlements.where('status').anyOf(['discrepancy', 'rejected']).toArray();
  const refusedCancels = await db.settlements
    .where('status')
    .equals('cancelled')
    .filter((s) => s.cancel?.platform === 'refused' && s.cancel.resolved_at === null)
    .toArray();
  const heldIds = (await db.outbox.where('state').equals('held').toArray()).map((e) => e.local_setl_id);
  const held = (await db.settlements.bulkGet(heldIds)).filter((s): s is SettlementRow => s !== undefined);
  return [...answered.filter((s) => s.resolved_at === null), ...held, ...refusedCancels].sort((a, b) =>
    a.settled_at < b.settled_at ? -1 : 1,
  );
}
