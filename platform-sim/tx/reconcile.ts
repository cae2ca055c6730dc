// 3201 对总账: the institution's totals for a period against the platform's, by insurance type and
// clearing type. Counted: settlements the platform settled (confirmed or discrepancy, at the
// platform's figures, which are the ones that count) and not cancelled. fund_pay_sumamt is every fund
// (settle/v2: basic, large-amount, serious illness, medical assistance); the answer's `platform.funds`
// (an extension) gives each fund's total, read from the stored platform results — a result stored by
// the settle/v1 engine has no hifmi_pay / maf_pay and counts 0 there.

import { formatAmount } from '../../shared/money';
import { CLR_TYPE_SETL_TYPES } from '../../shared/protocol';
import type { SetlinfoField } from '../../shared/settlement';
import type { Handler } from './types';

/** The setlinfo fields that are fund payments: together they are fund_pay_sumamt. */
const FUND_FIELDS = [
  'hifp_pay',
  'hifob_pay',
  'hifmi_pay',
  'maf_pay',
] as const satisfies readonly SetlinfoField[];
type FundField = (typeof FUND_FIELDS)[number];

export const reconcile: Handler<'3201'> = async (ctx, { envelope, input }) => {
  const d = input.data;
  const fund = (f: FundField) =>
    `sum((platform_result_json::json -> 'setlinfo' ->> '${f}')::numeric)::text AS ${f}`;
  const [t] = await ctx.db.query<
    {
      medfee: string | null;
      fund: string | null;
      acct: string | null;
      n: number;
    } & Record<FundField, string | null>
  >(
    `SELECT sum(medfee_sumamt)::text AS medfee, sum(fund_pay_sumamt)::text AS fund, sum(acct_pay)::text AS acct, count(*)::int AS n,
       ${FUND_FIELDS.map(fund).join(', ')}
     FROM settlements WHERE fixmedins_code = $1 AND settle_date BETWEEN $2 AND $3 AND insutype = $4 AND setl_type = ANY($5::text[])
       AND outcome IN ('confirmed', 'discrepancy') AND cancelled_at IS NULL`,
    [envelope.fixmedins_code, d.stmt_begndate, d.stmt_enddate, d.insutype, CLR_TYPE_SETL_TYPES[d.clr_type]],
  );
  const platform = {
    medfee_sumamt: formatAmount(t.medfee ?? '0'),
    fund_pay_sumamt: formatAmount(t.fund ?? '0'),
    acct_pay: formatAmount(t.acct ?? '0'),
    fixmedins_setl_cnt: Number(t.n),
    funds: Object.fromEntries(FUND_FIELDS.map((f) => [f, formatAmount(t[f] ?? '0')])) as Record<
      FundField,
      string
    >,
  };
  const differ: string[] = [];
  if (formatAmount(d.medfee_sumamt) !== platform.medfee_sumamt)
    differ.push(`medfee_sumamt ${d.medfee_sumamt} ≠ ${platform.medfee_sumamt}`);
  if (formatAmount(d.fund_pay_sumamt) !== platform.fund_pay_sumamt)
    differ.push(`fund_pay_sumamt ${d.fund_pay_sumamt} ≠ ${platform.fund_pay_sumamt}`);
  if (formatAmount(d.acct_pay) !== platform.acct_pay)
    differ.push(`acct_pay ${d.acct_pay} ≠ ${platform.acct_pay}`);
  if (d.fixmedins_setl_cnt !== platform.fixmedins_setl_cnt)
    differ.push(`fixmedins_setl_cnt ${d.fixmedins_setl_cnt} ≠ ${platform.fixmedins_setl_cnt}`);
  return {
    stmtinfo: {
      stmt_rslt: differ.length === 0 ? '0' : '1',
      stmt_rslt_dscr:
        differ.length === 0 ? '对账一致 / totals agree' : `对账不一致 / totals differ: ${differ.join('; ')}`,
      platform,
    },
  };
};
