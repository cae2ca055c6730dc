// The counter's working state: one patient at a time, step by step (card → person and verdict → bill
// → review → receipt). The data itself lives in Dexie; this holds what the cashier is doing right now,
// and every change goes through a named action. Panels and hotkeys call actions; no component sets
// this state itself. Each rule is written once, in its action: editing the bill (setBill, which every
// bill change goes through) clears the preview and the last error; a new patient clears the bill.
// Actions never reject: a failure becomes state (person.error, error) that a panel shows.
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  SCHEMES,
  SETL_TYPES,
  STAY_SETL_TYPES,
  type BillLine,
  type Circumstances,
  type Person,
} from '../../../shared/settlement';
import type { EncounterInfo } from '../../../shared/settlement-docs';
import type { CardReadEvent, DemoBillView } from '../../../shared/station-api';
import type { FilingRow, Scheme, SetlType } from '../../db';
import type { AssessInput, PreSettlement, Preview, SettleInput, SettleService } from '../../settle-service';
import type { PersonFreshness } from '../../sync';
import type { TranslationKey } from '../../i18n';
import type { BilingualText } from '../../ui';
import { isEncounterNo } from './bill-inputs';
import type { PersonProblem, ResolvedPerson } from './resolve-person';

export type BillSource =
  { kind: 'demo'; label: BilingualText } | { kind: 'file'; name: string } | { kind: 'hand' };

/** What the cashier enters or loads for the bill; setBill changes any of it. */
export interface BillInputs {
  scheme: Scheme;
  setlType: SetlType;
  admissionDate: string | null;
  diseCodg: string;
  circumstances: Partial<Circumstances>;
  acctUsed: boolean;
  lines: BillLine[];
  source: BillSource | null;
  /** the hospital's encounter number (住院号 / 门诊号), 8201's mdtrt_id; required to commit */
  mdtrtId: string;
  /** settle/v2: the bill is part N of a long stay (中途结算), null for a whole stay; inpatient and
   * rehab only. Part ≥ 2 follows this station's earlier parts of the same encounter number. */
  stayPart: number | null;
  /** the encounter data of an imported bill (diagnoses, operations …), kept with the settlement */
  encounter: EncounterInfo | null;
}

export type PersonLookup =
  | { status: 'none' }
  | { status: 'loading' }
  | { status: 'found'; person: Person; filings: FilingRow[] }
  | { status: 'problem'; problem: PersonProblem }
  | { status: 'error'; error: unknown };

export interface CounterState extends BillInputs {
  card: CardReadEvent | null;
  person: PersonLookup;
  /** changes whenever the bill is replaced as a whole (new patient, loaded bill): its form starts over */
  billVersion: number;
  preview: Preview | null;
  /** the person's rows: live from the platform at this card read, or the cache's (and how old);
   * 'checking' while the read runs (the cached verdict shows meanwhile), null without a platform */
  freshness: PersonFreshness | 'checking' | null;
  /** what 2303 said on F8: a difference waits for the cashier's F8 again, a refusal stops the commit */
  presettle: PreSettlement<Preview> | null;
  receiptId: string | null;
  /** the last compute or commit failure */
  error: unknown;
  busy: boolean;
}

export interface CounterActions {
  startPatient(card: CardReadEvent): Promise<void>;
  setBill(patch: Partial<BillInputs>): void;
  /** a whole bill (demo, file): replaces the lines, restarts the bill form */
  loadBill(bill: Partial<BillInputs> & Pick<BillInputs, 'lines' | 'source'>): void;
  addLine(line: BillLine): void;
  clearLines(): void;
  compute(): Promise<void>;
  /** back from the review to the bill (Esc) */
  backToBill(): void;
  commit(): Promise<void>;
  nextPatient(): void;
}

export interface CounterDeps {
  settle: Pick<SettleService, 'preview' | 'commit' | 'refresh' | 'preSettle' | 'online'>;
  resolvePerson(card: CardReadEvent): Promise<ResolvedPerson>;
  today(): string;
  /** the operator recorded as opter */
  operator(): string;
  /** after a commit: upload now (the sync engine's runOnce, which never rejects) */
  afterCommit(): void;
}

export type CounterStore = StoreApi<CounterState & { actions: CounterActions }>;

const emptyPatient = (): Omit<CounterState, 'scheme' | 'setlType' | 'billVersion'> => ({
  card: null,
  person: { status: 'none' },
  admissionDate: null,
  diseCodg: '',
  circumstances: {},
  acctUsed: false,
  lines: [],
  source: null,
  mdtrtId: '',
  stayPart: null,
  encounter: null,
  preview: null,
  freshness: null,
  presettle: null,
  receiptId: null,
  error: null,
  busy: false,
});

/** A demo bill (the demo's stand-in for the hospital system's handover) as a whole bill to load. */
export function demoBillInputs(bill: DemoBillView): Parameters<CounterActions['loadBill']>[0] {
  return {
    lines: bill.lines,
    source: { kind: 'demo', label: { zh: bill.label_zh, en: bill.label_en } },
    scheme: bill.scheme,
    setlType: bill.setl_type,
    admissionDate: bill.admission_date,
    diseCodg: bill.dise_codg ?? '',
    circumstances: bill.circumstances ?? {},
    mdtrtId: bill.mdtrt_id ?? '',
    stayPart: bill.stay_part ?? null,
  };
}

/** The mid-stay part the settle service is asked to follow, when the bill is one (settle/v2). */
export function stayFacts(s: CounterState): Pick<SettleInput, 'stay_part' | 'encounter_no'> {
  if (s.stayPart === null || !(STAY_SETL_TYPES as readonly string[]).includes(s.setlType)) return {};
  return { stay_part: s.stayPart, encounter_no: s.mdtrtId.trim() };
}

/** Who the settle service and the demo bills are asked about: the person once known, else the card. */
export function patientWho(s: Pick<CounterState, 'person' | 'card'>): { psn_no?: string; certno?: string } {
  if (s.person.status === 'found') return { psn_no: s.person.person.psn_no };
  return { certno: s.card?.ssn ?? '' };
}

/** The person as 1101 answered, for someone with no cached filing (the settle service needs it). */
export function onlinePerson(s: Pick<CounterState, 'person'>): Person | undefined {
  return s.person.status === 'found' && s.person.filings.length === 0 ? s.person.person : undefined;
}

/** The facts of the verdict and of the settle request, from the counter's state: the person panel's
 * assess() and compute()'s preview() ask about exactly the same thing. */
export function settleFacts(s: CounterState, settle_date: string): AssessInput {
  return {
    who: patientWho(s),
    person: onlinePerson(s),
    scheme: s.scheme,
    setl_type: s.setlType,
    settle_date,
    admission_date: s.admissionDate ?? undefined,
    dise_codg: s.setlType === 'chronic_outpatient' ? s.diseCodg : undefined,
    circumstances: s.circumstances,
  };
}

/** Whether F8 may settle now, and if not for a reason the cashier can fix, which. */
export function commitCheck(s: CounterState): { ok: true } | { ok: false; reason: TranslationKey | null } {
  if (!s.preview || s.preview.result.status !== 'settled' || s.receiptId || s.busy)
    return { ok: false, reason: null };
  if (s.presettle?.kind === 'refused') return { ok: false, reason: null };
  if (!isEncounterNo(s.mdtrtId)) return { ok: false, reason: 'review.needsEncounter' };
  return { ok: true };
}

export function createCounterStore(deps: CounterDeps): CounterStore {
  // A card read while an earlier lookup still runs wins; the earlier answer is dropped.
  let lookup = 0;
  return createStore<CounterState & { actions: CounterActions }>((set, get) => {
    /** The live read runs after the cached verdict is on screen; rows it changed replace the person
     * (and so the verdict, which the person panel asks again for a new person). */
    async function refreshFound(mine: number, card: CardReadEvent, psnNo: string) {
      const freshness = await deps.settle.refresh(psnNo);
      if (mine !== lookup) return;
      if (freshness?.source === 'live' && freshness.changed > 0) {
        const r = await deps.resolvePerson(card);
        if (mine !== lookup) return;
        if (r.person) set({ person: { status: 'found', person: r.person, filings: r.filings } });
      }
      set({ freshness });
    }

    const actions: CounterActions = {
      async startPatient(card) {
        const mine = ++lookup;
        set((s) => ({
          ...emptyPatient(),
          card,
          person: { status: 'loading' },
          billVersion: s.billVersion + 1,
        }));
        try {
          const r = await deps.resolvePerson(card);
          if (mine !== lookup) return;
          if (!r.person) return set({ person: { status: 'problem', problem: r.problem } });
          const online = deps.settle.online;
          set({
            person: { status: 'found', person: r.person, filings: r.filings },
            freshness: online ? 'checking' : null,
          });
          const schemes = [...new Set(r.filings.map((f) => f.scheme))];
          if (schemes.length > 0 && !schemes.includes(get().scheme)) actions.setBill({ scheme: schemes[0]! });
          // not awaited: the cached person and verdict are the answer to this card read
          if (online)
            void refreshFound(mine, card, r.person.psn_no).catch((error: unknown) => {
              if (mine === lookup) set({ freshness: null, error });
            });
        } catch (error) {
          if (mine === lookup) set({ person: { status: 'error', error } });
        }
      },

      setBill(patch) {
        set((s) => {
          const scheme = patch.scheme ?? s.scheme;
          const allowed: readonly SetlType[] = SETL_TYPES[scheme];
          const wanted = patch.setlType ?? s.setlType;
          return {
            ...patch,
            setlType: allowed.includes(wanted) ? wanted : allowed[0]!,
            preview: null,
            presettle: null,
            error: null,
          };
        });
      },

      loadBill(bill) {
        // a bill replaces the last one's encounter data too (a bill without any has none)
        actions.setBill({ encounter: null, ...bill });
        set((s) => ({ billVersion: s.billVersion + 1 }));
      },

      addLine(line) {
        const { lines, source } = get();
        actions.setBill({ lines: [...lines, line], source: source ?? { kind: 'hand' } });
      },

      clearLines() {
        actions.loadBill({ lines: [], source: null });
      },

      async compute() {
        const s = get();
        if (!s.card || s.lines.length === 0 || s.receiptId || s.busy) return;
        set({ error: null, busy: true });
        try {
          const preview = await deps.settle.preview({
            ...settleFacts(s, deps.today()),
            acct_used: s.acctUsed,
            lines: s.lines,
            ...stayFacts(s),
          });
          // the bill may have changed while the engine ran: that preview is for another bill
          if (get().lines === s.lines && get().card === s.card && get().stayPart === s.stayPart)
            set({ preview });
        } catch (error) {
          set({ error });
        } finally {
          set({ busy: false });
        }
      },

      backToBill() {
        set({ preview: null, presettle: null, error: null });
      },

      async commit() {
        const s = get();
        if (!commitCheck(s).ok || !s.preview) return;
        set({ busy: true, error: null });
        try {
          const who = { opter: deps.operator(), encounter_no: s.mdtrtId.trim() };
          // A difference 2303 found is committed by the platform's figures once the cashier presses
          // F8 again; otherwise 2303 is asked first (nothing is committed before its answer or timeout).
          let toCommit = s.preview;
          let check = s.presettle;
          if (check?.kind !== 'differs') {
            check = await deps.settle.preSettle(s.preview, who);
            if (get().preview !== s.preview) return;
            if (check?.kind === 'refused' || check?.kind === 'differs') return set({ presettle: check });
          } else toCommit = check.preview;
          const row = await deps.settle.commit(toCommit, {
            ...who,
            ...(s.encounter ? { encounter: s.encounter } : {}),
            ...(check ? { presettle: check.mark } : {}),
          });
          set({ receiptId: row.local_setl_id });
          deps.afterCommit();
        } catch (error) {
          set({ error });
        } finally {
          set({ busy: false });
        }
      },

      nextPatient() {
        lookup++;
        set((s) => ({ ...emptyPatient(), billVersion: s.billVersion + 1 }));
      },
    };
    const scheme = SCHEMES[0];
    return { scheme, setlType: SETL_TYPES[scheme][0], billVersion: 0, ...emptyPatient(), actions };
  });
}
