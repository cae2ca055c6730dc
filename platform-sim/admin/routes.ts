// Admin endpoints (only with --admin, only from loopback): tests change the world — revoke or change
// a filing, set accumulators, publish catalog and policy changes — and inject faults. Each change is
// one transaction with its own dataset version, so stations see it on their next 8101 pull.
// A web page in a browser on the same machine must not reach them (admin-guard.ts).

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { controlCharPath, withoutControlChars } from '../../shared/protocol';
import { CONTROL_CHARACTER_MESSAGE } from '../../shared/text/control';
import { formatPath } from '../../shared/settlement';
import type { PlatformContext } from '../context';
import type { RowWrite } from '../db/datasets';
import { currentVersion, deleteRows, upsertRows } from '../db/datasets';
import { readBody } from '../http/body';
import { logInternalError } from '../http/log';
import { send } from '../http/respond';
import { AdminError, guardAdmin } from './admin-guard';
import {
  faultSettingsSchema,
  publishCatalogSchema,
  publishPoliciesSchema,
  putFilingSchema,
  revokeFilingSchema,
  setAccumulatorsSchema,
  settlementFaultSchema,
} from './schemas';

async function body<S extends z.ZodType>(req: IncomingMessage, schema: S): Promise<z.output<S>> {
  const r = await readBody(req, 64 * 1024 * 1024);
  if (!r.ok) throw new AdminError(413, 'BODY_TOO_LARGE', 'admin body too large');
  let json: unknown;
  try {
    json = r.body.length === 0 ? {} : JSON.parse(r.body.toString('utf8'));
  } catch {
    throw new AdminError(400, 'BAD_JSON', 'admin body is not JSON');
  }
  const parsed = withoutControlChars(schema).safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AdminError(400, 'INPUT_INVALID', `${formatPath(issue.path)}: ${issue.message}`);
  }
  return parsed.data;
}

type Route = (ctx: PlatformContext, req: IncomingMessage, url: URL) => Promise<unknown>;

const ROUTES: Record<string, Route> = {
  'GET /admin/state': async (ctx) => {
    const [counts] = await ctx.db.query<{ settlements: number; cancelled: number }>(
      "SELECT count(*) FILTER (WHERE outcome <> 'pending')::int AS settlements, count(cancelled_at)::int AS cancelled FROM settlements",
    );
    return {
      settings: ctx.settings,
      ver: await currentVersion(ctx.db),
      faults: ctx.faults.snapshot(),
      kind: ctx.db.kind,
      ...counts,
    };
  },
  'POST /admin/filings/revoke': async (ctx, req) => {
    const { filing_id } = await body(req, revokeFilingSchema);
    const revoked = await ctx.db.transaction((tx) => deleteRows(tx, 'filings', [filing_id]));
    if (revoked.length === 0) throw new AdminError(404, 'NOT_FOUND', `no live filing ${filing_id}`);
    return { revoked: filing_id, ver: await currentVersion(ctx.db) };
  },
  'POST /admin/filings/put': async (ctx, req) => {
    const row = await body(req, putFilingSchema);
    const [person] = await ctx.db.query('SELECT 1 FROM people WHERE psn_no = $1', [row.person.psn_no]);
    if (!person) throw new AdminError(404, 'NOT_FOUND', `no person ${row.person.psn_no}`);
    await ctx.db.transaction((tx) =>
      upsertRows(tx, 'filings', [{ key: row.key, ref: row.person.psn_no, row }]),
    );
    return { key: row.key, ver: await currentVersion(ctx.db) };
  },
  'POST /admin/accumulators/set': async (ctx, req) => {
    const { psn_no, accumulators } = await body(req, setAccumulatorsSchema);
    const key = `${psn_no}:${accumulators.year}`;
    await ctx.db.transaction(async (tx) => {
      await tx.query("SELECT 1 FROM dataset_rows WHERE dataset = 'accumulators' AND key = $1 FOR UPDATE", [
        key,
      ]);
      await upsertRows(tx, 'accumulators', [{ key, ref: psn_no, row: { key, psn_no, accumulators } }]);
    });
    return { key, ver: await currentVersion(ctx.db) };
  },
  'POST /admin/catalog/publish': async (ctx, req) => {
    const change = await body(req, publishCatalogSchema);
    const rows: RowWrite[] = change.upserts.map((r) => ({ key: r.key, ref: null, row: r }));
    await ctx.db.transaction(async (tx) => {
      await upsertRows(tx, change.dataset, rows);
      await deleteRows(tx, change.dataset, change.deletes);
    });
    return { upserted: rows.length, deleted: change.deletes.length, ver: await currentVersion(ctx.db) };
  },
  'POST /admin/policies/publish': async (ctx, req) => {
    const change = await body(req, publishPoliciesSchema);
    const rows: RowWrite[] = change.upserts.map((p) => ({
      key: p.policy_id,
      ref: p.insuplc_admdvs,
      row: { key: p.policy_id, policy: p },
    }));
    await ctx.db.transaction(async (tx) => {
      await upsertRows(tx, 'policies', rows);
      await deleteRows(tx, 'policies', change.deletes);
    });
    return { upserted: rows.length, deleted: change.deletes.length, ver: await currentVersion(ctx.db) };
  },
  'POST /admin/faults': async (ctx, req) => ({
    faults: ctx.faults.set(await body(req, faultSettingsSchema)),
  }),
  'DELETE /admin/faults': async (ctx) => ({ faults: ctx.faults.reset() }),
  // Reconciliation faults: the platform loses a settlement (its row and its encounter claim), or its
  // medical fee changes (the fund payment moves by the same difference), so 3201 disagrees.
  'POST /admin/settlements/fault': async (ctx, req) => {
    const f = await body(req, settlementFaultSchema);
    const changed = await ctx.db.transaction(async (tx) => {
      if (f.fault === 'lose') {
        await tx.query('DELETE FROM encounters WHERE local_setl_id = $1', [f.local_setl_id]);
        return tx.query('DELETE FROM settlements WHERE local_setl_id = $1 RETURNING local_setl_id', [
          f.local_setl_id,
        ]);
      }
      return tx.query(
        `UPDATE settlements SET fund_pay_sumamt = fund_pay_sumamt + ($2::numeric - medfee_sumamt), medfee_sumamt = $2::numeric
         WHERE local_setl_id = $1 AND medfee_sumamt IS NOT NULL RETURNING local_setl_id`,
        [f.local_setl_id, f.medfee_sumamt],
      );
    });
    if (changed.length === 0) throw new AdminError(404, 'NOT_FOUND', `no settled ${f.local_setl_id}`);
    return { fault: f.fault, local_setl_id: f.local_setl_id };
  },
  'GET /admin/settlements': async (ctx, _req, url) => {
    const psn = url.searchParams.get('psn_no');
    const rows = await ctx.db.query<Record<string, unknown>>(
      `SELECT local_setl_id, setl_id, station_id, psn_no, outcome, settle_date, hifp_pay::text AS hifp_pay, fund_pay_sumamt::text AS fund_pay_sumamt,
              medfee_sumamt::text AS medfee_sumamt, acct_pay::text AS acct_pay, acc_key, cancel_setl_id, acc_before_json, acc_after_json
       FROM settlements WHERE outcome <> 'pending' AND ($1::text IS NULL OR psn_no = $1) ORDER BY created_at, local_setl_id`,
      [psn],
    );
    return {
      settlements: rows.map(({ acc_before_json, acc_after_json, ...r }) => ({
        ...r,
        accumulators_before: acc_before_json ? JSON.parse(String(acc_before_json)) : null,
        accumulators_after: acc_after_json ? JSON.parse(String(acc_after_json)) : null,
      })),
    };
  },
  // 9001 / 9002: who signed in at each station, as which operator, and whether they signed out
  'GET /admin/sign-ins': async (ctx) => ({
    sign_ins: await ctx.db.query<Record<string, unknown>>(
      `SELECT sign_no, station_id, fixmedins_code, opter_no, signed_at::text AS signed_at, signed_out_at::text AS signed_out_at
       FROM sign_ins ORDER BY signed_at, sign_no`,
    ),
  }),
  'GET /admin/accumulators': async (ctx, _req, url) => {
    const key = `${url.searchParams.get('psn_no') ?? ''}:${url.searchParams.get('year') ?? ''}`;
    const [row] = await ctx.db.query<{ row_json: string; ver: number }>(
      "SELECT row_json, ver FROM dataset_rows WHERE dataset = 'accumulators' AND key = $1 AND NOT deleted",
      [key],
    );
    if (!row) throw new AdminError(404, 'NOT_FOUND', `no accumulators ${key}`);
    return { ...(JSON.parse(row.row_json) as object), ver: Number(row.ver) };
  },
};

export async function handleAdmin(
  ctx: PlatformContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  token?: string,
): Promise<void> {
  const refused = guardAdmin(req, token);
  if (refused) {
    send(res, refused.status, JSON.stringify({ error: refused.code, message: refused.message }), {
      connection: 'close',
    });
    return;
  }
  if (controlCharPath(Object.fromEntries(url.searchParams))) {
    send(
      res,
      400,
      JSON.stringify({ error: 'INPUT_INVALID', message: `query: ${CONTROL_CHARACTER_MESSAGE}` }),
    );
    return;
  }
  const route = ROUTES[`${req.method} ${url.pathname}`];
  if (!route) {
    send(res, 404, JSON.stringify({ error: 'NOT_FOUND', message: `${req.method} ${url.pathname}` }));
    return;
  }
  try {
    send(res, 200, JSON.stringify(await route(ctx, req, url)));
  } catch (err) {
    if (err instanceof AdminError)
      send(res, err.status, JSON.stringify({ error: err.code, message: err.message }));
    else {
      logInternalError(`admin ${req.method} ${url.pathname}`, err);
      send(
        res,
        500,
        JSON.stringify({ error: 'INTERNAL_ERROR', message: 'internal error (see the platform log)' }),
      );
    }
  }
}
