// The journal lines the renderer writes, built from its own rows: a settlement line holds the 8201
// upload object (everything needed to upload it again), an outcome line the platform's answer.
import { z } from 'zod';
import { chinaOffsetIso } from '../../shared/protocol';
import type { JournalEntry, JournalEntryInput } from '../../shared/station-api';
import { CANCEL_REASONS, type CancelRecord, type SettlementRow, type SettlementStatus } from '../db';
import { toUploadSettlement } from '../sync/upload-payload';

/** The row's commit time as an ISO instant (settled_at carries China's offset; the journal keeps UTC). */
const instant = (iso: string) => new Date(iso).toISOString();

export function settlementEntry(row: SettlementRow): JournalEntryInput {
  return {
    kind: 'settlement',
    id: row.local_setl_id,
    at: instant(row.settled_at),
    body: toUploadSettlement(row),
  };
}

/** What the platform holds of a settlement: its status, except for one cancelled here, which is
 * `cancelled` there only once 2305 was answered; until then it is what its upload was answered. */
export function platformStatus(row: SettlementRow): SettlementStatus {
  const c = row.cancel;
  if (!c) return row.status;
  if (c.platform === 'cancelled') return 'cancelled';
  return c.upload_outcome ?? c.status_before;
}

/** The answer a settlement has, as an outcome line; null while it has none. */
export function outcomeEntry(row: SettlementRow, at: Date): JournalEntryInput | null {
  const outcome = platformStatus(row);
  if (outcome === 'pending') return null;
  return {
    kind: 'outcome',
    id: row.local_setl_id,
    at: at.toISOString(),
    body: { outcome, setl_id: row.setl_id },
  };
}

/** A cancel made here (红冲): who, why, who approved, what the patient got back. */
export function cancelEntry(row: SettlementRow): JournalEntryInput {
  const c = row.cancel;
  if (!c) throw new Error(`settlement ${row.local_setl_id} is not cancelled`);
  return {
    kind: 'cancel',
    id: row.local_setl_id,
    at: instant(c.cancelled_at),
    body: {
      reason_code: c.reason_code,
      reason_text: c.reason_text,
      opter: c.opter,
      approved_by: c.approved_by,
      status_before: c.status_before,
    },
  };
}

/** A cancel line's body as cancelEntry writes it. The host keeps it verbatim (any object), so it is
 * checked here, where it is read back. */
const cancelBodySchema = z.object({
  reason_code: z.enum(CANCEL_REASONS),
  reason_text: z.string().max(200),
  opter: z.string().min(1).max(64),
  approved_by: z.object({ id: z.string(), name: z.string(), at: z.string() }).nullable(),
  status_before: z.enum(['pending', 'confirmed', 'discrepancy', 'rejected']),
});

/** The cancel a journal line records, as the settlement row held it before the platform answered.
 * A body that is not one cancelEntry wrote still cancels (the patient had the money back: the cancel
 * must not be lost), as `other`, with what was wrong in its text and in `unreadable`. */
export function cancelFromEntry(entry: Extract<JournalEntry, { kind: 'cancel' }>): {
  cancel: CancelRecord;
  unreadable: string | null;
} {
  const body = cancelBodySchema.safeParse(entry.body);
  const issue = body.success ? null : body.error.issues[0];
  const unreadable = issue ? `${issue.path.join('.')}: ${issue.message}`.slice(0, 200) : null;
  const opter = typeof entry.body['opter'] === 'string' ? entry.body['opter'].slice(0, 64) : '';
  const b = body.success
    ? body.data
    : {
        reason_code: 'other' as const,
        reason_text: `journal: ${unreadable}`.slice(0, 200),
        opter: opter || 'unknown',
        approved_by: null,
        status_before: 'pending' as const,
      };
  return {
    unreadable,
    cancel: {
      ...b,
      cancelled_at: chinaOffsetIso(Date.parse(entry.at)),
      // a settlement the platform rejected was never settled there: nothing to cancel
      platform: b.status_before === 'rejected' ? 'not_needed' : 'pending',
      reversal: null,
      answered_at: null,
      refusal: null,
      resolved_at: null,
      resolution: null,
    },
  };
}
