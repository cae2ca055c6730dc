// The journal lines the renderer writes, built from its own rows: a settlement line holds the 8201
// upload object (everything needed to upload it again), an outcome line the platform's answer.
import { z } from 'zod';
import { chinaOffsetIso } from '../../shared/protocol';
import type { JournalEntry, JournalEntryInput } from '../../shared/station-api';
import {
  CANCEL_REASONS,
  CORRECTION_KINDS,
  type CancelRecord,
  type CorrectionRecord,
  type SettlementRow,
  type SettlementStatus,
} from '../db';
import { toUploadSettlement } from '../sync/upload-payload';

/** The row's commit time as an ISO instant (settled_at carries China's offset; the journal keeps UTC). */
const instant = (iso: string) => new Date(iso).toISOString();

/** The settlement's line: the 8201 object, and beside it what the station keeps that 8201 does not
 * carry (the bill's encounter data for the settlement list, the pre-settlement's mark for the
 * receipt), so a row restored from the journal is the row that was committed. */
export function settlementEntry(row: SettlementRow): JournalEntryInput {
  return {
    kind: 'settlement',
    id: row.local_setl_id,
    at: instant(row.settled_at),
    body: toUploadSettlement(row),
    ...(row.encounter ? { encounter: row.encounter } : {}),
    ...(row.presettle ? { presettle: row.presettle } : {}),
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

/** What a person did about a task, as a `resolution` line: a correction (correction.ts: the cash
 * collected or refunded, and how), or a note (resolve-task.ts) on the settlement's task or on its
 * refused cancel. Restore puts it back on the row, so the platform's answer, when it comes again,
 * finds the task already dealt with. */
export type Resolution =
  | { on: 'settlement'; resolved_at: string; resolution: string; correction?: CorrectionRecord }
  | { on: 'cancel'; resolved_at: string; resolution: string };

/** The settlement's correction (row.correction), with the words the row records for it. */
export function correctionEntry(row: SettlementRow): JournalEntryInput {
  const c = row.correction;
  if (!c) throw new Error(`settlement ${row.local_setl_id} has no correction`);
  return { kind: 'resolution', id: row.local_setl_id, at: c.at, body: { ...c, resolution: row.resolution } };
}

/** A note on the settlement's task (`settlement`) or on its refused cancel (`cancel`). */
export function noteEntry(
  id: string,
  on: 'settlement' | 'cancel',
  note: string,
  opter: string,
  at: string,
): JournalEntryInput {
  return { kind: 'resolution', id, at, body: { on, note, opter } };
}

const approvedBySchema = z.object({ id: z.string(), name: z.string(), at: z.string() }).nullable();
const correctionBodySchema = z.object({
  kind: z.enum(CORRECTION_KINDS),
  cash: z.string().max(32),
  opter: z.string().min(1).max(64),
  at: z.string(),
  approved_by: approvedBySchema,
  resolution: z.string().max(1000).nullish(),
});
const noteBodySchema = z.object({
  on: z.enum(['settlement', 'cancel']),
  note: z.string().max(1000),
  opter: z.string().max(64),
});

/** A resolution line read back; null when its body is neither kind (restore counts it). */
export function resolutionFromEntry(entry: Extract<JournalEntry, { kind: 'resolution' }>): Resolution | null {
  const note = noteBodySchema.safeParse(entry.body);
  if (note.success) return { on: note.data.on, resolved_at: entry.at, resolution: note.data.note };
  const corr = correctionBodySchema.safeParse(entry.body);
  if (!corr.success) return null;
  const { resolution, ...correction } = corr.data;
  return {
    on: 'settlement',
    resolved_at: correction.at,
    resolution: resolution ?? correction.kind,
    correction,
  };
}
