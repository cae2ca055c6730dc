// How long a task (a discrepancy, a rejection, a held settlement, a refused cancel) may stay open
// before the status bar shows it in red: the administrator's setting, kept in the station's sync
// state (24 hours unless set), and the count of tasks older than that, from when each task arose.
import { z } from 'zod';
import { appendAudit, type SettlementRow, type StationDb } from '../db';
import { openTasks } from './queue-status';

export const TASK_AGE_KEY = 'task_overdue_hours';
export const DEFAULT_TASK_AGE_HOURS = 24;
/** from one hour to thirty days */
export const taskAgeHoursSchema = z.number().int().min(1).max(720);

export async function taskAgeLimitHours(db: StationDb): Promise<number> {
  const v = taskAgeHoursSchema.safeParse((await db.sync_state.get(TASK_AGE_KEY))?.value);
  return v.success ? v.data : DEFAULT_TASK_AGE_HOURS;
}

export async function setTaskAgeLimitHours(
  db: StationDb,
  hours: number,
  opter: string,
  now: Date,
): Promise<void> {
  const h = taskAgeHoursSchema.parse(hours);
  const at = now.toISOString();
  await db.transaction('rw', [db.sync_state, db.audit], async () => {
    await db.sync_state.put({ key: TASK_AGE_KEY, value: h, updated_at: at });
    await appendAudit(db, {
      at,
      kind: 'settings.task_age',
      local_setl_id: null,
      opter,
      detail: { hours: h },
    });
  });
}

/** When a task arose: the refused cancel's answer, the platform's answer, or the settlement itself
 * (a held one has no answer). */
export function taskSince(s: SettlementRow): string {
  if (s.status === 'cancelled' && s.cancel?.answered_at) return s.cancel.answered_at;
  return s.answered_at ?? s.settled_at;
}

export async function overdueTasks(db: StationDb, now: Date): Promise<{ n: number; hours: number }> {
  const hours = await taskAgeLimitHours(db);
  const limit = now.getTime() - hours * 3_600_000;
  const n = (await openTasks(db)).filter((s) => Date.parse(taskSince(s)) < limit).length;
  return { n, hours };
}
