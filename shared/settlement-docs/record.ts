// A committed settlement as the documents and exports read it: the station's settlement row
// (renderer/db SettlementRow) has these fields and more, so a row is passed as it is. Kept here, in
// shared/, so the settlement list's model and the FHIR mapping stay pure and testable without Dexie.
import type { SettleRequestInput, SettleResult } from '../settlement';
import type { EncounterInfo } from './encounter';

export interface SettlementRecord {
  local_setl_id: string;
  /** the platform's settlement id once it confirmed the upload */
  setl_id: string | null;
  status: string;
  psn_no: string;
  certno: string;
  psn_name: string;
  encounter_no: string;
  station_id: string;
  opter: string;
  /** ISO instant with its +08:00 offset */
  settled_at: string;
  settle_date: string;
  request: SettleRequestInput;
  result: SettleResult;
  /** what the hospital system's bill said about the encounter (absent on rows settled before it existed) */
  encounter?: EncounterInfo;
}
