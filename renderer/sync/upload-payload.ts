// The 8201 settlement objects: everything the station used, so the platform can recompute and
// explain a difference (platform-protocol.md, 8201).
import type { UploadSettlementInput } from '../../shared/protocol';
import type { SettlementRow } from '../db';

export type UploadSettlement = UploadSettlementInput;

export function toUploadSettlement(s: SettlementRow): UploadSettlement {
  return {
    local_setl_id: s.local_setl_id,
    station_id: s.station_id,
    opter: s.opter,
    settled_at: s.settled_at,
    mdtrt_id: s.encounter_no, // the encounter key for DUPLICATE_ENCOUNTER (shared/protocol/upload.ts)
    request: s.request,
    result: s.result,
    data_versions: s.data_versions,
  };
}

/** A queued id whose settlement row is missing means the database was damaged outside the station:
 * refuse loudly rather than upload a hole. */
export function buildUpload(rows: (SettlementRow | undefined)[], ids: string[]): UploadSettlement[] {
  return rows.map((row, i) => {
    if (!row) throw new Error(`outbox entry ${ids[i]} has no settlement row`);
    return toUploadSettlement(row);
  });
}
