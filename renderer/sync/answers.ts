// The platform's answers to 8201 (upload) and 8202 (status), checked and applied. Applying an
// answer is one transaction: the settlement gets its outcome, its outbox entry goes, the audit log
// says so. An answer that arrives twice (8202 after a lost 8201 answer) changes nothing the second
// time, because the outbox entry it would remove is already gone.
import { z } from 'zod';
import {
  statusResultSchema,
  uploadResultSchema,
  type StatusResult,
  type UploadResult,
} from '../../shared/protocol';
import type { Accumulators } from '../../shared/settlement';
import {
  appendAudit,
  getRow,
  rowStores,
  type Difference,
  type Reason,
  type SettlementRow,
  type StationDb,
} from '../db';
import { SyncError } from './errors';

/** An answer the station stores on the settlement: an 8201 result, or an 8202 one that is final. */
export type FinalAnswer = UploadResult | Extract<StatusResult, { outcome: 'cancelled' }>;

function checkResults<T extends { local_setl_id: string }>(
  infno: string,
  output: unknown,
  ids: string[],
  schema: z.ZodType<T>,
): T[] {
  const parsed = z.object({ results: z.array(z.unknown()) }).safeParse(output);
  if (!parsed.success)
    throw new SyncError('PROTOCOL_VIOLATION', { detail: `${infno}: output.results is missing` });
  const results = parsed.data.results;
  if (results.length !== ids.length) {
    throw new SyncError('PROTOCOL_VIOLATION', {
      detail: `${infno}: ${results.length} results for ${ids.length} settlements`,
    });
  }
  return results.map((r, i) => {
    const one = schema.safeParse(r);
    if (!one.success)
      throw new SyncError('PROTOCOL_VIOLATION', {
        detail: `${infno}: results[${i}]: ${one.error.issues[0]?.message}`,
      });
    const id = one.data.local_setl_id;
    if (id !== ids[i]) {
      throw new SyncError('PROTOCOL_VIOLATION', {
        detail: `${infno}: results[${i}] is for ${id}, expected ${ids[i]}`,
      });
    }
    return one.data;
  });
}

export function checkUploadAnswers(output: unknown, ids: string[]): UploadResult[] {
  return checkResults('8201', output, ids, uploadResultSchema);
}

export function checkStatusAnswers(output: unknown, ids: string[]): StatusResult[] {
  return checkResults('8202', output, ids, statusResultSchema);
}

/** The answer's fields; a settlement cancelled here before the answer came stays cancelled, and
 * keeps the answer beside its cancel (push-cancels.ts reads it). */
function answerFields(s: SettlementRow, a: FinalAnswer, at: string): Partial<SettlementRow> {
  const fields = outcomeFields(a, at);
  if (!s.cancel) return fields;
  return { ...fields, status: 'cancelled', cancel: { ...s.cancel, upload_outcome: a.outcome } };
}

function outcomeFields(a: FinalAnswer, at: string): Partial<SettlementRow> {
  switch (a.outcome) {
    case 'confirmed':
      return { status: 'confirmed', setl_id: a.setl_id, answered_at: at };
    case 'discrepancy':
      return {
        status: 'discrepancy',
        setl_id: a.setl_id,
        platform_result: a.platform_result,
        differences: a.differences.map((d): Difference => ({ ...d })),
        answered_at: at,
      };
    case 'rejected':
      return {
        status: 'rejected',
        reasons: a.reasons.map((r): Reason => ({
          code: r.code,
          message: r.message,
          ...(r.message_en ? { message_en: r.message_en } : {}),
        })),
        answered_at: at,
      };
    case 'cancelled':
      return { status: 'cancelled', setl_id: a.setl_id, answered_at: at };
  }
}

/** The figures the station should settle this person's next bill against once nothing of theirs is
 * left in the outbox: the platform's when it disagreed, the figures from before the settlement when
 * the platform settled nothing. A confirmed settlement leaves the local figures as they are. */
function accumulatorsAfterAnswer(s: SettlementRow, a: FinalAnswer): Accumulators | undefined {
  if (s.cancel) return undefined; // the cancel already took its effect away
  if (a.outcome === 'discrepancy') return a.platform_result.accumulators_after;
  if (a.outcome === 'rejected' || a.outcome === 'cancelled')
    return s.request.accumulators as Accumulators | undefined;
  return undefined;
}

function auditDetail(a: FinalAnswer): Record<string, unknown> {
  switch (a.outcome) {
    case 'confirmed':
      return { setl_id: a.setl_id };
    case 'discrepancy':
      return { setl_id: a.setl_id, differences: a.differences };
    case 'rejected':
      return { reasons: a.reasons };
    case 'cancelled':
      return { setl_id: a.setl_id, cancel_setl_id: a.cancel_setl_id };
  }
}

export async function applyAnswers(
  db: StationDb,
  answers: { local_setl_id: string; answer: FinalAnswer }[],
  nowIso: string,
  inTransaction?: () => void,
): Promise<number> {
  let applied = 0;
  const stores = [db.settlements, db.outbox, db.cancels, ...rowStores(db, 'accumulators'), db.audit];
  await db.transaction('rw', stores, async () => {
    for (const { local_setl_id, answer } of answers) {
      const entry = await db.outbox.where('local_setl_id').equals(local_setl_id).first();
      if (!entry) continue; // already applied
      const settlement = await db.settlements.get(local_setl_id);
      if (!settlement) continue;
      await db.settlements.update(local_setl_id, answerFields(settlement, answer, nowIso));
      await db.outbox.delete(entry.seq!);
      const corrected = accumulatorsAfterAnswer(settlement, answer);
      const laterOfSamePerson =
        (await db.outbox.where('psn_no').equals(settlement.psn_no).count()) +
        (await db.cancels.where('psn_no').equals(settlement.psn_no).count());
      if (corrected && laterOfSamePerson === 0) {
        const key = `${settlement.psn_no}:${settlement.settle_date.slice(0, 4)}`;
        const acc = await getRow(db, 'accumulators', key);
        if (acc) await db.accumulators.put({ ...acc, local: corrected }); // the row store wins over a pack
      }
      await appendAudit(db, {
        at: nowIso,
        kind: `settlement.${answer.outcome}`,
        local_setl_id,
        opter: null,
        detail: auditDetail(answer),
      });
      applied++;
    }
    inTransaction?.();
  });
  return applied;
}
