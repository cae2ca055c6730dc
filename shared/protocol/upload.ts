// 8201 offline settlement upload and 8202 status (platform-protocol.md "8201").
// `mdtrt_id` is the hospital's encounter number (就诊ID, required); with fixmedins_code (and a mid-stay
// settlement's part) it is the encounter key that DUPLICATE_ENCOUNTER guards across stations.
// Everything the platform's tables cannot hold is refused here, before any transaction, so one bad
// settlement is rejected alone and never fails the database (docs/platform.md "Limits").

import { z } from 'zod';
import { Decimal } from '../money';
import { SETLINFO_FIELDS, formatPath, settleRequestObject, settleResultSchema } from '../settlement';
import { contractResultSchema } from './contract-result';
import { MAX_STAY_PART } from './stay-parts';
import { withoutControlChars } from './text';

export const MAX_UPLOAD_BATCH = 500;

/** The largest amount the platform stores: its amount columns are numeric(16,2). A settlement's total
 * (Σ of its lines, which bounds every fund and personal amount of it) must not exceed it. */
export const MAX_STORED_AMOUNT = '99999999999999.99';
/** Ids the platform indexes (psn_no, mdtrt_id, local_setl_id) stay far below PostgreSQL's index-row limit. */
export const MAX_ID_LENGTH = 64;

const SETTLED_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

export const uploadSettlementSchema = withoutControlChars(
  z
    .object({
      local_setl_id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, {
        error: 'local_setl_id: 1–64 letters, digits, _ or - / 本地结算号格式不合法',
      }),
      station_id: z.string().min(1).max(64),
      opter: z.string().min(1).max(30),
      settled_at: z
        .string()
        .regex(SETTLED_AT, {
          error:
            'settled_at 须为带时区的ISO时间 / settled_at is ISO 8601 with an offset (2025-06-30T10:12:00+08:00)',
        })
        .refine((v) => Number.isFinite(Date.parse(v)), {
          error: 'settled_at 不是有效时间 / not a real time',
        }),
      mdtrt_id: z.string().min(1).max(MAX_ID_LENGTH),
      request: settleRequestObject,
      result: contractResultSchema,
      data_versions: z.record(z.string(), z.number().int().min(0)),
    })
    .strict()
    .superRefine((s, ctx) => {
      if (s.request.person.psn_no.length > MAX_ID_LENGTH)
        ctx.addIssue({
          code: 'custom',
          path: ['request', 'person', 'psn_no'],
          message: `psn_no 最长${MAX_ID_LENGTH}个字符 / psn_no has at most ${MAX_ID_LENGTH} characters`,
        });
      const total = s.request.lines.reduce((sum, l) => sum.plus(l.det_item_fee_sumamt), new Decimal(0));
      if (total.gt(MAX_STORED_AMOUNT))
        ctx.addIssue({
          code: 'custom',
          path: ['request', 'lines'],
          message: `结算总额超过平台上限 / the lines total ${total.toFixed(2)}, above the platform's maximum ${MAX_STORED_AMOUNT}`,
        });
    }),
);
export type UploadSettlement = z.infer<typeof uploadSettlementSchema>;
export type UploadSettlementInput = z.input<typeof uploadSettlementSchema>;

/** The part of a mid-stay settlement (settle/v2 `request.stay.part`), read from the raw request so it
 * works before the settle/v2 schema carries `stay`: 1 without `stay` (a whole stay is its own first
 * part), null when `stay.part` is not an integer from 1 to 999. */
export function stayPart(rawRequest: unknown): number | null {
  const stay = (rawRequest as { stay?: unknown } | null)?.stay;
  if (stay === undefined) return 1;
  const part = (stay as { part?: unknown } | null)?.part;
  return Number.isInteger(part) && (part as number) >= 1 && (part as number) <= MAX_STAY_PART
    ? (part as number)
    : null;
}

export type ParsedUpload =
  { ok: true; upload: UploadSettlement; part: number } | { ok: false; path: string; message: string };

/** One settlement of a batch, checked alone: the schema, then the stay part. */
export function parseUploadSettlement(raw: unknown): ParsedUpload {
  const parsed = uploadSettlementSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, path: formatPath(issue.path), message: issue.message };
  }
  const part = stayPart((raw as { request?: unknown }).request);
  if (part === null)
    return {
      ok: false,
      path: 'request.stay.part',
      message: 'stay.part 须为1至999的整数 / stay.part is an integer from 1 to 999',
    };
  return { ok: true, upload: parsed.data, part };
}

/** The batch is checked loosely so that one malformed settlement is rejected alone, not the batch:
 * each element needs only a string id to be answered by. */
export const uploadInputSchema = z.object({
  data: z.object({
    settlements: z
      .array(z.object({ local_setl_id: z.string().max(256) }).loose())
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
