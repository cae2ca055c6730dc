// 3202 明细对账: the station sends its settlements of a period, one row each; the platform answers
// each row (0 matched, 1 amounts or the cancel differ, 2 unknown to the platform, 3 cancelled on the
// platform while the station holds it as settled) and lists the settlements it counts for the period
// that the station did not send (`missing`). What it counts is exactly what 3201 counts — settled
// (confirmed or discrepancy, at the platform's figures) and not cancelled — so 3201's platform
// totals are the sum of the matched, differing and missing settlements' platform figures.

import { formatAmount } from '../../shared/money';
import type { DetailRow, DetailResult, PlatformSettlement } from '../../shared/protocol';
import { PlatformRefusal } from '../context';
import type { Handler } from './types';
import { clrTypeOf } from '../../shared/protocol';

type Stored = {
  setl_id: string;
  local_setl_id: string;
  station_id: string;
  psn_no: string;
  insutype: string;
  setl_type: Parameters<typeof clrTypeOf>[0];
  settle_date: string;
  mdtrt_id: string | null;
  medfee: string;
  fund: string;
  acct: string;
  cancelled: boolean;
};

const COLUMNS = `setl_id, local_setl_id, station_id, psn_no, insutype, setl_type, settle_date,
  upload_json::json ->> 'mdtrt_id' AS mdtrt_id, medfee_sumamt::text AS medfee, fund_pay_sumamt::text AS fund,
  acct_pay::text AS acct, cancelled_at IS NOT NULL AS cancelled`;
const SETTLED = "fixmedins_code = $1 AND outcome IN ('confirmed', 'discrepancy')";

function view(s: Stored): PlatformSettlement {
  return {
    setl_id: s.setl_id,
    local_setl_id: s.local_setl_id,
    mdtrt_id: s.mdtrt_id,
    psn_no: s.psn_no,
    insutype: s.insutype,
    clr_type: clrTypeOf(s.setl_type),
    settle_date: s.settle_date,
    medfee_sumamt: formatAmount(s.medfee),
    fund_pay_sumamt: formatAmount(s.fund),
    acct_pay: formatAmount(s.acct),
    refd_setl_flag: s.cancelled ? '1' : '0',
    station_id: s.station_id,
  };
}

const AMOUNTS = ['medfee_sumamt', 'fund_pay_sumamt', 'acct_pay'] as const;

function compare(
  row: DetailRow,
  p: PlatformSettlement | undefined,
): { result: DetailResult; fields: string[] } {
  if (!p) return { result: '2', fields: [] };
  if (p.refd_setl_flag === '1' && row.refd_setl_flag === '0')
    return { result: '3', fields: ['refd_setl_flag'] };
  const fields: string[] = AMOUNTS.filter((f) => formatAmount(row[f]) !== p[f]);
  if (row.refd_setl_flag !== p.refd_setl_flag) fields.push('refd_setl_flag');
  return { result: fields.length === 0 ? '0' : '1', fields };
}

export const reconcileDetail: Handler<'3202'> = async (ctx, { envelope, input }) => {
  const d = input.data;
  // The treatment place's agency clears its institutions: a station reconciles with its own.
  if (d.setl_optins !== envelope.mdtrtarea_admvs)
    throw new PlatformRefusal(
      'INPUT_INVALID',
      `data.setl_optins: ${d.setl_optins} ≠ mdtrtarea_admvs ${envelope.mdtrtarea_admvs}`,
    );
  const sent = await ctx.db.query<Stored>(
    `SELECT ${COLUMNS} FROM settlements WHERE ${SETTLED} AND setl_id = ANY($2::text[])`,
    [envelope.fixmedins_code, d.rows.map((r) => r.setl_id)],
  );
  const bySetlId = new Map(sent.map((s) => [s.setl_id, view(s)]));
  const rows = d.rows.map((row) => {
    const platform = bySetlId.get(row.setl_id);
    const { result, fields } = compare(row, platform);
    return { setl_id: row.setl_id, stmt_rslt: result, fields, platform: platform ?? null };
  });
  const counted = await ctx.db.query<Stored>(
    `SELECT ${COLUMNS} FROM settlements WHERE ${SETTLED} AND settle_date BETWEEN $2 AND $3 AND cancelled_at IS NULL
     ORDER BY settle_date, setl_id`,
    [envelope.fixmedins_code, d.stmt_begndate, d.stmt_enddate],
  );
  const sentIds = new Set(d.rows.map((r) => r.setl_id));
  return { rows, missing: counted.filter((s) => !sentIds.has(s.setl_id)).map(view) };
};
