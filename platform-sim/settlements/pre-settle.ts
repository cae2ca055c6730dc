// 2303 预结算: the settlement 8201 would make now for this request, and nothing stored. It runs the
// very same 8201 path (upload.ts settleOne: dates, rebuild from the platform's own data, settle(),
// the encounter guard) inside a transaction that is always rolled back, so no settlement row, no
// encounter claim, no accumulator and no version bump survives it (the property test in
// pre-settle.test.ts). Only the settlement-number sequence advances (sequences are not
// transactional; gaps in setl_id are allowed). The answer drops the setl_id: nothing was settled.

import type { PreSettleAnswer, UploadResult } from '../../shared/protocol';
import type { PlatformContext } from '../context';
import { settleOne, Unstored, uploadJob } from './upload';

class RolledBack extends Error {
  constructor(readonly answer: UploadResult) {
    super('pre-settlement rolled back');
  }
}

function withoutSettlement(answer: UploadResult): PreSettleAnswer {
  switch (answer.outcome) {
    case 'confirmed':
      return { outcome: 'confirmed' };
    case 'discrepancy':
      return {
        outcome: 'discrepancy',
        platform_result: answer.platform_result,
        differences: answer.differences,
      };
    case 'rejected':
      return { outcome: 'rejected', reasons: answer.reasons };
  }
}

/** Answers one raw 8201 settlement object as 8201 would, leaving the platform's data as it was. */
export async function preSettle(
  ctx: PlatformContext,
  station: string,
  fixmedinsCode: string,
  raw: { local_setl_id: string },
): Promise<PreSettleAnswer> {
  const job = uploadJob(ctx, station, fixmedinsCode, raw);
  if ('outcome' in job) return withoutSettlement(job);
  try {
    await ctx.db.transaction(async (tx) => {
      throw new RolledBack(await settleOne(tx, job));
    });
  } catch (err) {
    if (err instanceof RolledBack || err instanceof Unstored) return withoutSettlement(err.answer);
    throw err;
  }
  throw new Error('unreachable: the pre-settlement transaction always rolls back');
}
