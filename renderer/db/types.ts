// Rows as the station stores them. The inner objects are the settle/v1 objects of
// settlement-contract.md, exactly as 8101 delivers them, so a settle request is built from rows
// without translation; the outer fields exist only to be indexed. Each stored shape is derived from
// the row 8101 delivers (shared/protocol DatasetRow) plus what it indexes, so the two cannot drift.
import type { ChainedAuditEntry } from '../../shared/audit';
import type { CancelOutput, DatasetName, DatasetRow } from '../../shared/protocol';
import type {
  Accumulators,
  SCHEMES,
  SETL_TYPES,
  SettleRequestInput,
  SettleResult,
  SetlinfoField,
} from '../../shared/settlement';
import type { EncounterInfo } from '../../shared/settlement-docs';
import type { PresettleMark as PresettleMarkShape } from '../../shared/station-api';

export type { DatasetName } from '../../shared/protocol';
/** Derived from the shared constants (shared/settlement/schema.ts): never re-declared (lint forbids it). */
export type Scheme = (typeof SCHEMES)[number];
export type SetlType = (typeof SETL_TYPES)[Scheme][number];

/** key: filing_id; psn_no and certno (upper case) copied out of the person to be searched. */
export type FilingRow = DatasetRow<'filings'> & {
  psn_no: string;
  certno: string;
  /** the platform's version of a row written by a per-person read (8103); rows an 8101 page wrote
   * have none: they are at most their dataset's checkpoint */
  ver?: number;
};

/** key: med_list_codg; the entry's name copied out to be searched. */
export type CatalogRow = DatasetRow<'catalog'> & { name: string };

/** The datasets searched through lookup segments (search-segments.ts SEGMENT_FIELDS). */
export type SegmentDataset = Extract<DatasetName, 'catalog' | 'wi_catalog' | 'filings'>;
/** The two catalogs: medical, and work injury. */
export type CatalogDataset = Extract<SegmentDataset, 'catalog' | 'wi_catalog'>;

/** The lookup keys of one pulled page (search-segments.ts): line i of every field text belongs to
 * `keys[i]`; each text starts and ends with a newline. */
export interface SegmentRow {
  id?: number; // auto-increment: a newer segment has a larger id
  dataset: SegmentDataset;
  keys: string[];
  /** catalog, wi_catalog: names (normalised), initials (pinyin); filings: certno, psn_no */
  fields: Record<string, string>;
  deleted: string[]; // keys the page deleted
}

export type WiCatalogRow = DatasetRow<'wi_catalog'> & { name: string };

/** key: policy_id; the policy's place, insurance type ('' when none) and validity copied out to be
 * indexed. */
export type PolicyRow = DatasetRow<'policies'> & {
  insuplc_admdvs: string;
  insutype: string;
  valid_from: string;
  valid_to: string | null;
};

/** Year-to-date figures of one person. `platform` is what 8101 last said; `local` is what the
 * station settles against: the platform's figures plus the station's settlements not yet answered. */
export type AccumulatorRow = Omit<DatasetRow<'accumulators'>, 'accumulators'> & {
  /** key: psn_no + ":" + year */
  year: number;
  platform: Accumulators;
  local: Accumulators;
  /** as FilingRow.ver */
  ver?: number;
};

/** key: fixmedins_code; stored as 8101 delivers it. */
export type InstitutionRow = DatasetRow<'institutions'>;

/** A visit at the counter: what the station's encounter number is, for de-duplication on the
 * platform (fixmedins_code + local encounter number) and for finding the bill again. */
export interface EncounterRow {
  encounter_no: string;
  psn_no: string;
  fixmedins_code: string;
  opened_at: string; // ISO instant
  /** the settlement of the whole stay, or of its part 1 */
  local_setl_id: string | null;
  /** settle/v2 mid-stay parts 2, 3 … of this encounter: part number → local_setl_id (not indexed) */
  parts?: Record<string, string>;
}

/** cancelled: the platform reports the settlement cancelled (2305) before its upload answer arrived. */
export type SettlementStatus = 'pending' | 'confirmed' | 'discrepancy' | 'rejected' | 'cancelled';

export interface Difference {
  field: SetlinfoField;
  station: string;
  platform: string;
}

/** The platform's reason for a rejection: its message (Chinese) and, when it sent one, English. */
export interface Reason {
  code: string;
  /** Chinese (the platform's err_msg, or the station's own message) */
  message: string;
  message_en?: string;
}

/** The station's list of reasons a settlement may be cancelled for (their words: i18n cancelReason.*). */
export const CANCEL_REASONS = [
  'bill_error',
  'wrong_person',
  'wrong_insurance',
  'duplicate',
  'patient_request',
  'other',
] as const;
/** Why a settlement was cancelled: a code from CANCEL_REASONS. */
export type CancelReasonCode = (typeof CANCEL_REASONS)[number];

/** The reversal the platform answered to 2305 (every amount negated; the settle/v2 funds when the
 * settlement had them), without the ids the cancel row already holds. */
export type ReversalSetlinfo = Omit<CancelOutput['setlinfo'], 'local_setl_id' | 'psn_no'>;

/** A cancel (红冲) of a settlement: what was done at the counter, and what the platform made of it.
 * pending: 2305 is queued (behind the settlement's own upload when that has not gone yet);
 * cancelled: the platform reversed it; refused: the platform would not (a task); not_needed: the
 * platform never settled it (rejected), so there was nothing to reverse there. */
export interface CancelRecord {
  reason_code: CancelReasonCode;
  reason_text: string;
  /** who cancelled */
  opter: string;
  /** the supervisor who approved with their PIN, when the rule asked for one */
  approved_by: { id: string; name: string; at: string } | null;
  cancelled_at: string; // ISO with +08:00
  /** the status the settlement had when it was cancelled */
  status_before: SettlementStatus;
  platform: 'pending' | 'cancelled' | 'refused' | 'not_needed';
  /** the platform's answer to the settlement's own upload, when it came after the cancel */
  upload_outcome?: 'confirmed' | 'discrepancy' | 'rejected' | 'cancelled';
  reversal: ReversalSetlinfo | null;
  answered_at: string | null;
  refusal: Reason | null;
  /** a refused cancel stays a task until a person resolves it */
  resolved_at: string | null;
  resolution: string | null;
}

export interface SettlementRow {
  local_setl_id: string;
  psn_no: string;
  certno: string;
  psn_name: string;
  scheme: Scheme;
  setl_type: SetlType;
  encounter_no: string;
  station_id: string;
  opter: string;
  settled_at: string; // ISO with +08:00 offset, as sent in 8201
  settle_date: string;
  request: SettleRequestInput;
  result: SettleResult;
  data_versions: Record<string, number>;
  status: SettlementStatus;
  answered_at: string | null;
  setl_id: string | null;
  platform_result: SettleResult | null;
  differences: Difference[];
  reasons: Reason[];
  /** A discrepancy or rejection stays a task until a person resolves it (resolved_at set). */
  resolved_at: string | null;
  resolution: string | null;
  /** set when the settlement was cancelled at this station (status is then 'cancelled') */
  cancel?: CancelRecord;
  /** What the hospital system's bill said about the encounter (dates, department, doctor, diagnoses,
   * operations), for the settlement list. Absent on rows settled before it existed and on bills that
   * gave none; not indexed, so no schema version. Not part of 8201. */
  encounter?: EncounterInfo;
  /** What the counter did about a discrepancy or a rejection (settle-service/resolve.ts): the cash
   * it collected or refunded. Not indexed, so no schema version of its own. */
  correction?: CorrectionRecord;
  /** What the pre-settlement (2303) said before the commit (docs/sync.md, "Online before
   * offline"): the figures agreed, the platform's figures were taken, or no answer in time and the
   * settlement is an offline one (the receipt says so). Absent when no platform was configured and
   * on rows from before it existed; kept beside the settlement's journal line (not part of 8201). */
  presettle?: PresettleMark;
}

/** How a task was settled at the counter (settle-service/correction.ts). discrepancy: the patient
 * pays the platform's share; self_pay: a rejection charged in full (the patient claims at the
 * insured place); resettle: a rejection whose cash went back, the bill settled again under a new
 * local id. */
export const CORRECTION_KINDS = ['discrepancy', 'self_pay', 'resettle'] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

export interface CorrectionRecord {
  kind: CorrectionKind;
  /** cash the patient paid (+) or got back (−) at the counter, two decimals */
  cash: string;
  opter: string;
  at: string; // ISO instant
  approved_by: { id: string; name: string; at: string } | null;
}

/** (shared/station-api/journal.ts: the journal's settlement line carries it too) */
export type PresettleMark = PresettleMarkShape;

/** journaling: committed, its journal line not yet on disk: not uploaded until it is (journal/durable.ts).
 * held: the platform keeps failing on this settlement (or it is too large to send); it is a task,
 * and the person's later settlements wait behind it until a person releases it (resolveTask). */
export type OutboxState = 'journaling' | 'queued' | 'in_flight' | 'held';

export interface OutboxRow {
  seq?: number; // auto-increment: the upload order
  local_setl_id: string;
  psn_no: string;
  state: OutboxState;
  attempts: number;
  enqueued_at: string;
  last_error: string | null;
}

export interface CheckpointRow {
  dataset: DatasetName;
  since_ver: number;
  total_rows: number | null;
  /** true while a pull of this dataset has pages left to fetch */
  in_progress: boolean;
  updated_at: string;
  completed_at: string | null;
}

/** Free-form station state (last push outcome, blocked push reason …) by key. */
export interface SyncStateRow {
  key: string;
  value: unknown;
  updated_at: string;
}

/** A cancel waiting for the platform (2305), in the upload order: it goes once every outbox entry
 * of its person up to `after_seq` (its own settlement among them) has been answered, and that
 * person's later outbox entries wait behind it (push-cancels.ts). */
export interface CancelQueueRow {
  seq?: number;
  local_setl_id: string;
  psn_no: string;
  /** the highest outbox seq when the cancel was made: the outbox entries it comes after */
  after_seq: number;
  /** journaling: not sent until the journal has its cancel line (renderer/journal/cancels.ts) */
  state: 'journaling' | 'queued' | 'in_flight';
  attempts: number;
  enqueued_at: string;
  last_error: string | null;
}

/** One link of the audit chain (shared/audit): `prev` is the hash of the entry before, `hash` this
 * entry's own, over the canonical JSON of its fields. Written only by appendAudit (audit.ts). */
export type AuditRow = ChainedAuditEntry;

/** A shift handover (交班): one operator's work in [from, to). draft: submitted with the counted
 * cash, waiting for a supervisor; confirmed: immutable; withdrawn: its settlements free again. */
export interface HandoverRow {
  id: string; // ULID
  opter: string;
  from: string; // ISO instant
  to: string; // ISO instant
  state: 'draft' | 'confirmed' | 'withdrawn';
  created_at: string;
  /** the settlements it took (settled by this operator) */
  local_setl_ids: string[];
  /** every event it took, as `settle:ID`, `cancel:ID`, `correct:ID` (handover-figures.ts eventKey) */
  events: string[];
  figures: HandoverFigures;
  counted_cash: string;
  confirmed_by: { id: string; name: string; at: string } | null;
  withdrawn_at: string | null;
}

/** A handover's counts and sums (settle-service/handover-figures.ts), two-decimal strings. Funds are
 * keyed by fund type (setldetail fund_pay_type) or, for a result without one, the setlinfo field. */
export interface HandoverFigures {
  settlements: number;
  cancels: number;
  medfee_sumamt: string;
  funds: { key: string; amount: string }[];
  acct_pay: string;
  cash_collected: string;
  refunds: string;
  corrections: number;
  corrections_net: string;
  /** settlements of the window the platform has not answered yet */
  pending_upload: number;
  /** cash_collected − refunds: what the drawer should hold */
  expected_cash: string;
}
