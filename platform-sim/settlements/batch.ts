// 8201 for a batch of checked settlements, in ONE database transaction with a fixed number of
// statements (about ten, whatever the batch size; the profile in docs/platform.md):
//   1. claim every local_setl_id (one multi-row INSERT … ON CONFLICT DO NOTHING, in id order); an id
//      already claimed answers its stored outcome (or LOCAL_SETL_ID_TAKEN for another station's);
//   2. read the batch's platform data (platform-data.ts), then create and lock the accumulators rows
//      of the settlements that reach settle(), in key order;
//   3. recompute each settlement in order with the pure recomputeSettlement(), each one building on
//      the batch's earlier ones (same person's accumulators, same stay's parts);
//   4. claim the settled encounters (one INSERT, in key order): a row a concurrent batch committed
//      meanwhile means this batch read a stale view, so it is redone (EncounterRace);
//   5. store every outcome (one UPDATE … FROM VALUES; the upload compressed and the platform result
//      not repeated, stored.ts), drop the claims of unusable inputs, and write the final accumulators
//      of each person with new versions (the version counter, locked last).
// Locks are taken in one global order (ids, then accumulators, then encounters, then the counter), so
// concurrent batches wait for each other but never deadlock. Any database error aborts the batch;
// upload.ts then settles it again one settlement per transaction, so a bad one fails alone.

import type { UploadResult, UploadSettlement } from '../../shared/protocol';
import type { Queryable } from '../db/database';
import { upsertRows } from '../db/datasets';
import type { RowWrite } from '../db/datasets';
import { BatchData } from './platform-data';
import type { RecomputeInput, Recomputed } from './recompute';
import { answerOf, recomputeSettlement, rejection, resolveBasics, settleYear } from './recompute';
import { storedPlatformResult, storedUpload } from './stored';

export interface BatchItem {
  upload: UploadSettlement;
  /** the mid-stay part (1 for a whole stay) */
  part: number;
  /** upload_json for this upload, started as soon as it is checked (compressed off this thread) */
  uploadText?: Promise<string>;
}

/** Starts compressing the item's upload for storage; a retried batch reuses it. */
export function withUploadText(item: BatchItem): BatchItem {
  if (item.uploadText) return item;
  const uploadText = storedUpload(item.upload);
  // Awaited when the outcome is stored; a batch that fails before that must not leave it unhandled.
  uploadText.catch(() => undefined);
  return { ...item, uploadText };
}

export interface BatchScope {
  station: string;
  fixmedinsCode: string;
  now: number;
  maxOfflineDays: number;
}

/** A concurrent batch committed an encounter this batch settled: redo the batch on fresh data. */
export class EncounterRace extends Error {
  constructor() {
    super('an encounter of the batch was claimed concurrently');
  }
}

/** The stored answers of ids claimed before; another station's settlement under the same id is not
 * answered from (its record stays its own), the upload is rejected instead. */
export async function storedAnswers(
  q: Queryable,
  station: string,
  ids: readonly string[],
): Promise<Map<string, UploadResult>> {
  const rows = await q.query<{ local_setl_id: string; answer_json: string | null; station_id: string }>(
    'SELECT local_setl_id, answer_json, station_id FROM settlements WHERE local_setl_id = ANY($1::text[])',
    [ids],
  );
  const byId = new Map(rows.map((r) => [r.local_setl_id, r]));
  const out = new Map<string, UploadResult>();
  for (const id of ids) {
    const row = byId.get(id);
    if (row && row.station_id !== station)
      out.set(id, {
        local_setl_id: id,
        outcome: 'rejected',
        reasons: [rejection('LOCAL_SETL_ID_TAKEN', id)],
      });
    else if (!row?.answer_json) throw new Error(`settlement ${id} has no stored answer`);
    else out.set(id, JSON.parse(row.answer_json) as UploadResult);
  }
  return out;
}

interface Claimed {
  input: RecomputeInput;
  seqNo: string;
  uploadText: Promise<string>;
  result?: Recomputed;
  platformJson?: string;
}

const text = (v: string | null | undefined) => v ?? null;
/** JSON as UTF-8 bytes: a Buffer parameter reaches the database as it is (Queryable). */
const json = (v: string | null | undefined) => (v == null ? null : Buffer.from(v));

export async function settleBatch(
  tx: Queryable,
  scope: BatchScope,
  items: readonly BatchItem[],
): Promise<UploadResult[]> {
  const { station, fixmedinsCode } = scope;
  const firstOf = new Map<string, BatchItem>();
  for (const it of items) if (!firstOf.has(it.upload.local_setl_id)) firstOf.set(it.upload.local_setl_id, it);
  const ids = [...firstOf.keys()].sort();

  // 1. Claims; each draws its settlement number (gaps from rejected uploads are fine).
  const claims = await tx.query<{ local_setl_id: string; n: string }>(
    `INSERT INTO settlements (local_setl_id, station_id, fixmedins_code, outcome)
     SELECT id, $2, $3, 'pending' FROM unnest($1::text[]) AS t(id) ORDER BY id
     ON CONFLICT (local_setl_id) DO NOTHING RETURNING local_setl_id, nextval('setl_seq')::text AS n`,
    [ids, station, fixmedinsCode],
  );
  const seqOf = new Map(claims.map((c) => [c.local_setl_id, c.n]));
  const answers = await storedAnswers(
    tx,
    station,
    ids.filter((id) => !seqOf.has(id)),
  );
  const claimed: Claimed[] = [];
  for (const [id, first] of firstOf) {
    const seqNo = seqOf.get(id);
    if (seqNo === undefined) continue;
    const it = withUploadText(first);
    claimed.push({
      seqNo,
      uploadText: it.uploadText as Promise<string>,
      input: {
        upload: it.upload,
        part: it.part,
        fixmedinsCode,
        now: scope.now,
        maxOfflineDays: scope.maxOfflineDays,
      },
    });
  }

  // 2. The data, and the accumulators of every settlement that will reach settle(), locked.
  const data = await BatchData.load(
    tx,
    claimed.map((c) => c.input),
  );
  const wanted = claimed
    .filter((c) => resolveBasics(c.input, data).ok)
    .map((c) => ({ psnNo: c.input.upload.request.person.psn_no, year: settleYear(c.input.upload) }));
  await data.loadAccumulators(tx, wanted, true);

  // 3. Recompute, in the batch's order.
  for (const c of claimed) {
    const r = recomputeSettlement(c.input, data);
    c.result = r;
    if (r.kind !== 'settled') continue;
    c.platformJson = storedPlatformResult(r.platform, c.input.upload);
    const st = c.input.upload.request;
    data.record(
      {
        encounter: r.encounter,
        part: c.input.part,
        accKey: r.accKey,
        psnNo: st.person.psn_no,
        settleDate: st.settle_date,
      },
      r.accBefore,
      c.platformJson,
      r.platform.accumulators_after,
    );
  }
  const settled = claimed.filter((c) => c.result?.kind === 'settled');

  // 4. Encounters.
  if (settled.length > 0) {
    const enc = settled
      .map((c) => ({
        key: (c.result as { encounter: string }).encounter,
        part: c.input.part,
        id: c.input.upload.local_setl_id,
      }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.part - b.part));
    const got = await tx.query(
      `INSERT INTO encounters (encounter_key, stay_part, local_setl_id)
       SELECT k, p, i FROM unnest($1::text[], $2::int[], $3::text[]) WITH ORDINALITY AS t(k, p, i, o) ORDER BY o
       ON CONFLICT (encounter_key, stay_part) DO NOTHING RETURNING encounter_key`,
      [enc.map((e) => e.key), enc.map((e) => e.part), enc.map((e) => e.id)],
    );
    if (got.length !== enc.length) throw new EncounterRace();
  }

  // 5. Store.
  const stored = claimed.filter((c) => c.result?.kind !== 'invalid');
  const unstored = claimed
    .filter((c) => c.result?.kind === 'invalid')
    .map((c) => c.input.upload.local_setl_id);
  const uploadTexts = await Promise.all(stored.map((c) => c.uploadText));
  const params: (string | Buffer | null)[] = [];
  const tuples: string[] = [];
  for (const [i, c] of stored.entries()) {
    const r = c.result as Recomputed;
    const { upload } = c.input;
    const st = upload.request;
    const ok = r.kind === 'settled' ? r : undefined;
    const setlId = ok ? `S${st.settle_date.replace(/-/g, '')}${c.seqNo.padStart(10, '0')}` : null;
    const answer = answerOf(upload.local_setl_id, r, setlId);
    answers.set(upload.local_setl_id, answer);
    const p = ok?.platform.setlinfo;
    const values = [
      upload.local_setl_id,
      setlId,
      st.person.psn_no,
      text(ok?.encounter),
      st.scheme,
      st.setl_type,
      r.kind === 'invalid' ? null : text(r.insutype),
      st.settle_date,
      answer.outcome,
      json(JSON.stringify(answer)),
      json(uploadTexts[i]),
      json(c.platformJson),
      text(ok?.accKey),
      ok ? json(JSON.stringify(ok.accBefore)) : null,
      ok ? json(JSON.stringify(ok.platform.accumulators_after)) : null,
      text(p?.medfee_sumamt),
      text(p?.fund_pay_sumamt),
      text(p?.hifp_pay),
      text(p?.acct_pay),
    ];
    // Multi-row VALUES with one parameter per value, the JSON as bytes: PGlite serialises text[]
    // parameters, and measures and copies strings, character by character in JS, which made this
    // statement the batch's costliest (docs/platform.md, profile).
    tuples.push(`(${values.map((v) => `$${params.push(v)}`).join(', ')})`);
  }
  if (stored.length > 0)
    await tx.query(
      `UPDATE settlements s SET setl_id = u.setl_id, psn_no = u.psn_no, encounter_key = u.encounter_key,
         scheme = u.scheme, setl_type = u.setl_type, insutype = u.insutype, settle_date = u.settle_date,
         outcome = u.outcome, answer_json = u.answer_json, upload_json = u.upload_json,
         platform_result_json = u.platform_result_json, acc_key = u.acc_key, acc_before_json = u.acc_before_json,
         acc_after_json = u.acc_after_json, medfee_sumamt = u.medfee_sumamt::numeric, fund_pay_sumamt = u.fund_pay_sumamt::numeric,
         hifp_pay = u.hifp_pay::numeric, acct_pay = u.acct_pay::numeric
       FROM (VALUES ${tuples.join(', ')})
         AS u(local_setl_id, setl_id, psn_no, encounter_key, scheme, setl_type, insutype, settle_date, outcome, answer_json,
              upload_json, platform_result_json, acc_key, acc_before_json, acc_after_json, medfee_sumamt, fund_pay_sumamt,
              hifp_pay, acct_pay)
       WHERE s.local_setl_id = u.local_setl_id`,
      params,
    );
  // An unusable input is answered, never stored: its claim goes (a copy waiting on it then claims anew).
  if (unstored.length > 0)
    await tx.query('DELETE FROM settlements WHERE local_setl_id = ANY($1::text[])', [unstored]);
  for (const c of claimed)
    if (c.result?.kind === 'invalid')
      answers.set(c.input.upload.local_setl_id, answerOf(c.input.upload.local_setl_id, c.result, null));

  // Last: the version bump takes the counter lock, held only until this transaction commits.
  const finalAcc = new Map<string, RowWrite>();
  for (const c of settled) {
    const r = c.result as Extract<Recomputed, { kind: 'settled' }>;
    const psnNo = c.input.upload.request.person.psn_no;
    finalAcc.set(r.accKey, {
      key: r.accKey,
      ref: psnNo,
      row: { key: r.accKey, psn_no: psnNo, accumulators: r.platform.accumulators_after },
    });
  }
  await upsertRows(
    tx,
    'accumulators',
    [...finalAcc.keys()].sort().map((k) => finalAcc.get(k) as RowWrite),
  );

  return items.map((it) => answers.get(it.upload.local_setl_id) as UploadResult);
}
