// A cashier's answer to a task the platform raised (a discrepancy or a rejection): what was done about
// it (collected or refunded the difference, re-settled, cancelled), recorded on the settlement with
// its audit entry in one transaction. A cashier action like settling, so it lives beside commit.
import type { StationDb } from '../db';
import { SettleServiceError } from './errors';

export async function resolveTask(
  db: StationDb,
  local_setl_id: string,
  resolution: string,
  opter: string,
  now: Date = new Date(),
): Promise<void> {
  const at = now.toISOString();
  await db.transaction('rw', [db.settlements, db.audit], async () => {
    const s = await db.settlements.get(local_setl_id);
    if (!s || (s.status !== 'discrepancy' && s.status !== 'rejected') || s.resolved_at !== null) {
      throw new SettleServiceError('NOT_OPEN_TASK', local_setl_id);
    }
    await db.settlements.update(local_setl_id, { resolved_at: at, resolution });
    await db.audit.add({
      at,
      kind: 'task.resolved',
      local_setl_id,
      detail: { resolution, opter, status: s.status },
    });
  });
}
