// 8202 settlement status: the stored outcome of each local_setl_id of this institution, `cancelled`
// once reversed by 2305, `unknown` when the platform never stored it.

import type { StatusResult, UploadResult } from '../../shared/protocol';
import type { Handler } from './types';

export const status: Handler<'8202'> = async (ctx, { envelope, input }) => {
  const ids = input.data.local_setl_ids;
  const rows = await ctx.db.query<{
    local_setl_id: string;
    answer_json: string | null;
    setl_id: string | null;
    cancel_setl_id: string | null;
  }>(
    "SELECT local_setl_id, answer_json, setl_id, cancel_setl_id FROM settlements WHERE local_setl_id = ANY($1::text[]) AND fixmedins_code = $2 AND outcome <> 'pending'",
    [ids, envelope.fixmedins_code],
  );
  const byId = new Map(rows.map((r) => [r.local_setl_id, r]));
  const results: StatusResult[] = ids.map((id) => {
    const r = byId.get(id);
    if (!r || !r.answer_json) return { local_setl_id: id, outcome: 'unknown' };
    if (r.cancel_setl_id && r.setl_id)
      return {
        local_setl_id: id,
        outcome: 'cancelled',
        setl_id: r.setl_id,
        cancel_setl_id: r.cancel_setl_id,
      };
    return JSON.parse(r.answer_json) as UploadResult;
  });
  return { results };
};
