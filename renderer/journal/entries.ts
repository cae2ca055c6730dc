// The journal lines the renderer writes, built from its own rows: a settlement line holds the 8201
// upload object (everything needed to upload it again), an outcome line the platform's answer.
import type { JournalEntryInput } from '../../shared/station-api';
import type { SettlementRow, SettlementStatus } from '../db';
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
