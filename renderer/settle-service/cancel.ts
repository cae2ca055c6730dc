// Cancelling a settlement (红冲, domain.md "Cancel after discharge"): one Dexie transaction marks it
// cancelled with who, why and who approved, gives the person's local accumulators back exactly its
// effect, frees its encounter (the corrected bill can be settled again), queues 2305 behind the
// settlement's own upload (push-cancels.ts) and appends the approval and the cancel to the audit chain.
// The rules are checked here, whatever the screen showed: the cashier who made it, on its day, alone;
// anything else with a supervisor's approval (shared/operators cancelRule); a stay from its last
// mid-stay part backwards; a reason from the list and words of one's own.
import { cancelRule, type Role } from '../../shared/operators';
import { chinaOffsetIso } from '../../shared/protocol';
import { hasControlCharacter } from '../../shared/text';
import {
  CANCEL_REASONS,
  appendAudit,
  encounterHolder,
  getRow,
  rowStores,
  settlementEffect,
  withoutCancelled,
  withEncounterHolder,
  toStationDbError,
  type CancelReasonCode,
  type CancelRecord,
  type SettlementRow,
  type StationDb,
} from '../db';
import type { CancelUndo } from '../journal';
import { SettleServiceError } from './errors';
import { reversalFigures } from './reversal';

/** The station's list of reasons (renderer/db: one list for the screens, the service and the journal). */
export { CANCEL_REASONS };

export interface CancelInput {
  local_setl_id: string;
  reason_code: CancelReasonCode;
  reason_text: string;
  operator: { id: string; role: Role };
  /** the supervisor's approval as the host gave it (operators.approve), when the rule asks for one */
  approval: { approver: { id: string; name: string; role: Role }; at: string } | null;
  /** today in China, for the same-day rule */
  today: string;
}

/** The mid-stay part of a settlement (settle/v2 stay.part; a whole stay is part 1). */
const partOf = (s: SettlementRow) => s.request.stay?.part ?? 1;

/** Commits the cancel; returns the cancelled row and what it replaced (to take it back if the journal
 * refuses it: settle-service makes it durable). */
export async function cancelSettlement(
  db: StationDb,
  input: CancelInput,
  now: Date,
): Promise<{ row: SettlementRow; undo: CancelUndo }> {
  const text = input.reason_text.trim();
  if (
    !(CANCEL_REASONS as readonly string[]).includes(input.reason_code) ||
    text === '' ||
    text.length > 200 ||
    hasControlCharacter(text)
  )
    throw new SettleServiceError('REASON_REQUIRED');
  const at = now.toISOString();
  try {
    return await db.transaction(
      'rw',
      [db.settlements, ...rowStores(db, 'accumulators'), db.encounters, db.outbox, db.cancels, db.audit],
      async () => {
        const s = await db.settlements.get(input.local_setl_id);
        if (!s) throw new SettleServiceError('SETTLEMENT_NOT_FOUND', { detail: input.local_setl_id });
        if (s.status === 'cancelled')
          throw new SettleServiceError('ALREADY_CANCELLED', { detail: input.local_setl_id });
        // a rejection converted to self-pay or refunded to settle again has had its cash dealt with
        if (s.correction && s.correction.kind !== 'discrepancy')
          throw new SettleServiceError('SETTLED_OTHERWISE', { detail: input.local_setl_id });
        const rule = cancelRule(s, input.operator, input.today);
        if (rule.kind === 'forbidden') throw new SettleServiceError('CANCEL_FORBIDDEN');
        const approval = rule.kind === 'needs_approval' ? input.approval : null;
        if (rule.kind === 'needs_approval' && approval?.approver.role !== 'supervisor')
          throw new SettleServiceError('APPROVAL_REQUIRED', { detail: rule.because });
        const later = (await db.settlements.where('encounter_no').equals(s.encounter_no).toArray()).find(
          (o) => o.psn_no === s.psn_no && o.status !== 'cancelled' && partOf(o) > partOf(s),
        );
        if (later) throw new SettleServiceError('NOT_LATEST_PART', { detail: later.local_setl_id });

        const record: CancelRecord = {
          reason_code: input.reason_code,
          reason_text: text,
          opter: input.operator.id,
          approved_by: approval
            ? { id: approval.approver.id, name: approval.approver.name, at: approval.at }
            : null,
          cancelled_at: chinaOffsetIso(now.getTime()),
          status_before: s.status,
          platform: s.status === 'rejected' ? 'not_needed' : 'pending',
          reversal: null,
          answered_at: null,
          refusal: null,
          resolved_at: null,
          resolution: null,
        };
        const cancelled: SettlementRow = { ...s, status: 'cancelled', cancel: record };
        await db.settlements.put(cancelled);

        const key = `${s.psn_no}:${s.settle_date.slice(0, 4)}`;
        const acc = await getRow(db, 'accumulators', key);
        // put, not update: a pulled row lives in a pack, and the row store's copy wins over it
        if (acc && settlementEffect(s))
          await db.accumulators.put({ ...acc, local: withoutCancelled(acc.local, s) });
        const enc = await db.encounters.get(s.encounter_no);
        if (enc && encounterHolder(enc, partOf(s)) === s.local_setl_id)
          await db.encounters.update(s.encounter_no, withEncounterHolder(enc, partOf(s), null));

        if (record.platform === 'pending') {
          const lastSeq = (await db.outbox.orderBy('seq').last())?.seq ?? 0;
          await db.cancels.add({
            local_setl_id: s.local_setl_id,
            psn_no: s.psn_no,
            after_seq: lastSeq,
            state: 'journaling',
            attempts: 0,
            enqueued_at: at,
            last_error: null,
          });
        }
        if (approval)
          await appendAudit(db, {
            at: approval.at,
            kind: 'cancel.approved',
            local_setl_id: s.local_setl_id,
            opter: approval.approver.id,
            detail: { for: input.operator.id, because: rule.kind === 'needs_approval' ? rule.because : null },
          });
        const refund = reversalFigures(cancelled).refund;
        await appendAudit(db, {
          at,
          kind: 'cancel.committed',
          local_setl_id: s.local_setl_id,
          opter: input.operator.id,
          detail: {
            reason_code: record.reason_code,
            reason_text: record.reason_text,
            status_before: s.status,
            approved_by: record.approved_by?.id ?? null,
            refund_cash: refund.cash,
            refund_account: refund.account,
            platform: record.platform,
          },
        });
        return { row: cancelled, undo: { before: s, accumulators: acc, encounter: enc } };
      },
    );
  } catch (e) {
    throw toStationDbError(e);
  }
}
