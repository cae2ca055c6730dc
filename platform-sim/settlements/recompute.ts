// Rebuilds an uploaded settlement's request from the platform's own data (platform-protocol.md
// "8201"): the person and the filing on record, the insured place's policy in force on settle_date,
// the treatment place's catalog entries for the bill's lines, the accumulators as they stand before
// this settlement. From the station it takes only what happened at the counter: the bill lines (with
// their fee kinds and charge categories), dates, circumstances, the encounter and its mid-stay part
// number, and whether the personal account was used. It recomputes by settle/v2; a mid-stay part's
// deductible left and cumulative amount come from the platform's own earlier parts (stay.ts).

import type { DatasetRow, RejectionCode, UploadSettlement } from '../../shared/protocol';
import { REJECTION_CODES, reconcileInsutype, selectFiling } from '../../shared/protocol';
import type { Accumulators, SettleRequestInput } from '../../shared/settlement';
import type { Queryable } from '../db/database';
import { rowsByKeys, rowsByRef } from '../db/datasets';
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

export type Rebuilt =
  | { ok: true; request: SettleRequestInput; accKey: string; accBefore: Accumulators; insutype: string }
  | { ok: false; reasons: Rejection[] };

type InstitutionRow = Pick<DatasetRow<'institutions'>, 'institution'>;

/** Reads the accumulators row for the person and year with a row lock (created empty if missing, so
 * two first settlements of a person in a new year still serialise on it). */
async function lockAccumulators(
  tx: Queryable,
  psnNo: string,
  year: number,
): Promise<{ key: string; acc: Accumulators }> {
  const key = `${psnNo}:${year}`;
  const select = () =>
    tx.query<{ row_json: string; deleted: boolean }>(
      "SELECT row_json, deleted FROM dataset_rows WHERE dataset = 'accumulators' AND key = $1 FOR UPDATE",
      [key],
    );
  let [row] = await select();
  if (!row) {
    await tx.query(
      "INSERT INTO dataset_rows (dataset, key, ver, deleted, ref, row_json) VALUES ('accumulators', $1, 0, false, $2, $3) ON CONFLICT (dataset, key) DO NOTHING",
      [key, psnNo, JSON.stringify({ key, psn_no: psnNo, accumulators: { year } })],
    );
    [row] = await select();
  }
  const acc = row.deleted
    ? { year }
    : (JSON.parse(row.row_json) as { accumulators: Accumulators }).accumulators;
  return { key, acc: { ...acc, year } as Accumulators };
}

/** `encounterKey`: fixmedins_code + ':' + mdtrt_id, whose earlier parts a mid-stay part follows. */
export async function rebuildRequest(
  tx: Queryable,
  upload: UploadSettlement,
  encounterKey: string,
): Promise<Rebuilt> {
  const st = upload.request;
  const psnNo = st.person.psn_no;
  const [personRow] = await tx.query<{ person_json: string }>(
    'SELECT person_json FROM people WHERE psn_no = $1',
    [psnNo],
  );
  if (!personRow) return { ok: false, reasons: [rejection('PERSON_NOT_FOUND', psnNo)] };
  const person = (JSON.parse(personRow.person_json) as { person: SettleRequestInput['person'] }).person;

  const [inst] = await rowsByKeys<InstitutionRow>(tx, 'institutions', [st.institution.fixmedins_code]);
  if (!inst) return { ok: false, reasons: [rejection('INSTITUTION_UNKNOWN', st.institution.fixmedins_code)] };
  const institution = inst.row.institution;

  const filings = await rowsByRef<DatasetRow<'filings'>>(tx, 'filings', psnNo);
  const live = filings.filter((f) => !f.deleted).map((f) => f.row);
  const chosen = selectFiling(
    live,
    st.scheme,
    institution.mdtrtarea_admvs,
    st.settle_date,
    st.admission_date,
  );
  if (!chosen && st.filing !== null && filings.some((f) => f.deleted && f.row.scheme === st.scheme)) {
    return { ok: false, reasons: [rejection('FILING_REVOKED')] };
  }

  // Work-injury settlements use the insured place's employee policy, whose work_injury.devices is the
  // place's device catalog (docs/platform.md).
  const insutype = st.scheme === 'work_injury' ? '310' : (person.insutype ?? '310');
  const policy = await policyInForce(tx, person.insuplc_admdvs, insutype, st.settle_date);
  if (!policy)
    return {
      ok: false,
      reasons: [rejection('POLICY_NOT_FOUND', `${person.insuplc_admdvs} ${insutype} ${st.settle_date}`)],
    };

  const codes = [...new Set(st.lines.map((l) => l.med_list_codg))];
  const { key: accKey, acc } = await lockAccumulators(tx, psnNo, Number(st.settle_date.slice(0, 4)));

  const request: SettleRequestInput = {
    contract: 'settle/v2',
    scheme: st.scheme,
    setl_type: st.setl_type,
    settle_date: st.settle_date,
    person,
    institution,
    filing: chosen ? chosen.filing : null,
    circumstances: st.circumstances,
    accumulators: acc,
    acct_used: st.acct_used,
    policy,
    lines: st.lines,
  };
  if (st.admission_date !== undefined) request.admission_date = st.admission_date;
  if (st.stay !== undefined) {
    const stay = await platformStay(tx, {
      encounterKey,
      part: st.stay.part,
      psnNo,
      medicalInpatient: st.scheme === 'medical' && st.setl_type === 'inpatient',
      hospLv: institution.hosp_lv,
      insuplcAdmdvs: person.insuplc_admdvs,
      insutype,
    });
    if (!stay.ok) return { ok: false, reasons: [rejection('STAY_PART_OUT_OF_ORDER', stay.message_en)] };
    request.stay = stay.stay;
  }
  if (st.dise_codg !== undefined) request.dise_codg = st.dise_codg;
  if (st.scheme === 'medical') {
    const rows = await rowsByKeys<{ entry: NonNullable<SettleRequestInput['catalog']>[string] }>(
      tx,
      'catalog',
      codes,
    );
    request.catalog = Object.fromEntries(rows.map((r) => [r.key, r.row.entry]));
  } else if (st.setl_type !== 'device') {
    const rows = await rowsByKeys<{ entry: NonNullable<SettleRequestInput['wi_catalog']>[string] }>(
      tx,
      'wi_catalog',
      codes,
    );
    request.wi_catalog = Object.fromEntries(rows.map((r) => [r.key, r.row.entry]));
  }
  return {
    ok: true,
    request,
    accKey,
    accBefore: acc,
    insutype: reconcileInsutype(st.scheme, person.insutype),
  };
}
