// 8201 offline settlement upload and 8202 status (platform-protocol.md "8201").
// Extension: `mdtrt_id`, the encounter number at the institution (就诊ID); with fixmedins_code it is
// the encounter key that DUPLICATE_ENCOUNTER guards across stations.

import { z } from 'zod';
import { SETLINFO_FIELDS, settleRequestObject, settleResultSchema } from '../settlement';

export const MAX_UPLOAD_BATCH = 500;

export const uploadSettlementSchema = z
  .object({
    local_setl_id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, {
      error: 'local_setl_id: 1–64 letters, digits, _ or - / 本地结算号格式不合法',
    }),
    station_id: z.string().min(1).max(64),
    opter: z.string().min(1).max(30),
    settled_at: z.string().min(10).max(40),
    mdtrt_id: z.string().min(1).max(64).optional(),
    request: settleRequestObject,
    result: settleResultSchema,
    data_versions: z.record(z.string(), z.number().int().min(0)),
  })
  .strict();
export type UploadSettlement = z.infer<typeof uploadSettlementSchema>;
export type UploadSettlementInput = z.input<typeof uploadSettlementSchema>;

/** The batch is checked loosely so that one malformed settlement is rejected alone, not the batch. */
export const uploadInputSchema = z.object({
  data: z.object({
    settlements: z
      .array(z.object({ local_setl_id: z.string().min(1).max(64) }).loose())
      .min(1)
      .max(MAX_UPLOAD_BATCH),
  }),
});

export const differenceSchema = z.object({
  field: z.enum(SETLINFO_FIELDS),
  station: z.string(),
  platform: z.string(),
});
export const reasonSchema = z.object({
  code: z.string(),
  message: z.string(),
  message_en: z.string().optional(),
  path: z.string().optional(),
});

export const uploadResultSchema = z.discriminatedUnion('outcome', [
  z.object({ local_setl_id: z.string(), outcome: z.literal('confirmed'), setl_id: z.string() }),
  z.object({
    local_setl_id: z.string(),
    outcome: z.literal('discrepancy'),
    setl_id: z.string(),
    platform_result: settleResultSchema,
    differences: z.array(differenceSchema).min(1),
  }),
  z.object({
    local_setl_id: z.string(),
    outcome: z.literal('rejected'),
    reasons: z.array(reasonSchema).min(1),
  }),
]);
export type UploadResult = z.infer<typeof uploadResultSchema>;
export const uploadOutputSchema = z.object({ results: z.array(uploadResultSchema) });

export const statusResultSchema = z.union([
  uploadResultSchema,
  z.object({
    local_setl_id: z.string(),
    outcome: z.literal('cancelled'),
    setl_id: z.string(),
    cancel_setl_id: z.string(),
  }),
  z.object({ local_setl_id: z.string(), outcome: z.literal('unknown') }),
]);
export type StatusResult = z.infer<typeof statusResultSchema>;
export const statusOutputSchema = z.object({ results: z.array(statusResultSchema) });
