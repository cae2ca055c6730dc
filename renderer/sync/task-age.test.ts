// A task open longer than the administrator's limit is overdue (red on the status bar) until it is
// resolved: the limit defaults to 24 hours, is set within 1–720 hours with an audit entry, and a
// task's age counts from the platform's answer.
import { describe, expect, it } from 'vitest';
import { seededStationDb } from '../../test/sync/seed-world';
import type { SettlementRow } from '../db';
import { DEFAULT_TASK_AGE_HOURS, overdueTasks, setTaskAgeLimitHours, taskAgeLimitHours } from './task-age';

describe('overdue tasks', () => {
  it('counts open tasks older than the limit, from the answer, until resolved', async () => {
    const { db } = await seededStationDb({ today: '2026-06-30' });
    expect(await taskAgeLimitHours(db)).toBe(DEFAULT_TASK_AGE_HOURS);
    const row = {
      local_setl_id: 'T1',
      psn_no: 'P1',
      status: 'rejected',
      settled_at: '2026-06-28T08:00:00+08:00',
      answered_at: '2026-06-29T00:00:00.000Z',
      resolved_at: null,
    } as unknown as SettlementRow;
    await db.settlements.put(row);
    const at = (iso: string) => overdueTasks(db, new Date(iso));
    expect(await at('2026-06-29T23:59:00Z')).toEqual({ n: 0, hours: 24 });
    expect(await at('2026-06-30T00:01:00Z')).toEqual({ n: 1, hours: 24 });
    await setTaskAgeLimitHours(db, 48, 'admin01', new Date('2026-06-30T00:02:00Z'));
    expect(await at('2026-06-30T00:03:00Z')).toEqual({ n: 0, hours: 48 });
    await expect(setTaskAgeLimitHours(db, 0, 'admin01', new Date())).rejects.toThrow();
    await db.settlements.update('T1', { resolved_at: '2026-07-03T00:00:00.000Z' });
    expect(await at('2026-07-05T00:00:00Z')).toEqual({ n: 0, hours: 48 });
    expect(await db.audit.where('kind').equals('settings.task_age').count()).toBe(1);
  });
});
