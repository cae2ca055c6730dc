// 2305 结算撤销: reverses a confirmed (or discrepancy) settlement of this institution in one
// transaction: the settlement is marked cancelled, its effect on the accumulators is undone, its
// encounter is freed. Cancelling again answers the same reversal (idempotent).

import { formatAmount } from '../../shared/money';
import { formatInfTime } from '../../shared/protocol';
import type { Accumulators } from '../../shared/settlement';
import { PlatformRefusal } from '../context';
import { upsertRows } from '../db/datasets';
import { revertAccumulators } from '../settlements/accumulator-math';
import type { Handler } from './types';

type SettlementRow = {
  local_setl_id: string;
  setl_id: string;
  psn_no: string;
  outcome: string;
  fixmedins_code: string;
  encounter_key: string | null;
  acc_key: string | null;
  acc_before_json: string | null;
  acc_after_json: string | null;
  platform_result_json: string | null;
  cancel_json: string | null;
};

const neg = (v: string) => formatAmount(`-${v}`).replace(/^-0\.00$/, '0.00');

export const cancel: Handler<'2305'> = async (ctx, { envelope, input }) => {
  const d = input.data;
  return ctx.db.transaction(async (tx) => {
    const [s] = await tx.query<SettlementRow>('SELECT * FROM settlements WHERE setl_id = $1 FOR UPDATE', [
      d.setl_id,
    ]);
    if (
      !s ||
      s.psn_no !== d.psn_no ||
      s.fixmedins_code !== envelope.fixmedins_code ||
      (d.local_setl_id && d.local_setl_id !== s.local_setl_id)
    ) {
      throw new PlatformRefusal('SETTLEMENT_NOT_FOUND', d.setl_id);
    }
    if (s.cancel_json) return JSON.parse(s.cancel_json);
    if ((s.outcome !== 'confirmed' && s.outcome !== 'discrepancy') || !s.platform_result_json || !s.acc_key)
      throw new PlatformRefusal('SETTLEMENT_NOT_CANCELLABLE', s.outcome);
    const result = JSON.parse(s.platform_result_json) as { setlinfo: Record<string, string> };
    const [{ n }] = await tx.query<{ n: string }>("SELECT nextval('setl_seq')::text AS n");
    const now = ctx.now();
    const reversal = {
      setlinfo: {
        setl_id: `R${d.setl_id.slice(1, 9)}${n.padStart(10, '0')}`,
        orig_setl_id: s.setl_id,
        local_setl_id: s.local_setl_id,
        psn_no: s.psn_no,
        setl_time: formatInfTime(now),
        medfee_sumamt: neg(result.setlinfo.medfee_sumamt),
        fund_pay_sumamt: neg(result.setlinfo.fund_pay_sumamt),
        hifp_pay: neg(result.setlinfo.hifp_pay),
        hifob_pay: neg(result.setlinfo.hifob_pay),
        acct_pay: neg(result.setlinfo.acct_pay),
        psn_cash_pay: neg(result.setlinfo.psn_cash_pay),
        // settle/v2 funds (serious illness, medical assistance), when the settlement paid by v2
        ...(result.setlinfo.hifmi_pay !== undefined && { hifmi_pay: neg(result.setlinfo.hifmi_pay) }),
        ...(result.setlinfo.maf_pay !== undefined && { maf_pay: neg(result.setlinfo.maf_pay) }),
      },
    };
    const [acc] = await tx.query<{ row_json: string }>(
      "SELECT row_json FROM dataset_rows WHERE dataset = 'accumulators' AND key = $1 FOR UPDATE",
      [s.acc_key],
    );
    const current = (JSON.parse(acc.row_json) as { accumulators: Accumulators }).accumulators;
    const reverted = revertAccumulators(
      current,
      JSON.parse(s.acc_before_json ?? '{}'),
      JSON.parse(s.acc_after_json ?? '{}'),
    );
    if (s.encounter_key)
      await tx.query('DELETE FROM encounters WHERE encounter_key = $1 AND local_setl_id = $2', [
        s.encounter_key,
        s.local_setl_id,
      ]);
    await tx.query(
      'UPDATE settlements SET cancelled_at = now(), cancel_setl_id = $2, cancel_json = $3 WHERE local_setl_id = $1',
      [s.local_setl_id, reversal.setlinfo.setl_id, JSON.stringify(reversal)],
    );
    await upsertRows(tx, 'accumulators', [
      { key: s.acc_key, ref: s.psn_no, row: { key: s.acc_key, psn_no: s.psn_no, accumulators: reverted } },
    ]);
    return reversal;
  });
};
