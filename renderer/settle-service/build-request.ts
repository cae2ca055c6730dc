// Builds the settle/v2 request from what the station has cached: the person's filing (with its
// work-injury confirmations), the insured place's policy in force on the settle date, the station's
// own institution row (the schemes it is contracted for), the treatment place's catalog entries for
// the codes on the bill, the person's local year-to-date accumulators, and — for a mid-stay part —
// the stay from this station's earlier parts of the encounter (stay-part.ts). Reads only.
//
// The verdict the counter shows after a card read comes out of the same function (prepareSettlement):
// it is step 1 of settle/v1 (directSettlementVerdict) over the very facts the request is built from,
// and whatever keeps the station from building a request (no insurance type, no policy in force)
// is a reason in the verdict as well as the error preview throws. The two cannot disagree.
import type {
  Accumulators,
  BillLine,
  Circumstances,
  Person,
  SettleRequestInput,
  VerdictInput,
} from '../../shared/settlement';
import { directSettlementVerdict, NO_CIRCUMSTANCES } from '../../shared/settlement';
import { selectFiling, type CatalogDatasetName } from '../../shared/protocol';
import {
  accumulatorKey,
  COUNTER_DATASETS,
  filingsInIndex,
  getRow,
  incompleteDatasets,
  policyInForce,
  rowStores,
  segmentIndex,
  type FilingRow,
  type Scheme,
  type SetlType,
  type StationDb,
} from '../db';
import { completeEntries, storedEntries, type CatalogSource } from './catalog-entries';
import { SettleServiceError } from './errors';
import { localStay } from './stay-part';

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
  setl_type: SetlType;
  settle_date: string;
  admission_date?: string;
  dise_codg?: string;
  circumstances?: Partial<Circumstances>;
  acct_used?: boolean;
  lines: BillLine[];
  /** settle/v2: this bill is part N of a long stay (inpatient, rehab); needs `encounter_no` */
  stay_part?: number;
  /** the hospital's encounter number, whose earlier parts a mid-stay part follows */
  encounter_no?: string;
}

/** What the counter asks right after a card read: no bill yet. */
export type AssessInput = Omit<SettleInput, 'lines' | 'acct_used' | 'stay_part' | 'encounter_no'>;

export interface BuiltRequest {
  request: SettleRequestInput;
  filing: FilingRow | undefined;
  /** the local accumulators the request used, to detect a change between preview and commit */
  accumulatorsKey: string;
  accumulatorsBasis: Accumulators | undefined;
  /** each dataset's version the request was built from (8201 `data_versions`); empty for a verdict
   * (assess: no bill, nothing to upload) */
  dataVersions: Record<string, number>;
}

/** One reason a person cannot be settled directly, in both languages. */
export interface VerdictReason {
  code: string;
  zh: string;
  en: string;
}

export interface CounterVerdict {
  canSettle: boolean;
  reasons: VerdictReason[];
  /** the ratio reduction that will apply (temporary filings), a decimal string such as "0.1" */
  reduction: string;
}

/** The verdict, and the request when one can be built (else the error preview throws). */
export type PreparedSettlement = {
  person: Person;
  filing: FilingRow | undefined;
  verdict: CounterVerdict;
} & (({ ok: true } & BuiltRequest) | { ok: false; error: SettleServiceError });

/** Work injury has no insurance type of its own here: the insured place's employee (310) policy
 * carries the device catalog (shared/demo-world/policies.ts, settlement-contract.md). */
function insutypeOf(scheme: Scheme, person: Person): string | null {
  if (scheme === 'work_injury') return '310';
  return person.insutype ?? null;
}

/** What prepareSettlement needs besides the database (createSettleService passes its own). */
export interface PrepareDeps {
  /** entries of bill codes not stored yet while the first catalog pull runs (catalog-entries.ts) */
  catalogSource?: CatalogSource;
  /** true once every counter dataset was pulled whole: never asked again (it cannot go back) */
  readiness?: { counterReady: boolean };
}

/** The catalog whose entries the request carries: the medical catalog for a medical bill, the
 * work-injury catalog for a work-injury one; none for a device bill. */
function billCatalog(input: SettleInput): CatalogDatasetName | null {
  if (input.scheme === 'medical') return 'catalog';
  if (input.setl_type !== 'device') return 'wi_catalog';
  return null;
}

export async function prepareSettlement(
  db: StationDb,
  station: StationProfile,
  input: SettleInput,
  deps: PrepareDeps = {},
): Promise<PreparedSettlement> {
  // Until the counter's datasets are whole (a new station's first sync), a person not found may just
  // not have arrived and missing figures would settle wrongly: say so instead (readiness.ts).
  const incomplete = deps.readiness?.counterReady ? [] : await incompleteDatasets(db, COUNTER_DATASETS);
  if (incomplete.length === 0 && deps.readiness) deps.readiness.counterReady = true;
  const notYet =
    incomplete.length > 0
      ? new SettleServiceError('DATA_INCOMPLETE', { detail: incomplete.join(', ') })
      : null;
  const codes = [...new Set(input.lines.map((l) => l.med_list_codg))];
  const catalog = billCatalog(input);
  // a verdict (no bill) uploads nothing: no data_versions, and no catalog read to wait behind a pull
  const dataset = codes.length > 0 ? catalog : null;
  const year = Number(input.settle_date.slice(0, 4));
  // The filings' lookup segments first, in a transaction of their own (it reads nothing when no
  // write touched them since the last lookup, the usual case at the counter).
  await segmentIndex(db, 'filings').refresh();
  // Every stored fact the request is built from, in one read transaction: one snapshot, and one
  // transaction's round trips instead of one per store. The reads that need no person start beside
  // the filings' (one wait, not two); the person's policy and accumulators follow the filing.
  const read = await db.transaction(
    'r',
    [
      ...rowStores(db, 'filings'),
      db.institutions,
      db.checkpoints,
      db.policies,
      ...rowStores(db, 'accumulators'),
      ...(dataset ? rowStores(db, dataset) : []),
    ],
    async () => {
      const knownKey = input.who.psn_no ? accumulatorKey(input.who.psn_no, year) : null;
      const unrelated = Promise.all([
        db.institutions.get(station.fixmedins_code),
        codes.length > 0 ? db.checkpoints.toArray() : [],
        dataset ? storedEntries(db, dataset, codes) : new Map<string, never>(),
        knownKey ? getRow(db, 'accumulators', knownKey) : undefined,
      ]);
      unrelated.catch(() => undefined); // awaited below; a person not found returns before it
      const filings = await filingsInIndex(db, input.who);
      const person = filings[0]?.person ?? input.person;
      if (!person) return null;
      // The same choice the platform makes when it recomputes the upload
      // (shared/protocol/filing-choice.ts), so a person with several filings is settled against the
      // same one on both sides.
      const filing =
        selectFiling(
          filings,
          input.scheme,
          station.mdtrtarea_admvs,
          input.settle_date,
          input.admission_date,
        ) ?? undefined;
      const insutype = insutypeOf(input.scheme, person);
      const accKey = accumulatorKey(person.psn_no, year);
      const [policyRow, accRow, [institutionRow, checkpoints, stored, knownAcc]] = await Promise.all([
        insutype ? policyInForce(db, person.insuplc_admdvs, insutype, input.settle_date) : undefined,
        accKey === knownKey ? undefined : getRow(db, 'accumulators', accKey),
        unrelated,
      ]);
      return {
        person,
        filing,
        insutype,
        accKey,
        accRow: accKey === knownKey ? knownAcc : accRow,
        policyRow,
        institutionRow,
        checkpoints,
        stored,
      };
    },
  );
  if (!read) {
    throw (
      notYet ??
      new SettleServiceError('PERSON_NOT_FOUND', { detail: input.who.certno ?? input.who.psn_no ?? '' })
    );
  }
  const { person, filing, insutype, accKey, accRow, policyRow, institutionRow, checkpoints } = read;
  const missing = notYet
    ? notYet
    : !insutype
      ? new SettleServiceError('NO_INSUTYPE', { detail: person.psn_no })
      : !policyRow
        ? new SettleServiceError('NO_POLICY', {
            detail: `${person.insuplc_admdvs}-${insutype} ${input.settle_date}`,
          })
        : null;

  // The schemes this institution is contracted for come from its synced row (8101 institutions);
  // before the first pull the station does not know them, and the platform checks them anyway.
  const schemes = institutionRow?.institution.schemes;
  const facts: VerdictInput = {
    scheme: input.scheme,
    setl_type: input.setl_type,
    settle_date: input.settle_date,
    person,
    institution: {
      fixmedins_code: station.fixmedins_code,
      mdtrtarea_admvs: station.mdtrtarea_admvs,
      hosp_lv: station.hosp_lv,
      ...(schemes ? { schemes } : {}),
    },
    filing: filing?.filing ?? null,
    circumstances: { ...NO_CIRCUMSTANCES, ...input.circumstances },
  };
  if (input.admission_date) facts.admission_date = input.admission_date;
  if (input.dise_codg) facts.dise_codg = input.dise_codg;
  if (policyRow) facts.policy = policyRow.policy;

  const step1 = directSettlementVerdict(facts);
  const reasons: VerdictReason[] = [
    ...(missing ? [{ code: missing.code, zh: missing.message_zh, en: missing.message_en }] : []),
    ...step1.refusal.map((r) => ({ code: r.code, zh: r.message, en: r.message_en })),
  ];
  const verdict: CounterVerdict = {
    canSettle: reasons.length === 0,
    reasons,
    reduction: step1.reduction,
  };
  if (missing) return { ok: false, person, filing, verdict, error: missing };

  const request: SettleRequestInput = {
    contract: 'settle/v2',
    ...facts,
    accumulators: accRow?.local ?? { year },
    acct_used: input.acct_used ?? false,
    lines: input.lines,
  };
  if (input.stay_part !== undefined) {
    const medicalInpatient = input.scheme === 'medical' && input.setl_type === 'inpatient';
    request.stay = await localStay(db, person.psn_no, input.encounter_no, input.stay_part, medicalInpatient);
  }
  // Only the entries the bill uses travel with the request (and on to the platform in 8201); codes
  // not stored yet are asked of the platform now, once the person can be settled.
  if (catalog === 'catalog')
    request.catalog = await completeEntries(db, catalog, codes, read.stored, deps.catalogSource);
  else if (catalog === 'wi_catalog')
    request.wi_catalog = await completeEntries(db, catalog, codes, read.stored, deps.catalogSource);
  return {
    ok: true,
    person,
    filing,
    verdict,
    request,
    accumulatorsKey: accKey,
    accumulatorsBasis: accRow?.local,
    dataVersions: Object.fromEntries(checkpoints.map((c) => [c.dataset, c.since_ver])),
  };
}
