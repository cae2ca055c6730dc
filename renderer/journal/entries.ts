// The journal lines the renderer writes, built from its own rows: a settlement line holds the 8201
// upload object (everything needed to upload it again), an outcome line the platform's answer.
import type { JournalEntryInput } from '../../shared/station-api';
import type { SettlementRow } from '../db';
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

/** The answer a settlement has, as an outcome line; null while it has none. */
export function outcomeEntry(row: SettlementRow, at: Date): JournalEntryInput | null {
  if (row.status === 'pending') return null;
  return {
    kind: 'outcome',
    id: row.local_setl_id,
    at: at.toISOString(),
    body: { outcome: row.status, setl_id: row.setl_id },
  };
}
