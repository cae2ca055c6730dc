// What 8201 answers for one settlement, recomputed from the platform's own data (platform-protocol.md
// "8201"), as a pure function: `recomputeSettlement(input, data)` takes the checked upload and a view
// of the platform's data (platform-data.ts loads it, for a whole batch at once) and returns the
// outcome, writing nothing. 8201 stores what it returns (batch.ts); a pre-settlement (2303) can answer
// it as is (preview.ts).
//
// The request is rebuilt from the platform's data: the person and the filing on record, the insured
// place's policy in force on settle_date, the treatment place's catalog entries for the bill's lines,
// the accumulators as they stand before this settlement. From the station it takes only what happened
// at the counter: the bill lines (with their fee kinds and charge categories), dates, circumstances,
// the encounter and its mid-stay part number, and whether the personal account was used. It
// recomputes by settle/v2; a mid-stay part's deductible left and cumulative amount come from the
// platform's own earlier parts (stay.ts).

import type { DemoPolicy } from '../../shared/demo-world';
import type { DatasetRow, RejectionCode, UploadResult, UploadSettlement } from '../../shared/protocol';
import { REJECTION_CODES, reconcileInsutype, selectFiling, settleDateProblem } from '../../shared/protocol';
import type { Accumulators, SettleRequestInput, SettleResult } from '../../shared/settlement';
import { InvalidInputError, SETLINFO_FIELDS, settle, settleShaped } from '../../shared/settlement';
import type { StoredRow } from '../db/datasets';
import { shapedRequest } from './shaped';
import type { PartRow } from './stay';
import { platformStay, policyInForce } from './stay';

export interface Rejection {
  code: RejectionCode | string;
  message: string;
  message_en: string;
  path?: string;
}

export function rejection(code: RejectionCode, detail?: string): Rejection {
  const [zh, en] = REJECTION_CODES[code];
  return { code, message: detail ? `${zh}: ${detail}` : zh, message_en: detail ? `${en}: ${detail}` : en };
}

export type CatalogEntry = NonNullable<SettleRequestInput['catalog']>[string];
export type WiCatalogEntry = NonNullable<SettleRequestInput['wi_catalog']>[string];

/** The platform's data one settlement is recomputed from, as it stands before this settlement. */
export interface PlatformData {
  person(psnNo: string): SettleRequestInput['person'] | undefined;
  institution(fixmedinsCode: string): SettleRequestInput['institution'] | undefined;
  /** the person's filings, revoked ones (tombstones) included, in key order */
  filings(psnNo: string): readonly StoredRow<DatasetRow<'filings'>>[];
  /** the insured place's live policies, in key order */
  policies(insuplcAdmdvs: string): readonly DemoPolicy[];
  catalogEntry(code: string): CatalogEntry | undefined;
  wiCatalogEntry(code: string): WiCatalogEntry | undefined;
  /** the person's accumulators for the year (`{year}` when the platform has none) */
  accumulators(psnNo: string, year: number): Accumulators;
  /** the encounter's stored parts, settled and not cancelled */
  parts(encounterKey: string): readonly PartRow[];
  /** another settlement holds this encounter part */
  encounterTaken(encounterKey: string, part: number): boolean;
}

export interface RecomputeInput {
  upload: UploadSettlement;
  /** the mid-stay part (1 for a whole stay) */
  part: number;
  /** the envelope's institution */
  fixmedinsCode: string;
  /** the platform's clock (ms) and offline window, for the settle_date rules */
  now: number;
  maxOfflineDays: number;
}

export type Difference = { field: (typeof SETLINFO_FIELDS)[number]; station: string; platform: string };

export type Recomputed =
  /** stored as `rejected`; `insutype` once the platform knew it */
  | { kind: 'rejected'; reasons: Rejection[]; insutype?: string }
  /** the input itself is unusable (settle() refused to read it): answered, never stored */
  | { kind: 'invalid'; reasons: Rejection[] }
  /** settles: confirmed (no differences) or discrepancy, moving the accumulators to accumulators_after */
  | {
      kind: 'settled';
      platform: SettleResult;
      differences: Difference[];
      encounter: string;
      accKey: string;
      accBefore: Accumulators;
      insutype: string;
    };

export function differences(
  station: SettleResult['setlinfo'],
  platform: SettleResult['setlinfo'],
): Difference[] {
  return SETLINFO_FIELDS.filter((f) => station[f] !== platform[f]).map((f) => ({
    field: f,
    station: station[f],
    platform: platform[f],
  }));
}

/** `fixmedins_code:mdtrt_id`: with the stay part, the key DUPLICATE_ENCOUNTER guards. */
export const encounterKey = (fixmedinsCode: string, mdtrtId: string) => `${fixmedinsCode}:${mdtrtId}`;

export const accumulatorsKey = (psnNo: string, year: number) => `${psnNo}:${year}`;

export const settleYear = (upload: UploadSettlement) => Number(upload.request.settle_date.slice(0, 4));

type Basics =
  | {
      ok: true;
      person: SettleRequestInput['person'];
      institution: SettleRequestInput['institution'];
      filing: SettleRequestInput['filing'];
      policy: DemoPolicy;
      insutype: string;
    }
  | { ok: false; reasons: Rejection[] };

/** The settle date rules, then person, institution, filing and policy: what decides whether the
 * settlement reaches settle() (and so needs the person's accumulators). */
export function resolveBasics(input: RecomputeInput, data: PlatformData): Basics {
  const { upload } = input;
  const st = upload.request;
  const dates = settleDateProblem(st.settle_date, upload.settled_at, input.now, input.maxOfflineDays);
  if (dates) return { ok: false, reasons: [rejection(dates.code, dates.detail)] };
  const psnNo = st.person.psn_no;
  const person = data.person(psnNo);
  if (!person) return { ok: false, reasons: [rejection('PERSON_NOT_FOUND', psnNo)] };
  const institution = data.institution(st.institution.fixmedins_code);
  if (!institution)
    return { ok: false, reasons: [rejection('INSTITUTION_UNKNOWN', st.institution.fixmedins_code)] };

  const filings = data.filings(psnNo);
  const live = filings.filter((f) => !f.deleted).map((f) => f.row);
  const chosen = selectFiling(
    live,
    st.scheme,
    institution.mdtrtarea_admvs,
    st.settle_date,
    st.admission_date,
  );
  if (!chosen && st.filing !== null && filings.some((f) => f.deleted && f.row.scheme === st.scheme))
    return { ok: false, reasons: [rejection('FILING_REVOKED')] };

  // Work-injury settlements use the insured place's employee policy, whose work_injury.devices is the
  // place's device catalog (docs/platform.md).
  const insutype = st.scheme === 'work_injury' ? '310' : (person.insutype ?? '310');
  const policy = policyInForce(data.policies(person.insuplc_admdvs), insutype, st.settle_date);
  if (!policy)
    return {
      ok: false,
      reasons: [rejection('POLICY_NOT_FOUND', `${person.insuplc_admdvs} ${insutype} ${st.settle_date}`)],
    };
  return { ok: true, person, institution, filing: chosen ? chosen.filing : null, policy, insutype };
}

/** The outcome 8201 answers for this settlement against `data`; writes nothing. */
export function recomputeSettlement(input: RecomputeInput, data: PlatformData): Recomputed {
  const basics = resolveBasics(input, data);
  if (!basics.ok) return { kind: 'rejected', reasons: basics.reasons };
  const { upload, part } = input;
  const st = upload.request;
  const { person, institution, insutype } = basics;
  const psnNo = st.person.psn_no;
  const encounter = encounterKey(input.fixmedinsCode, upload.mdtrt_id);
  const year = settleYear(upload);
  const accBefore = { ...data.accumulators(psnNo, year), year } as Accumulators;

  const request: SettleRequestInput = {
    contract: 'settle/v2',
    scheme: st.scheme,
    setl_type: st.setl_type,
    settle_date: st.settle_date,
    person,
    institution,
    filing: basics.filing,
    circumstances: st.circumstances,
    accumulators: accBefore,
    acct_used: st.acct_used,
    policy: basics.policy,
    lines: st.lines,
  };
  if (st.admission_date !== undefined) request.admission_date = st.admission_date;
  if (st.stay !== undefined) {
    const stay = platformStay(data.parts(encounter), data.policies(person.insuplc_admdvs), {
      part: st.stay.part,
      psnNo,
      medicalInpatient: st.scheme === 'medical' && st.setl_type === 'inpatient',
      hospLv: institution.hosp_lv,
      insutype,
    });
    if (!stay.ok)
      return { kind: 'rejected', reasons: [rejection('STAY_PART_OUT_OF_ORDER', stay.message_en)] };
    request.stay = stay.stay;
  }
  if (st.dise_codg !== undefined) request.dise_codg = st.dise_codg;
  const codes = [...new Set(st.lines.map((l) => l.med_list_codg))];
  if (st.scheme === 'medical') request.catalog = entriesOf(codes, (c) => data.catalogEntry(c));
  else if (st.setl_type !== 'device') request.wi_catalog = entriesOf(codes, (c) => data.wiCatalogEntry(c));

  let platform: SettleResult;
  try {
    // Parsed part by part, each object once per batch; a part that does not parse goes to settle()
    // whole, which names the field exactly as before (shaped.ts).
    const shaped = shapedRequest(request, st);
    platform = shaped ? settleShaped(shaped) : settle(request);
  } catch (err) {
    if (err instanceof InvalidInputError)
      return {
        kind: 'invalid',
        reasons: [{ ...rejection('INVALID_INPUT', `${err.path}: ${err.message}`), path: err.path }],
      };
    throw err;
  }
  const storedInsutype = reconcileInsutype(st.scheme, basics.person.insutype);
  if (platform.status === 'refused')
    return {
      kind: 'rejected',
      reasons: platform.refusal.map((r) => ({ code: r.code, message: r.message, message_en: r.message_en })),
      insutype: storedInsutype,
    };
  if (data.encounterTaken(encounter, part))
    return {
      kind: 'rejected',
      reasons: [
        rejection('DUPLICATE_ENCOUNTER', `mdtrt_id ${upload.mdtrt_id}${part > 1 ? ` part ${part}` : ''}`),
      ],
      insutype: storedInsutype,
    };
  return {
    kind: 'settled',
    platform,
    differences: differences(upload.result.setlinfo, platform.setlinfo),
    encounter,
    accKey: accumulatorsKey(psnNo, year),
    accBefore,
    insutype: storedInsutype,
  };
}

function entriesOf<E>(codes: string[], entry: (code: string) => E | undefined): Record<string, E> {
  const out: Record<string, E> = {};
  for (const code of codes) {
    const e = entry(code);
    if (e !== undefined) out[code] = e;
  }
  return out;
}

/** The 8201 answer for a recomputed settlement; `setlId` is the platform's number for a settled one. */
export function answerOf(localSetlId: string, r: Recomputed, setlId: string | null): UploadResult {
  if (r.kind !== 'settled') return { local_setl_id: localSetlId, outcome: 'rejected', reasons: r.reasons };
  if (setlId === null) throw new Error('a settled settlement needs its setl_id');
  return r.differences.length === 0
    ? { local_setl_id: localSetlId, outcome: 'confirmed', setl_id: setlId }
    : {
        local_setl_id: localSetlId,
        outcome: 'discrepancy',
        setl_id: setlId,
        platform_result: r.platform,
        differences: r.differences,
      };
}
