// Shift handovers (交班) on the station's database: open one for the operator signed in (its window
// and figures from handover-figures.ts, with the cash the cashier counted), confirm it with a
// supervisor's approval (then it never changes again), withdraw the latest unconfirmed one (its
// settlements fall into the next). Each is one transaction with its audit entry; the rules are
// checked here whatever the screen showed.
import { ulid } from '../../shared/ids';
import { isAmountString } from '../../shared/money';
import type { Role } from '../../shared/operators';
import { appendAudit, toStationDbError, type HandoverRow, type StationDb } from '../db';
import type { Approval } from './correction';
import { SettleServiceError } from './errors';
import {
  cashDifference,
  handoverFigures,
  handoverWindow,
  takenEvents,
  withdrawable,
} from './handover-figures';

/** The handover the operator would hand over now (nothing written); none when nothing happened. */
export async function previewHandover(db: StationDb, opter: string, now: Date) {
  return db.transaction('r', [db.handovers, db.settlements, db.outbox], async () => {
    const handovers = await db.handovers.where('opter').equals(opter).toArray();
    const settlements = await db.settlements.toArray();
    const window = handoverWindow(handovers, settlements, opter, now);
    const waiting = new Set((await db.outbox.toArray()).map((e) => e.local_setl_id));
    const counted = handoverFigures(settlements, opter, window, waiting, takenEvents(handovers, opter));
    const f = counted.figures;
    // nothing settled, cancelled or corrected since the last handover: nothing to hand over
    if (f.settlements + f.cancels + f.corrections === 0)
      throw new SettleServiceError('NOTHING_TO_HAND_OVER', { detail: opter });
    return { window, ...counted };
  });
}

export async function openHandover(
  db: StationDb,
  input: { opter: string; counted_cash: string },
  now: Date,
  randomBytes: (n: number) => Uint8Array,
): Promise<HandoverRow> {
  const counted = input.counted_cash.trim();
  if (!isAmountString(counted) || counted.startsWith('-'))
    throw new SettleServiceError('INVALID_CASH', { detail: counted });
  try {
    return await db.transaction('rw', [db.handovers, db.settlements, db.outbox, db.audit], async () => {
      const { window, figures, local_setl_ids, events } = await previewHandover(db, input.opter, now);
      const row: HandoverRow = {
        id: ulid(now.getTime(), randomBytes(10)),
        opter: input.opter,
        from: window.from,
        to: window.to,
        state: 'draft',
        created_at: now.toISOString(),
        local_setl_ids,
        events,
        figures,
        counted_cash: counted,
        confirmed_by: null,
        withdrawn_at: null,
      };
      await db.handovers.add(row);
      await appendAudit(db, {
        at: row.created_at,
        kind: 'handover.opened',
        local_setl_id: null,
        opter: input.opter,
        detail: {
          handover: row.id,
          from: row.from,
          to: row.to,
          settlements: figures.settlements,
          expected_cash: figures.expected_cash,
          counted_cash: counted,
          difference: cashDifference(counted, figures.expected_cash),
        },
      });
      return row;
    });
  } catch (e) {
    throw toStationDbError(e);
  }
}

async function mustGet(db: StationDb, id: string): Promise<HandoverRow> {
  const h = await db.handovers.get(id);
  if (!h) throw new SettleServiceError('HANDOVER_NOT_FOUND', { detail: id });
  if (h.state === 'confirmed') throw new SettleServiceError('HANDOVER_CONFIRMED', { detail: id });
  return h;
}

export async function confirmHandover(
  db: StationDb,
  id: string,
  approval: Approval | null,
): Promise<HandoverRow> {
  try {
    return await db.transaction('rw', [db.handovers, db.audit], async () => {
      const h = await mustGet(db, id);
      if (h.state !== 'draft') throw new SettleServiceError('HANDOVER_NOT_FOUND', { detail: id });
      if (approval?.approver.role !== 'supervisor')
        throw new SettleServiceError('APPROVAL_REQUIRED', { detail: 'handover' });
      if (approval.approver.id === h.opter) throw new SettleServiceError('OWN_APPROVAL');
      const confirmed_by = { id: approval.approver.id, name: approval.approver.name, at: approval.at };
      await db.handovers.update(id, { state: 'confirmed', confirmed_by });
      await appendAudit(db, {
        at: approval.at,
        kind: 'handover.confirmed',
        local_setl_id: null,
        opter: approval.approver.id,
        detail: {
          handover: id,
          for: h.opter,
          counted_cash: h.counted_cash,
          expected_cash: h.figures.expected_cash,
        },
      });
      return { ...h, state: 'confirmed' as const, confirmed_by };
    });
  } catch (e) {
    throw toStationDbError(e);
  }
}

export async function withdrawHandover(
  db: StationDb,
  id: string,
  by: { id: string; role: Role },
  now: Date,
): Promise<void> {
  try {
    await db.transaction('rw', [db.handovers, db.audit], async () => {
      const h = await mustGet(db, id);
      const all = await db.handovers.where('opter').equals(h.opter).toArray();
      // the cashier's own, or a supervisor's doing
      if (by.id !== h.opter && by.role !== 'supervisor')
        throw new SettleServiceError('HANDOVER_NOT_WITHDRAWABLE', { detail: id });
      if (!withdrawable(all, h)) throw new SettleServiceError('HANDOVER_NOT_WITHDRAWABLE', { detail: id });
      await db.handovers.update(id, { state: 'withdrawn', withdrawn_at: now.toISOString() });
      await appendAudit(db, {
        at: now.toISOString(),
        kind: 'handover.withdrawn',
        local_setl_id: null,
        opter: by.id,
        detail: { handover: id, for: h.opter, settlements: h.local_setl_ids.length },
      });
    });
  } catch (e) {
    throw toStationDbError(e);
  }
}
