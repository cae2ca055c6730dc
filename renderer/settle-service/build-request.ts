// Builds the settle/v1 request from what the station has cached: the person's filing, the insured
// place's policy in force on the settle date, the treatment place's catalog entries for the codes
// on the bill, and the person's local year-to-date accumulators. Reads only.
import type {
  Accumulators,
  BillLine,
  Circumstances,
  Person,
  SettleRequestInput,
} from '../../shared/settlement';
import { selectFiling } from '../../shared/protocol';
import {
  accumulatorKey,
  findFilings,
  policyInForce,
  type FilingRow,
  type Scheme,
  type StationDb,
} from '../db';
import { SettleServiceError } from './errors';

export interface StationProfile {
  station_id: string;
  fixmedins_code: string;
  mdtrtarea_admvs: string;
  hosp_lv: 1 | 2 | 3;
}

export interface SettleInput {
  /** from a card read (certno) or typed; psn_no when already known */
  who: { certno?: string; psn_no?: string };
  /** the person as 1101 returned it, for someone without a filing here (local or emergency) */
  person?: Person;
  scheme: Scheme;
  setl_type: SettleRequestInput['setl_type'];
  settle_date: string;
  admission_date?: string;
  dise_codg?: string;
  circumstances?: Partial<Circumstances>;
  acct_used?: boolean;
  lines: BillLine[];
}

export interface BuiltRequest {
  request: SettleRequestInput;
  filing: FilingRow | undefined;
  /** the local accumulators the request used, to detect a change between preview and commit */
  accumulatorsKey: string;
  accumulatorsBasis: Accumulators | undefined;
}

/** Work injury has no insurance type of its own here: the insured place's employee (310) policy
 * carries the device catalog (shared/demo-world/policies.ts, settlement-contract.md). */
function insutypeFor(scheme: Scheme, person: Person): string {
  if (scheme === 'work_injury') return '310';
  if (!person.insutype) throw new SettleServiceError('NO_INSUTYPE', person.psn_no);
  return person.insutype;
}

export async function buildSettleRequest(
  db: StationDb,
  station: StationProfile,
  input: SettleInput,
): Promise<BuiltRequest> {
  const filings = await findFilings(db, input.who);
  const person = filings[0]?.person ?? input.person;
  if (!person) {
    throw new SettleServiceError('PERSON_NOT_FOUND', input.who.certno ?? input.who.psn_no ?? '');
  }
  // The same choice the platform makes when it recomputes the upload (shared/protocol/filing-choice.ts),
  // so a person with several filings is settled against the same one on both sides.
  const schemeFiling =
    selectFiling(filings, input.scheme, station.mdtrtarea_admvs, input.settle_date, input.admission_date) ??
    undefined;

  const insutype = insutypeFor(input.scheme, person);
  const policyRow = await policyInForce(db, person.insuplc_admdvs, insutype, input.settle_date);
  if (!policyRow) {
    throw new SettleServiceError('NO_POLICY', `${person.insuplc_admdvs}-${insutype} ${input.settle_date}`);
  }

  const codes = [...new Set(input.lines.map((l) => l.med_list_codg))];
  const year = Number(input.settle_date.slice(0, 4));
  const accKey = accumulatorKey(person.psn_no, year);
  const accRow = await db.accumulators.get(accKey);

  const request: SettleRequestInput = {
    contract: 'settle/v1',
    scheme: input.scheme,
    setl_type: input.setl_type,
    settle_date: input.settle_date,
    person,
    institution: {
      fixmedins_code: station.fixmedins_code,
      mdtrtarea_admvs: station.mdtrtarea_admvs,
      hosp_lv: station.hosp_lv,
    },
    filing: schemeFiling?.filing ?? null,
    circumstances: {
      emergency: false,
      trauma: false,
      trauma_commitment_signed: false,
      third_party_liable: false,
      ...input.circumstances,
    },
    accumulators: accRow?.local ?? { year },
    acct_used: input.acct_used ?? false,
    policy: policyRow.policy,
    lines: input.lines,
  };
  if (input.admission_date) request.admission_date = input.admission_date;
  if (input.dise_codg) request.dise_codg = input.dise_codg;

  // Only the entries the bill uses travel with the request (and on to the platform in 8201).
  if (input.scheme === 'medical') {
    const rows = await db.catalog.bulkGet(codes);
    request.catalog = Object.fromEntries(rows.flatMap((r) => (r ? [[r.key, r.entry]] : [])));
  } else if (input.setl_type !== 'device') {
    const rows = await db.wi_catalog.bulkGet(codes);
    request.wi_catalog = Object.fromEntries(rows.flatMap((r) => (r ? [[r.key, r.entry]] : [])));
  }
  return { request, filing: schemeFiling, accumulatorsKey: accKey, accumulatorsBasis: accRow?.local };
}
