// 2303 预结算 pre-settlement and 8102 per-person read (platform-protocol.md, docs/platform.md).
// 2303 carries one 8201 settlement object and is answered with what 8201 would answer for it now,
// without a settlement id: nothing is stored and no accumulator moves. 8102 returns one person's
// filings and accumulators rows, tombstones included, each with its version, so a station can refresh
// that person between two 8101 pulls and tell which of its cached rows are older.

import { z } from 'zod';
import { settleResultSchema } from '../settlement';
import { accumulatorRowSchema, filingRowSchema } from './datasets';
import { withoutControlChars } from './text';
import { MAX_ID_LENGTH, differenceSchema, reasonSchema } from './upload';

export const preSettleInputSchema = z.object({
  data: z.object({ settlement: z.object({ local_setl_id: z.string().max(256) }).loose() }),
});

export const preSettleOutputSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('confirmed') }),
  z.object({
    outcome: z.literal('discrepancy'),
    platform_result: settleResultSchema,
    differences: z.array(differenceSchema).min(1),
  }),
  z.object({ outcome: z.literal('rejected'), reasons: z.array(reasonSchema).min(1) }),
]);
export type PreSettleAnswer = z.infer<typeof preSettleOutputSchema>;

/** The datasets 8102 reads for one person (rows whose lookup column is the psn_no). */
export const PERSON_DATASETS = ['filings', 'accumulators'] as const;

export const personRowsInputSchema = withoutControlChars(
  z.object({ data: z.object({ psn_no: z.string().min(1).max(MAX_ID_LENGTH) }).strict() }),
);

const versioned = { key: z.string().min(1), ver: z.number().int().min(0) };
export const personRowsOutputSchema = z.object({
  /** the platform's version when it read the rows */
  ver: z.number().int().min(0),
  filings: z.array(
    z.union([
      z.object({ ...versioned, deleted: z.literal(false), row: filingRowSchema }),
      z.object({ ...versioned, deleted: z.literal(true) }),
    ]),
  ),
  accumulators: z.array(z.object({ ...versioned, deleted: z.literal(false), row: accumulatorRowSchema })),
});
export type PersonRows = z.infer<typeof personRowsOutputSchema>;
