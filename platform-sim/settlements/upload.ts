// 8201: one settlement, one database transaction. The local_setl_id is claimed first (a unique key,
// so a concurrent copy of the same upload waits for this one to commit and then answers the stored
// outcome; another station's id is not answered); the dates are checked against the platform's
// today; the person's accumulators row is locked; the request is rebuilt and settle() run; the
// encounter is claimed; the outcome, the new accumulators and their version bump commit together.
// Row locks and unique constraints, not process memory, make it safe for two platform processes
// sharing one PostgreSQL. A failure inside one settlement's transaction rolls back that settlement
// alone: it is answered `rejected SETTLEMENT_FAILED` and the batch goes on (docs/platform.md).

import type { UploadResult, UploadSettlement } from '../../shared/protocol';
import { parseUploadSettlement, settleDateProblem } from '../../shared/protocol';
import type { SettleResult } from '../../shared/settlement';
import { InvalidInputError, SETLINFO_FIELDS, settle } from '../../shared/settlement';
import type { PlatformContext } from '../context';
import type { Queryable } from '../db/database';
import { upsertRows } from '../db/datasets';
import { logInternalError, sqlState } from '../http/log';
import type { Rejection } from './recompute';
import { rebuildRequest, rejection } from './recompute';

/** An answer that must not be stored (the input itself is unusable): the claim is rolled back. */
export class Unstored extends Error {
  constructor(readonly answer: UploadResult) {
    super('unstored answer');
  }
}

function rejected(localSetlId: string, reasons: Rejection[]): UploadResult {
  return { local_setl_id: localSetlId, outcome: 'rejected', reasons };
}

export function differences(
  station: SettleResult['setlinfo'],
  platform: SettleResult['setlinfo'],
): { field: (typeof SETLINFO_FIELDS)[number]; station: string; platform: string }[] {
  return SETLINFO_FIELDS.filter((f) => station[f] !== platform[f]).map((f) => ({
    field: f,
    station: station[f],
    platform: platform[f],
  }));
}

/** The stored answer for this station's own id; another station's settlement under the same id is
 * not answered from (its record stays its own), the upload is rejected instead. */
async function storedAnswer(q: Queryable, station: string, localSetlId: string): Promise<UploadResult> {
  const [row] = await q.query<{ answer_json: string | null; station_id: string }>(
    'SELECT answer_json, station_id FROM settlements WHERE local_setl_id = $1',
    [localSetlId],
  );
  if (row && row.station_id !== station)
    return rejected(localSetlId, [rejection('LOCAL_SETL_ID_TAKEN', localSetlId)]);
  if (!row?.answer_json) throw new Error(`settlement ${localSetlId} has no stored answer`);
  return JSON.parse(row.answer_json) as UploadResult;
}

export interface Job {
  ctx: PlatformContext;
  station: string;
  fixmedinsCode: string;
  upload: UploadSettlement;
  /** the mid-stay part (1 for a whole stay): with fixmedins_code and mdtrt_id, the encounter key */
  part: number;
}

export async function settleOne(tx: Queryable, job: Job): Promise<UploadResult> {
  const { ctx, station, fixmedinsCode, upload, part } = job;
  const id = upload.local_setl_id;
  // The claim also draws the settlement number (gaps from rejected uploads are fine).
  const claim = await tx.query<{ n: string }>(
    "INSERT INTO settlements (local_setl_id, station_id, fixmedins_code, outcome) VALUES ($1, $2, $3, 'pending') ON CONFLICT (local_setl_id) DO NOTHING RETURNING nextval('setl_seq')::text AS n",
    [id, station, fixmedinsCode],
  );
  if (claim.length === 0) return storedAnswer(tx, station, id);
  const seqNo = claim[0].n;

  const st = upload.request;
  const store = async (
    answer: UploadResult,
    extra: {
      platform?: SettleResult;
      accKey?: string;
      accBefore?: unknown;
      insutype?: string;
      setlId?: string;
      encounter?: string | null;
    } = {},
  ) => {
    const p = extra.platform?.setlinfo;
    await tx.query(
      `UPDATE settlements SET setl_id = $2, psn_no = $3, encounter_key = $4, scheme = $5, setl_type = $6, insutype = $7, settle_date = $8,
         outcome = $9, answer_json = $10, upload_json = $11, platform_result_json = $12, acc_key = $13, acc_before_json = $14, acc_after_json = $15,
         medfee_sumamt = $16, fund_pay_sumamt = $17, hifp_pay = $18, acct_pay = $19
       WHERE local_setl_id = $1`,
      [
        id,
        extra.setlId ?? null,
        st.person.psn_no,
        extra.encounter ?? null,
        st.scheme,
        st.setl_type,
        extra.insutype ?? null,
        st.settle_date,
        answer.outcome,
        JSON.stringify(answer),
        JSON.stringify(upload),
        extra.platform ? JSON.stringify(extra.platform) : null,
        extra.accKey ?? null,
        extra.accBefore ? JSON.stringify(extra.accBefore) : null,
        extra.platform ? JSON.stringify(extra.platform.accumulators_after) : null,
        p?.medfee_sumamt ?? null,
        p?.fund_pay_sumamt ?? null,
        p?.hifp_pay ?? null,
        p?.acct_pay ?? null,
      ],
    );
    return answer;
  };

  // Checked after the claim, so a settlement confirmed long ago and sent again still gets its answer.
  const dates = settleDateProblem(st.settle_date, upload.settled_at, ctx.now(), ctx.maxOfflineDays);
  if (dates) return store(rejected(id, [rejection(dates.code, dates.detail)]));

  // The encounter: institution + the hospital's encounter number, and the part of a mid-stay settlement.
  const encounter = `${fixmedinsCode}:${upload.mdtrt_id}`;
  const rebuilt = await rebuildRequest(tx, upload, encounter);
  if (!rebuilt.ok) return store(rejected(id, rebuilt.reasons));
  let platform: SettleResult;
  try {
    platform = settle(rebuilt.request);
  } catch (err) {
    if (err instanceof InvalidInputError)
      throw new Unstored(
        rejected(id, [{ ...rejection('INVALID_INPUT', `${err.path}: ${err.message}`), path: err.path }]),
      );
    throw err;
  }
  if (platform.status === 'refused') {
    return store(
      rejected(
        id,
        platform.refusal.map((r) => ({ code: r.code, message: r.message, message_en: r.message_en })),
      ),
      { insutype: rebuilt.insutype },
    );
  }

  const got = await tx.query(
    'INSERT INTO encounters (encounter_key, stay_part, local_setl_id) VALUES ($1, $2, $3) ON CONFLICT (encounter_key, stay_part) DO NOTHING RETURNING encounter_key',
    [encounter, part, id],
  );
  if (got.length === 0)
    return store(
      rejected(id, [
        rejection('DUPLICATE_ENCOUNTER', `mdtrt_id ${upload.mdtrt_id}${part > 1 ? ` part ${part}` : ''}`),
      ]),
      { insutype: rebuilt.insutype },
    );

  const setlId = `S${st.settle_date.replace(/-/g, '')}${seqNo.padStart(10, '0')}`;
  const diffs = differences(upload.result.setlinfo, platform.setlinfo);
  const answer: UploadResult =
    diffs.length === 0
      ? { local_setl_id: id, outcome: 'confirmed', setl_id: setlId }
      : {
          local_setl_id: id,
          outcome: 'discrepancy',
          setl_id: setlId,
          platform_result: platform,
          differences: diffs,
        };
  await store(answer, {
    platform,
    accKey: rebuilt.accKey,
    accBefore: rebuilt.accBefore,
    insutype: rebuilt.insutype,
    setlId,
    encounter,
  });
  // Last: the version bump takes the counter lock, held only until this transaction commits.
  await upsertRows(tx, 'accumulators', [
    {
      key: rebuilt.accKey,
      ref: st.person.psn_no,
      row: { key: rebuilt.accKey, psn_no: st.person.psn_no, accumulators: platform.accumulators_after },
    },
  ]);
  return answer;
}

/** Infrastructure trouble (connection, serialization, resources, shutdown): not the settlement's fault. */
const TRANSIENT_SQLSTATE_CLASSES = ['08', '40', '53', '57', '58'];

async function databaseAnswers(ctx: PlatformContext): Promise<boolean> {
  try {
    await ctx.db.query('SELECT 1');
    return true;
  } catch {
    return false;
  }
}

/** The checks before any transaction (the settlement's shape, its station and institution): the job
 * to run, or the answer that refuses it. 2303 (pre-settle.ts) makes the same checks. */
export function uploadJob(
  ctx: PlatformContext,
  station: string,
  fixmedinsCode: string,
  raw: { local_setl_id: string },
): Job | UploadResult {
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
  return { ctx, station, fixmedinsCode, upload, part };
}

/** Processes one raw settlement of a batch; never throws for a bad settlement, only for a broken
 * platform (its database unreachable), which the station retries as a transient failure. */
export async function uploadSettlement(
  ctx: PlatformContext,
  station: string,
  fixmedinsCode: string,
  raw: { local_setl_id: string },
): Promise<UploadResult> {
  const job = uploadJob(ctx, station, fixmedinsCode, raw);
  if ('outcome' in job) return job;
  const { upload } = job;
  try {
    return await ctx.db.transaction((tx) => settleOne(tx, job));
  } catch (err) {
    if (err instanceof Unstored) return err.answer;
    const state = sqlState(err);
    // A concurrent claim of the same id on PostgreSQL can surface as a unique violation; the winner's answer stands.
    if (state === '23505') return storedAnswer(ctx.db, station, upload.local_setl_id);
    if (state && TRANSIENT_SQLSTATE_CLASSES.includes(state.slice(0, 2))) throw err;
    if (!(await databaseAnswers(ctx))) throw err;
    // The database is fine, so this settlement is what fails: it was rolled back alone.
    logInternalError(`8201 settlement ${upload.local_setl_id}`, err);
    return rejected(upload.local_setl_id, [
      rejection('SETTLEMENT_FAILED', state ? `SQLSTATE ${state}` : undefined),
    ]);
  }
}
