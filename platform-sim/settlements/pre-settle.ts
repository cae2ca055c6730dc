// 2303 预结算: the settlement 8201 would make now for this request, and nothing stored. The same
// checks as 8201 (upload.ts check: the settlement's shape, its station and institution), then the
// same pure recomputeSettlement over the platform's data read in one snapshot (preview.ts): nothing
// is claimed, locked or written, so no settlement, encounter, accumulator or version changes (the
// property test in contract/pre-settle.test.ts). The answer has no setl_id: nothing was settled.

import type { PreSettleAnswer, UploadResult } from '../../shared/protocol';
import type { PlatformContext } from '../context';
import { previewSettlement } from './preview';
import type { Recomputed } from './recompute';
import { check } from './upload';

function answerOf(r: Recomputed): PreSettleAnswer {
  if (r.kind !== 'settled') return { outcome: 'rejected', reasons: r.reasons };
  return r.differences.length === 0
    ? { outcome: 'confirmed' }
    : { outcome: 'discrepancy', platform_result: r.platform, differences: r.differences };
}

function refused(answer: UploadResult): PreSettleAnswer {
  if (answer.outcome !== 'rejected') throw new Error('a checked settlement is only ever refused here');
  return { outcome: 'rejected', reasons: answer.reasons };
}

/** Answers one raw 8201 settlement object as 8201 would now, leaving the platform's data as it was. */
export async function preSettle(
  ctx: PlatformContext,
  station: string,
  fixmedinsCode: string,
  raw: { local_setl_id: string },
): Promise<PreSettleAnswer> {
  const item = check(station, fixmedinsCode, raw);
  if (!('upload' in item)) return refused(item);
  const input = { ...item, fixmedinsCode, now: ctx.now(), maxOfflineDays: ctx.maxOfflineDays };
  return answerOf(await ctx.db.transaction((tx) => previewSettlement(tx, input), { snapshot: true }));
}
