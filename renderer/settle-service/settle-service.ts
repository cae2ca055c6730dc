// What the counter screens call to settle: assess (the verdict after a card read), preview (computes,
// writes nothing) and commit (one Dexie transaction: settlement + outbox entry + the person's local
// accumulators + encounter + audit), and resolveTask for the platform's discrepancies and rejections.
// The local accumulators become the result's accumulators_after as a whole (settle/v2's serious-illness
// base, hifmi_pay and maf_pay included), so the next settlement of the person starts from them.
// Nothing may print before commit resolves: that is the moment the settlement exists.
import { ulid } from '../../shared/ids';
import { chinaOffsetIso } from '../../shared/protocol';
import { hasControlCharacter } from '../../shared/text';
import {
  accumulatorsSchema,
  InvalidInputError,
  settle,
  type Accumulators,
  type SettleResult,
} from '../../shared/settlement';
import type { EncounterInfo } from '../../shared/settlement-docs';
import {
  appendAuditAfter,
  getRow,
  lastAudit,
  rowStores,
  toStationDbError,
  unanswered,
  type PresettleMark,
  type SettlementRow,
  type StationDb,
} from '../db';
import { refreshPerson, type PersonFreshness, type PlatformPort } from '../sync';
import {
  JournalRefusedError,
  makeCancelDurable,
  makeDurable,
  sendLine,
  withdrawLine,
  type LineAnswer,
  type CommitUndo,
  type JournalPort,
} from '../journal';
import { cancelSettlement, type CancelInput } from './cancel';
import type { CatalogSource } from './catalog-entries';
import {
  prepareSettlement,
  type AssessInput,
  type PrepareDeps,
  type BuiltRequest,
  type PreparedSettlement,
  type SettleInput,
  type StationProfile,
} from './build-request';
import { SettleServiceError } from './errors';
import { preSettle, type PreSettlement } from './pre-settle';
import { resolveTask } from './resolve-task';
import { correct, type Approval, type CorrectionInput } from './correction';
import { confirmHandover, openHandover, previewHandover, withdrawHandover } from './handover';
import type { Role } from '../../shared/operators';
import { encounterHolder, withEncounterHolder } from './stay-part';

export interface SettleServiceDeps {
  db: StationDb;
  station: StationProfile;
  /** The host's durable journal: a settlement exists only once its line is on disk there. */
  journal: JournalPort;
  now?: () => Date;
  /** 10 random bytes for the ULID of each settlement */
  randomBytes?: (n: number) => Uint8Array;
  /** entries of bill codes not stored yet while the first catalog pull runs (the app: 8102) */
  catalogSource?: CatalogSource;
  /** The platform, for the online steps (a card read's fresh rows, 2303 on F8); none: cache only. */
  platform?: PlatformPort;
  /** how long those online steps wait (default 1.5 s, the station's `onlineTimeoutMs`) */
  onlineTimeoutMs?: number;
  /** told how long each step of a commit took (`bench:station` prints them; the app passes none) */
  onCommitTiming?: (timing: CommitTiming) => void;
}

/** One commit's steps, in milliseconds. The journal line is sent once the transaction's checks
 * passed and runs beside its writes, so the two overlap and `total` is less than their sum. */
export interface CommitTiming {
  /** the IndexedDB transaction, start to commit */
  idb: number;
  /** the journal line: the trip to the host, its write and fsync, the answer back */
  journal: number;
  /** the transaction's start → both done */
  total: number;
}

export interface Preview extends BuiltRequest {
  result: SettleResult;
  input: SettleInput;
}

export interface CommitOptions {
  opter: string;
  /** The hospital system's encounter number (住院号 / 门诊号, 8201 `mdtrt_id`), required: it is what
   * stops one bill being settled twice, here (ALREADY_SETTLED) and across the institution's stations
   * on the platform (DUPLICATE_ENCOUNTER). Surrounding blanks are dropped. */
  encounter_no: string;
  /** the encounter data of the bill (diagnoses, operations …), kept with the settlement */
  encounter?: EncounterInfo;
  /** what 2303 said before this commit (preSettle), kept with the settlement for the receipt */
  presettle?: PresettleMark;
}

/** The longest `mdtrt_id` 8201 accepts (shared/protocol/upload.ts). */
export const MAX_ENCOUNTER_NO = 64;

/** The encounter number as it will be stored and sent, or the reason it cannot be. */
function checkedEncounterNo(value: unknown): string {
  const v = typeof value === 'string' ? value.trim() : '';
  if (v === '' || v.length > MAX_ENCOUNTER_NO || hasControlCharacter(v))
    throw new SettleServiceError('ENCOUNTER_REQUIRED', {
      detail: typeof value === 'string' ? `${v.length}` : 'missing',
    });
  return v;
}

const describe = (e: unknown) =>
  e instanceof Error ? `${(e as { code?: string }).code ?? e.name}: ${e.message}`.slice(0, 300) : String(e);

function sameAccumulators(a: Accumulators | undefined, b: Accumulators | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

export function createSettleService(deps: SettleServiceDeps) {
  const { db, station } = deps;
  const now = deps.now ?? (() => new Date());
  const randomBytes = deps.randomBytes ?? ((n: number) => crypto.getRandomValues(new Uint8Array(n)));
  const prepareDeps: PrepareDeps = {
    readiness: { counterReady: false },
    ...(deps.catalogSource ? { catalogSource: deps.catalogSource } : {}),
  };

  /** The verdict after a card read: step 1 of the request preview() would build for these facts. */
  function assess(input: AssessInput): Promise<PreparedSettlement> {
    return prepareSettlement(db, station, { ...input, lines: [] }, prepareDeps);
  }

  async function preview(input: SettleInput): Promise<Preview> {
    const prepared = await prepareSettlement(db, station, input, prepareDeps);
    if (!prepared.ok) throw prepared.error;
    const { request, filing, accumulatorsKey, accumulatorsBasis, dataVersions } = prepared;
    const built: BuiltRequest = { request, filing, accumulatorsKey, accumulatorsBasis, dataVersions };
    let result: SettleResult;
    try {
      result = settle(built.request);
    } catch (e) {
      if (e instanceof InvalidInputError)
        throw new SettleServiceError('INVALID_BILL', { detail: `${e.path}: ${e.message}`, cause: e });
      throw e;
    }
    return { ...built, result, input };
  }

  async function commit(p: Preview, opts: CommitOptions): Promise<SettlementRow> {
    if (p.result.status !== 'settled') {
      throw new SettleServiceError('NOT_SETTLED', { detail: p.result.refusal.map((r) => r.code).join(', ') });
    }
    const encounter_no = checkedEncounterNo(opts.encounter_no);
    // A mid-stay part's figures follow the earlier parts of the encounter it was previewed for.
    const part = p.request.stay?.part ?? 1;
    if (p.request.stay && p.input.encounter_no?.trim() !== encounter_no)
      throw new SettleServiceError('STALE_PREVIEW', {
        detail: `${p.input.encounter_no ?? ''} ≠ ${encounter_no}`,
      });
    const at = now();
    const local_setl_id = ulid(at.getTime(), randomBytes(10));
    const person = p.request.person;
    const row: SettlementRow = {
      local_setl_id,
      psn_no: person.psn_no,
      certno: person.certno,
      psn_name: person.psn_name,
      scheme: p.request.scheme,
      setl_type: p.request.setl_type,
      encounter_no,
      station_id: station.station_id,
      opter: opts.opter,
      settled_at: chinaOffsetIso(at.getTime()),
      settle_date: p.request.settle_date,
      request: p.request,
      result: p.result,
      data_versions: p.dataVersions,
      ...unanswered(),
      ...(opts.encounter ? { encounter: opts.encounter } : {}),
      ...(opts.presettle ? { presettle: opts.presettle } : {}),
    };
    const iso = at.toISOString();
    const year = Number(p.request.settle_date.slice(0, 4));
    const t0 = performance.now();
    let undo: CommitUndo | undefined;
    let line: Promise<LineAnswer> | undefined;
    try {
      await db.transaction(
        'rw',
        [db.settlements, db.outbox, ...rowStores(db, 'accumulators'), db.encounters, db.audit],
        async () => {
          // Requests are issued together and answered in order (IndexedDB runs a transaction's
          // requests one after another): fewer round trips than awaiting each. The settlement and
          // its outbox entry depend on nothing read here, so they are queued right behind the reads
          // and written while the page checks them; a failed check aborts the transaction, and
          // takes them back with it.
          const reads = Promise.all([
            getRow(db, 'accumulators', p.accumulatorsKey),
            db.encounters.get(encounter_no),
            lastAudit(db),
          ]);
          const added = Promise.all([
            db.settlements.add(row),
            db.outbox.add({
              local_setl_id,
              psn_no: person.psn_no,
              // not uploadable until its journal line is on disk (renderer/journal/durable.ts)
              state: 'journaling',
              attempts: 0,
              enqueued_at: iso,
              last_error: null,
            }),
          ]);
          added.catch(() => undefined); // awaited below; a failed check aborts before that
          const [acc, enc, lastEntry] = await reads;
          if (!sameAccumulators(acc?.local, p.accumulatorsBasis))
            throw new SettleServiceError('STALE_PREVIEW', { detail: person.psn_no });
          const holder = encounterHolder(enc, part);
          if (holder)
            throw new SettleServiceError('ALREADY_SETTLED', {
              detail: `${encounter_no}${part > 1 ? ` #${part}` : ''} → ${holder}`,
            });
          undo = { accumulatorsKey: p.accumulatorsKey, accumulatorsBefore: acc, encounterBefore: enc };
          // The checks passed: the journal line goes now, while the writes and the commit run
          // (journal/durable.ts says what happens when one side fails).
          line = sendLine(deps.journal, row);
          await Promise.all([
            added,
            db.accumulators.put({
              key: p.accumulatorsKey,
              psn_no: person.psn_no,
              year,
              platform: acc?.platform ?? accumulatorsSchema.parse({ year }),
              local: p.result.accumulators_after,
            }),
            db.encounters.put({
              encounter_no,
              psn_no: person.psn_no,
              fixmedins_code: station.fixmedins_code,
              opened_at: enc?.opened_at ?? iso,
              ...withEncounterHolder(enc, part, local_setl_id),
            }),
            appendAuditAfter(
              db,
              {
                at: iso,
                kind: 'settlement.committed',
                local_setl_id,
                opter: opts.opter,
                detail: {
                  opter: opts.opter,
                  psn_no: person.psn_no,
                  medfee_sumamt: p.result.setlinfo.medfee_sumamt,
                  psn_cash_pay: p.result.setlinfo.psn_cash_pay,
                },
              },
              lastEntry,
            ),
          ]);
        },
      );
    } catch (e) {
      const failure = toStationDbError(e);
      if (line) {
        try {
          await withdrawLine(deps.journal, line, row, failure, now);
        } catch (w) {
          throw new SettleServiceError('JOURNAL_WITHDRAW_FAILED', {
            detail: `${local_setl_id}: ${describe(w instanceof Error ? w.cause : w)}`,
            cause: failure,
          });
        }
      }
      throw failure;
    }
    const t1 = performance.now();
    try {
      const answer = await makeDurable(db, line!, row, undo!, now);
      deps.onCommitTiming?.({ idb: t1 - t0, journal: answer.ms, total: performance.now() - t0 });
    } catch (e) {
      if (e instanceof JournalRefusedError)
        throw new SettleServiceError('JOURNAL_UNWRITABLE', { detail: describe(e.cause), cause: e.cause });
      throw toStationDbError(e);
    }
    return row;
  }

  /** Cancels a settlement (cancel.ts) and makes the cancel durable in the journal before it counts:
   * only then may the reversal receipt print and 2305 go. */
  async function cancel(input: CancelInput): Promise<SettlementRow> {
    const { row, undo } = await cancelSettlement(db, input, now());
    try {
      await makeCancelDurable(db, deps.journal, row, undo, now);
    } catch (e) {
      if (e instanceof JournalRefusedError)
        throw new SettleServiceError('JOURNAL_UNWRITABLE', { detail: describe(e.cause), cause: e.cause });
      throw toStationDbError(e);
    }
    return row;
  }

  /** The person's current rows from the platform (card read); from the cache when it does not answer. */
  async function refresh(psn_no: string): Promise<PersonFreshness | null> {
    if (!deps.platform) return null;
    return refreshPerson(db, deps.platform, psn_no, { timeoutMs: deps.onlineTimeoutMs, now });
  }

  /** 2303 for this preview before committing it (pre-settle.ts); null when there is no platform. */
  async function check(p: Preview, opts: Pick<CommitOptions, 'opter' | 'encounter_no'>) {
    if (!deps.platform) return null;
    const encounter_no = checkedEncounterNo(opts.encounter_no);
    return preSettle<Preview>(
      {
        db,
        station,
        platform: deps.platform,
        timeoutMs: deps.onlineTimeoutMs,
        now,
        randomBytes,
        recompute: (q) => preview(q.input),
      },
      p,
      { opter: opts.opter, encounter_no },
    );
  }

  return {
    /** whether the online steps run (a platform is configured) */
    online: deps.platform !== undefined,
    assess,
    preview,
    commit,
    cancel,
    refresh,
    preSettle: check as (
      p: Preview,
      opts: Pick<CommitOptions, 'opter' | 'encounter_no'>,
    ) => Promise<PreSettlement<Preview> | null>,
    resolveTask: (local_setl_id: string, resolution: string, opter: string) =>
      resolveTask(db, local_setl_id, resolution, opter, now(), deps.journal),
    /** a discrepancy or rejection settled at the counter (correction.ts) */
    correct: (input: CorrectionInput) => correct(db, deps.journal, input, now()),
    previewHandover: (opter: string) => previewHandover(db, opter, now()),
    openHandover: (input: { opter: string; counted_cash: string }) =>
      openHandover(db, input, now(), randomBytes),
    confirmHandover: (id: string, approval: Approval | null) => confirmHandover(db, id, approval),
    withdrawHandover: (id: string, by: { id: string; role: Role }) => withdrawHandover(db, id, by, now()),
  };
}

export type SettleService = ReturnType<typeof createSettleService>;
