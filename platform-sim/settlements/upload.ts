// 8201: each settlement checked alone (schema, station, institution), then the good ones settled
// together in one transaction (batch.ts). A batch the database refuses is settled again one
// settlement per transaction, so a failure inside one settlement rolls back that settlement alone: it
// is answered `rejected SETTLEMENT_FAILED` and the rest go on (docs/platform.md). Row locks and unique
// constraints, not process memory, make it safe for two platform processes sharing one PostgreSQL.

import type { UploadResult } from '../../shared/protocol';
import { parseUploadSettlement } from '../../shared/protocol';
import type { PlatformContext } from '../context';
import { logInternalError, sqlState } from '../http/log';
import type { BatchItem, BatchScope } from './batch';
import { EncounterRace, settleBatch, storedAnswers, withUploadText } from './batch';
import type { Rejection } from './recompute';
import { rejection } from './recompute';

function rejected(localSetlId: string, reasons: Rejection[]): UploadResult {
  return { local_setl_id: localSetlId, outcome: 'rejected', reasons };
}

/** Infrastructure trouble (connection, serialization, resources, shutdown): not the settlement's fault. */
const TRANSIENT_SQLSTATE_CLASSES = ['08', '40', '53', '57', '58'];
const transient = (err: unknown) => {
  const state = sqlState(err);
  return state !== undefined && TRANSIENT_SQLSTATE_CLASSES.includes(state.slice(0, 2));
};

/** A batch that raced a concurrent one for an encounter is redone on fresh data (it then answers
 * DUPLICATE_ENCOUNTER); each retry sees at least one more committed encounter. */
const RACE_RETRIES = 5;

async function settleInTransaction(
  ctx: PlatformContext,
  scope: BatchScope,
  items: readonly BatchItem[],
): Promise<UploadResult[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.db.transaction((tx) => settleBatch(tx, scope, items));
    } catch (err) {
      if (!(err instanceof EncounterRace) || attempt >= RACE_RETRIES) throw err;
    }
  }
}

async function databaseAnswers(ctx: PlatformContext): Promise<boolean> {
  try {
    await ctx.db.query('SELECT 1');
    return true;
  } catch {
    return false;
  }
}

/** One settlement in its own transaction; never throws for a bad settlement, only for a broken
 * platform (its database unreachable), which the station retries as a transient failure. */
async function settleAlone(ctx: PlatformContext, scope: BatchScope, item: BatchItem): Promise<UploadResult> {
  const id = item.upload.local_setl_id;
  try {
    const [answer] = await settleInTransaction(ctx, scope, [item]);
    return answer;
  } catch (err) {
    const state = sqlState(err);
    // A concurrent claim of the same id on PostgreSQL can surface as a unique violation; the winner's answer stands.
    if (state === '23505') return (await storedAnswers(ctx.db, scope.station, [id])).get(id) as UploadResult;
    if (transient(err)) throw err;
    if (!(await databaseAnswers(ctx))) throw err;
    // The database is fine, so this settlement is what fails: it was rolled back alone.
    logInternalError(`8201 settlement ${id}`, err);
    return rejected(id, [rejection('SETTLEMENT_FAILED', state ? `SQLSTATE ${state}` : undefined)]);
  }
}

/** Checks one raw settlement of a batch: the parsed upload, or the answer refusing it (not stored). */
export function check(
  station: string,
  fixmedinsCode: string,
  raw: { local_setl_id: string },
): BatchItem | UploadResult {
  const parsed = parseUploadSettlement(raw);
  if (!parsed.ok)
    return rejected(raw.local_setl_id, [
      { ...rejection('INVALID_INPUT', `${parsed.path}: ${parsed.message}`), path: parsed.path },
    ]);
  const { upload, part } = parsed;
  if (upload.station_id !== station)
    return rejected(upload.local_setl_id, [rejection('STATION_MISMATCH', upload.station_id)]);
  if (upload.request.institution.fixmedins_code !== fixmedinsCode)
    return rejected(upload.local_setl_id, [
      rejection(
        'STATION_MISMATCH',
        `institution ${upload.request.institution.fixmedins_code} ≠ ${fixmedinsCode}`,
      ),
    ]);
  return { upload, part };
}

/** The answers of one 8201 batch, in order. Throws only for a broken platform (HTTP 500, retried). */
export async function uploadSettlements(
  ctx: PlatformContext,
  station: string,
  fixmedinsCode: string,
  raws: readonly { local_setl_id: string }[],
): Promise<UploadResult[]> {
  const checked = raws.map((raw) => check(station, fixmedinsCode, raw));
  // Each upload starts compressing for storage now, on the thread pool, while the batch settles.
  const items = checked.filter((c): c is BatchItem => 'upload' in c).map(withUploadText);
  const scope: BatchScope = { station, fixmedinsCode, now: ctx.now(), maxOfflineDays: ctx.maxOfflineDays };
  let answers: UploadResult[] | undefined;
  if (items.length > 0) {
    try {
      answers = await settleInTransaction(ctx, scope, items);
    } catch (err) {
      if (transient(err)) throw err;
      // Something in the batch fails: settle each alone, so only the failing one is refused.
      answers = [];
      for (const item of items) answers.push(await settleAlone(ctx, scope, item));
    }
  }
  let next = 0;
  return checked.map((c) => ('upload' in c ? (answers as UploadResult[])[next++] : c));
}
