// Push: hand every committed settlement to the platform exactly once, in order.
//
// Exactly once rests on the platform's idempotency (8201 keyed by local_setl_id answers a known id
// with its stored outcome) plus one rule here: an outbox entry is deleted only in the transaction
// that stores its answer. A crash anywhere leaves the entry in place; the entries marked in_flight
// at that moment may or may not have reached the platform, so the next drain first asks 8202 about
// them and applies what the platform already decided. In-order holds because only the head of the
// queue is ever sent and a failure stops the drain.
//
// One bad settlement must not block everyone. A message that keeps failing with a server error
// (HTTP 5xx, `serverErrorRetries` times in a row) is split in halves, then halves of the failing
// half, to find the settlement it fails on; before each split 8202 settles what the platform did
// commit. Found alone, that settlement is held (holds.ts: a task; its person's later settlements wait
// behind it, everyone else's keep flowing), but only on evidence that it is this settlement and not
// the platform: another message got through meanwhile, or the next other person's settlement does.
// "The head of the queue" is therefore the oldest settlement not waiting behind a held one.
//
// Cancels (2305) go in the same order (push-cancels.ts): once the settlements are drained, the
// cancels whose settlements have been answered; then again the settlements that waited for them.
import type { StationDb } from '../db';
import { awaitReleases, toStationDbError } from '../db';
import { applyAnswers, checkStatusAnswers, checkUploadAnswers, type FinalAnswer } from './answers';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { SyncError } from './errors';
import { holdReason, holdSettlement } from './holds';
import { sendReadyCancels } from './push-cancels';
import { failureCode, failureKind, failureMessage, type PlatformPort } from './platform-port';
import { DEFAULT_BATCH_BYTES, MAX_UPLOAD_MESSAGE_BYTES, nextBatch, type Batch } from './push-batch';
import { defaultWriterLock, type WriterLock } from './writer-lock';
import type { StationApi } from '../../shared/station-api';

export const PUSH_LOCK = 'station-outbox-push';

export interface PusherDeps {
  db: StationDb;
  port: PlatformPort;
  lock?: WriterLock;
  now?: () => Date;
  random?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** settlements per 8201 message (default 50, protocol max 500) */
  batchSize?: number;
  /** settlement bytes per 8201 message (default a quarter of the agent's frame; at most what any
   * transport carries, MAX_UPLOAD_MESSAGE_BYTES); a larger settlement goes alone */
  maxBatchBytes?: number;
  /** server errors in a row on one message before it is split to find the settlement at fault */
  serverErrorRetries?: number;
  backoff?: BackoffPolicy;
  /** Where each answer is also recorded, so the journal knows what the platform holds (rotation);
   * a failed append is reported through `onJournalError`, never fails the drain. */
  journal?: Pick<StationApi['journal'], 'append'>;
  onJournalError?: (error: unknown) => void;
}

export type DrainOutcome = 'drained' | 'transient' | 'blocked' | 'busy';

export interface DrainReport {
  outcome: DrainOutcome;
  answered: number;
  recovered: number;
  error?: { code: string; message: string };
}

/** Permanent refusals that can be the fault of one settlement in the message (its content does not
 * pass the input schema, or it makes the message too large): the batch is narrowed down to find it.
 * Every other permanent refusal (signature, unknown station or institution, an answer that breaks
 * the protocol …) is the station's or the platform's, not a settlement's: the queue is blocked and
 * waits for a person, and no settlement is marked, since the platform may even have settled it. */
const SETTLEMENT_LEVEL = new Set(['INPUT_INVALID', 'BODY_TOO_LARGE', 'BAD_JSON']);

/** The platform failed while handling the message (not a refusal, not the network). */
const isServerError = (e: unknown) =>
  !(e instanceof SyncError) && failureKind(e) === 'transient' && /^HTTP_5\d\d$/.test(failureCode(e));

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    });
  });
}

export function createPusher(deps: PusherDeps) {
  const { db, port } = deps;
  const lock = deps.lock ?? defaultWriterLock();
  const now = deps.now ?? (() => new Date());
  const random = deps.random ?? Math.random;
  const sleep = deps.sleep ?? defaultSleep;
  const batchSize = deps.batchSize ?? 50;
  const maxBatchBytes = Math.min(deps.maxBatchBytes ?? DEFAULT_BATCH_BYTES, MAX_UPLOAD_MESSAGE_BYTES);
  const serverErrorRetries = Math.max(1, deps.serverErrorRetries ?? 3);
  const backoff = deps.backoff ?? DEFAULT_BACKOFF;
  const iso = () => now().toISOString();

  // The search for a settlement the platform keeps failing on survives from one drain to the next
  // (drainWithRetry's backoff sits between them): server errors in a row on the current message;
  // the settlements of the message that kept failing, and whether anything else got through since;
  // a suspect found alone, held back while one other person's settlement is tried.
  let serverFailures = 0;
  let search: { suspects: Set<string>; size: number; answered: boolean } | null = null;
  let probation: { local_setl_id: string; psn_no: string; error: unknown } | null = null;

  /** Stores answers (applyAnswers), then records them in the journal. */
  async function record(answers: { local_setl_id: string; answer: FinalAnswer }[]): Promise<number> {
    const applied = await applyAnswers(db, answers, iso());
    if (deps.journal && answers.length > 0) {
      const at = iso();
      const entries = answers.map(({ local_setl_id, answer }) => ({
        kind: 'outcome' as const,
        id: local_setl_id,
        at,
        body: { outcome: answer.outcome, setl_id: 'setl_id' in answer ? answer.setl_id : null },
      }));
      await deps.journal.append({ entries }).catch((e: unknown) => deps.onJournalError?.(e));
    }
    return applied;
  }

  /** Entries whose 8201 answer may have been lost: ask 8202, apply what is known, requeue the rest. */
  async function recoverInFlight(): Promise<number> {
    const inFlight = await db.outbox.where('state').equals('in_flight').sortBy('seq');
    if (inFlight.length === 0) return 0;
    const ids = inFlight.map((e) => e.local_setl_id);
    const answers = checkStatusAnswers(await port.call('8202', { data: { local_setl_ids: ids } }), ids);
    const known: { local_setl_id: string; answer: FinalAnswer }[] = [];
    for (const a of answers) {
      if (a.outcome !== 'unknown') known.push({ local_setl_id: a.local_setl_id, answer: a });
    }
    const applied = await record(known);
    const unknown = ids.filter((id) => !known.some((k) => k.local_setl_id === id));
    if (unknown.length > 0) {
      await db.outbox.where('local_setl_id').anyOf(unknown).modify({ state: 'queued' });
    }
    return applied;
  }

  async function markInFlight(seqs: number[]): Promise<void> {
    await db.transaction('rw', db.outbox, async () => {
      await db.outbox
        .where('seq')
        .anyOf(seqs)
        .modify((e) => {
          e.state = 'in_flight';
          e.attempts++;
        });
    });
  }

  /** One 8201 call for a batch; returns how many answers were stored. */
  async function sendBatch(batch: Batch): Promise<number> {
    await markInFlight(batch.entries.map((e) => e.seq!));
    const output = await port.call('8201', { data: { settlements: batch.payload } });
    const answers = checkUploadAnswers(output, batch.ids);
    return record(answers.map((answer, i) => ({ local_setl_id: batch.ids[i]!, answer })));
  }

  /** A settlement-level refusal of the whole message: with more than one entry, the caller sends the
   * head alone next; if the platform refuses it alone too, it becomes a rejected settlement (a task)
   * and the queue moves on. */
  async function rejectIfAlone(e: unknown, batch: Batch): Promise<void> {
    if (batch.ids.length > 1) return;
    const id = batch.ids[0]!;
    const reasons = [{ code: failureCode(e), message: failureMessage(e) }];
    await record([{ local_setl_id: id, answer: { local_setl_id: id, outcome: 'rejected', reasons } }]);
  }

  /** The message kept failing with a server error: split it, or deal with the one settlement it is.
   * Returns normally to go on draining; throws to end this drain (transient, retried with backoff). */
  async function onServerError(e: unknown, batch: Batch, report: DrainReport): Promise<void> {
    serverFailures++;
    if (serverFailures < serverErrorRetries) throw e;
    // Whatever the platform committed before it failed is answered by 8202, not sent again; and a
    // platform that cannot answer 8202 either is down, not failing on one settlement.
    report.recovered += await recoverInFlight();
    serverFailures = 0;
    if (probation) {
      // The other person's settlement failed as well: nothing singles out the suspect.
      probation = null;
      search = null;
      throw e;
    }
    const left = (await db.outbox.where('local_setl_id').anyOf(batch.ids).toArray()).map(
      (x) => x.local_setl_id,
    );
    if (left.length > 1) {
      search = {
        suspects: new Set(left),
        size: Math.ceil(left.length / 2),
        answered: search?.answered ?? false,
      };
      return;
    }
    const [id] = left;
    const entry = batch.entries.find((x) => x.local_setl_id === id);
    if (!entry) {
      search = null; // 8202 knew them all
      return;
    }
    if (search?.answered) {
      await holdSettlement(db, entry.local_setl_id, holdReason('PLATFORM_KEEPS_FAILING', e), iso());
      search = null;
      return;
    }
    probation = { local_setl_id: entry.local_setl_id, psn_no: entry.psn_no, error: e };
  }

  async function setPushState(value: unknown): Promise<void> {
    await db.sync_state.put({ key: 'push', value, updated_at: iso() });
  }

  async function drainLocked(): Promise<DrainReport> {
    const report: DrainReport = { outcome: 'drained', answered: 0, recovered: 0 };
    let narrowing = false; // a settlement-level refusal: one at a time until the culprit is found
    try {
      report.recovered = await recoverInFlight();
      // settlements committed in this window just before: their entries turn `queued` first
      await awaitReleases(db);
      for (;;) {
        const count = probation || narrowing ? 1 : (search?.size ?? batchSize);
        const next = await nextBatch(db, { count, bytes: maxBatchBytes, skipPsnNo: probation?.psn_no });
        if (next.kind === 'too-large') {
          const limit = `${next.bytes} > ${MAX_UPLOAD_MESSAGE_BYTES} bytes`;
          await holdSettlement(db, next.entry.local_setl_id, holdReason('UPLOAD_TOO_LARGE', limit), iso());
          continue;
        }
        if (next.kind === 'empty') {
          if (!probation) {
            // Then the cancels whose settlements are answered; the settlements they held back follow.
            const cancels = await sendReadyCancels(db, port, now, (entry) =>
              deps.journal
                ? deps.journal.append({ entries: [entry] }).then(
                    () => undefined,
                    (e: unknown) => deps.onJournalError?.(e),
                  )
                : Promise.resolve(),
            );
            report.answered += cancels;
            if (cancels > 0) continue;
            break;
          }
          // Nobody else to try: the suspect goes back in the queue and is retried after backoff.
          const { error } = probation;
          probation = null;
          search = null;
          throw error;
        }
        const { batch } = next;
        if (search && !probation && !search.suspects.has(batch.ids[0]!)) {
          search = null; // every suspect was answered: it was the platform, not a settlement
          continue;
        }
        try {
          report.answered += await sendBatch(batch);
          serverFailures = 0;
          narrowing = false;
          if (probation) {
            const { local_setl_id, error } = probation;
            probation = null;
            search = null;
            await holdSettlement(db, local_setl_id, holdReason('PLATFORM_KEEPS_FAILING', error), iso());
          } else if (search) search.answered = true;
        } catch (e) {
          if (isServerError(e)) {
            await onServerError(e, batch, report);
            continue;
          }
          if (
            e instanceof SyncError ||
            failureKind(e) !== 'permanent' ||
            !SETTLEMENT_LEVEL.has(failureCode(e))
          )
            throw e;
          // The message was refused for its content before anything was settled: nothing is in
          // flight any more. Narrow down to the entry at fault.
          await db.outbox.where('state').equals('in_flight').modify({ state: 'queued' });
          await rejectIfAlone(e, batch);
          narrowing = true;
        }
      }
    } catch (e) {
      const mapped = toStationDbError(e);
      // Any other permanent refusal (8201 or 8202) is the station's or the platform's: block, and
      // leave in_flight entries as they are — the platform may have settled them, 8202 will tell.
      report.outcome =
        !(mapped instanceof SyncError) && failureKind(mapped) === 'permanent' ? 'blocked' : 'transient';
      report.error = { code: failureCode(mapped), message: failureMessage(mapped) };
    }
    await setPushState({ outcome: report.outcome, error: report.error ?? null, at: iso() }).catch(
      () => undefined,
    );
    return report;
  }

  /** Drains the outbox once under the single-writer lock. */
  async function drain(): Promise<DrainReport> {
    const r = await lock.runIfFree(PUSH_LOCK, drainLocked);
    return r.ran ? r.value : { outcome: 'busy', answered: 0, recovered: 0 };
  }

  /** Drains until the outbox is empty, a permanent refusal blocks it, or signal aborts; transient
   * failures retry after exponential backoff with full jitter, reset whenever an answer arrives. */
  async function drainWithRetry(
    opts: { signal?: AbortSignal; maxAttempts?: number } = {},
  ): Promise<DrainReport> {
    let attempt = 0;
    for (;;) {
      const r = await drain();
      if (r.outcome !== 'transient' || opts.signal?.aborted) return r;
      attempt = r.answered + r.recovered > 0 ? 0 : attempt + 1;
      if (opts.maxAttempts !== undefined && attempt >= opts.maxAttempts) return r;
      await sleep(backoffDelay(attempt, random, backoff), opts.signal);
    }
  }

  return { drain, drainWithRetry, recoverInFlight: () => lock.runIfFree(PUSH_LOCK, recoverInFlight) };
}

export type Pusher = ReturnType<typeof createPusher>;
