// 3201 对总账: the institution's totals for a period against the platform's, by insurance type and
// clearing type. Counted: settlements the platform settled (confirmed or discrepancy, at the
// platform's figures, which are the ones that count) and not cancelled.

import { formatAmount } from '../../shared/money';
import type { Handler } from './types';

const SETL_TYPES: Record<string, string[]> = {
  '11': ['outpatient', 'chronic_outpatient'],
  '21': ['inpatient', 'rehab', 'device'],
  '99': ['inpatient', 'outpatient', 'chronic_outpatient', 'rehab', 'device'],
};

export const reconcile: Handler<'3201'> = async (ctx, { envelope, input }) => {
  const d = input.data;
  const [t] = await ctx.db.query<{
    medfee: string | null;
    fund: string | null;
    acct: string | null;
    n: number;
  }>(
    `SELECT sum(medfee_sumamt)::text AS medfee, sum(fund_pay_sumamt)::text AS fund, sum(acct_pay)::text AS acct, count(*)::int AS n
     FROM settlements WHERE fixmedins_code = $1 AND settle_date BETWEEN $2 AND $3 AND insutype = $4 AND setl_type = ANY($5::text[])
       AND outcome IN ('confirmed', 'discrepancy') AND cancelled_at IS NULL`,
    [envelope.fixmedins_code, d.stmt_begndate, d.stmt_enddate, d.insutype, SETL_TYPES[d.clr_type]],
  );
  const platform = {
    medfee_sumamt: formatAmount(t.medfee ?? '0'),
    fund_pay_sumamt: formatAmount(t.fund ?? '0'),
    acct_pay: formatAmount(t.acct ?? '0'),
    fixmedins_setl_cnt: Number(t.n),
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
