// A settlement recomputed against the platform's data as it stands, storing nothing and locking
// nothing: what a pre-settlement (2303) answers. Same pure recomputeSettlement() as 8201, so the
// figures a pre-settlement shows are the ones 8201 would confirm, as long as the data (the person's
// accumulators above all) does not move in between.

import type { Queryable } from '../db/database';
import { BatchData } from './platform-data';
import type { RecomputeInput, Recomputed } from './recompute';
import { recomputeSettlement, settleYear } from './recompute';

/** Reads what `input` needs (one snapshot is best: `db.transaction(fn, {snapshot: true})`) and
 * recomputes it. `kind: 'settled'` means 8201 would settle it now; nothing is claimed or stored. */
export async function previewSettlement(q: Queryable, input: RecomputeInput): Promise<Recomputed> {
  const data = await BatchData.load(q, [input]);
  await data.loadAccumulators(
    q,
    [{ psnNo: input.upload.request.person.psn_no, year: settleYear(input.upload) }],
    false,
  );
  return recomputeSettlement(input, data);
}
