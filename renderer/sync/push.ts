// Push: hand every committed settlement to the platform exactly once, in order.
//
// Exactly once rests on the platform's idempotency (8201 keyed by local_setl_id answers a known id
// with its stored outcome) plus one rule here: an outbox entry is deleted only in the transaction
// that stores its answer. A crash anywhere leaves the entry in place; the entries marked in_flight
// at that moment may or may not have reached the platform, so the next drain first asks 8202 about
// them and applies what the platform already decided. In-order holds because only the head of the
// queue is ever sent and a failure stops the drain.
import type { StationDb } from '../db';
import { toStationDbError } from '../db';
import { applyAnswers, checkStatusAnswers, checkUploadAnswers, type FinalAnswer } from './answers';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { SyncError } from './errors';
import { failureCode, failureKind, failureMessage, type PlatformPort } from './platform-port';
import { buildUpload } from './upload-payload';
import { defaultWriterLock, type WriterLock } from './writer-lock';

export const PUSH_LOCK = 'station-outbox-push';

export interface PusherDeps {
  db: StationDb;
  port: PlatformPort;
  lock?: WriterLock;
  now?: () => Date;
  random?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  batchSize?: number;
  backoff?: BackoffPolicy;
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
  const backoff = deps.backoff ?? DEFAULT_BACKOFF;
  const iso = () => now().toISOString();

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
    const applied = await applyAnswers(db, known, iso());
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

  /** One 8201 call for the head of the queue. Returns how many answers were stored, or null when
   * the queue is empty. */
  async function sendBatch(size: number): Promise<number | null> {
    const entries = await db.outbox.orderBy('seq').limit(size).toArray();
    if (entries.length === 0) return null;
    const ids = entries.map((e) => e.local_setl_id);
    const settlements = await db.settlements.bulkGet(ids);
    const payload = buildUpload(settlements, ids);
    await markInFlight(entries.map((e) => e.seq!));
    const output = await port.call('8201', { data: { settlements: payload } });
    const answers = checkUploadAnswers(output, ids);
    return applyAnswers(
      db,
      answers.map((answer, i) => ({ local_setl_id: ids[i]!, answer })),
      iso(),
    );
  }

  /** A settlement-level refusal of the whole message: with more than one entry, the caller sends the
   * head alone next; if the platform refuses it alone too, it becomes a rejected settlement (a task)
   * and the queue moves on. */
  async function rejectHeadIfAlone(e: unknown, size: number): Promise<void> {
    if (size > 1) return;
    const head = await db.outbox.orderBy('seq').first();
    if (!head) return;
    const reasons = [{ code: failureCode(e), message: failureMessage(e) }];
    await applyAnswers(
      db,
      [
        {
          local_setl_id: head.local_setl_id,
          answer: { local_setl_id: head.local_setl_id, outcome: 'rejected', reasons },
        },
      ],
      iso(),
    );
  }

  async function setPushState(value: unknown): Promise<void> {
    await db.sync_state.put({ key: 'push', value, updated_at: iso() });
  }

  async function drainLocked(): Promise<DrainReport> {
    const report: DrainReport = { outcome: 'drained', answered: 0, recovered: 0 };
    let size = batchSize;
    try {
      report.recovered = await recoverInFlight();
      for (;;) {
        try {
          const n = await sendBatch(size);
          if (n === null) break;
          report.answered += n;
          size = batchSize;
        } catch (e) {
          if (
            e instanceof SyncError ||
            failureKind(e) !== 'permanent' ||
            !SETTLEMENT_LEVEL.has(failureCode(e))
          )
            throw e;
          // The message was refused for its content before anything was settled: nothing is in
          // flight any more. Narrow down to the entry at fault.
          await db.outbox.where('state').equals('in_flight').modify({ state: 'queued' });
          await rejectHeadIfAlone(e, size);
          size = 1;
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
