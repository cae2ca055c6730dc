// The settlement journal's entries as they cross the StationApi (docs/sync.md, "Journal"). The
// renderer appends one entry per committed settlement, cancel, resolution and platform answer; the
// host writes each to an append-only file and fsyncs it before answering. A settlement entry holds
// the 8201 upload object itself, so a station whose IndexedDB was lost can upload it again from the
// journal alone (the platform's idempotency by local_setl_id makes a second upload harmless).
import { z } from 'zod';
import { uploadSettlementSchema } from '../protocol/upload';
import { encounterInfoSchema } from '../settlement-docs/encounter';

const isoTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/, 'ISO 8601 time');
const localSetlId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a local settlement id');

/** A settlement line whose commit failed in IndexedDB after the line was written (the commit writes
 * both at once: renderer/settle-service/settle-service.ts): the settlement does not exist, is never
 * restored nor uploaded. The host cuts the line off instead when it is still the journal's last. */
export const JOURNAL_WITHDRAW_REASON_MAX = 60;

/** The platform answers the journal records, so rotation knows what the platform already holds. */
export const JOURNAL_OUTCOMES = ['confirmed', 'discrepancy', 'rejected', 'cancelled'] as const;

/** What the pre-settlement (2303) said before the commit (docs/sync.md, "Online before offline"):
 * the figures agreed, the platform's were taken, or no answer in time (an offline settlement, which
 * the receipt says). */
export const presettleMarkSchema = z.union([
  z.object({ outcome: z.enum(['agreed', 'platform_figures']), at: isoTime }).strict(),
  z.object({ outcome: z.literal('offline'), reason: z.string().min(1).max(100) }).strict(),
]);
export type PresettleMark = z.infer<typeof presettleMarkSchema>;

export const journalEntrySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('settlement'),
    id: localSetlId,
    at: isoTime,
    body: uploadSettlementSchema,
    /** the bill's encounter data (diagnoses, operations …) for the settlement list; not uploaded */
    encounter: encounterInfoSchema.optional(),
    /** the pre-settlement's mark, so a restored receipt still says 离线结算 when it was; not uploaded */
    presettle: presettleMarkSchema.optional(),
  }),
  z.object({
    kind: z.literal('outcome'),
    id: localSetlId,
    at: isoTime,
    body: z.object({ outcome: z.enum(JOURNAL_OUTCOMES), setl_id: z.string().max(64).nullable() }).strict(),
  }),
  // Cancels and resolutions carry what their screens record; the journal keeps them verbatim.
  z.object({
    kind: z.literal('cancel'),
    id: localSetlId,
    at: isoTime,
    body: z.record(z.string(), z.unknown()),
  }),
  z.object({
    kind: z.literal('resolution'),
    id: localSetlId,
    at: isoTime,
    body: z.record(z.string(), z.unknown()),
  }),
  z.object({
    kind: z.literal('withdrawn'),
    id: localSetlId,
    at: isoTime,
    body: z.object({ reason: z.string().min(1).max(JOURNAL_WITHDRAW_REASON_MAX) }).strict(),
  }),
]);
export type JournalEntry = z.infer<typeof journalEntrySchema>;
export type JournalEntryInput = z.input<typeof journalEntrySchema>;
export type JournalKind = JournalEntry['kind'];
const JOURNAL_KINDS = journalEntrySchema.options.map((o) => o.shape.kind.value) as [
  JournalKind,
  ...JournalKind[],
];

/** What `journal.withdraw` asks: take back the settlement line of a commit that failed. */
export const journalWithdrawSchema = z
  .object({
    id: localSetlId,
    at: isoTime,
    reason: z.string().min(1).max(JOURNAL_WITHDRAW_REASON_MAX),
  })
  .strict();
export type JournalWithdraw = z.infer<typeof journalWithdrawSchema>;

/** One line of the journal as the index lists it: enough to compare with IndexedDB, no bodies. */
export const journalIndexRowSchema = z.object({
  seq: z.number().int().min(1),
  kind: z.enum(JOURNAL_KINDS),
  id: localSetlId,
  at: isoTime,
  /** for outcome lines: the outcome, so the station can tell what the platform holds */
  outcome: z.enum(JOURNAL_OUTCOMES).optional(),
});
export type JournalIndexRow = z.infer<typeof journalIndexRowSchema>;

export const journalStatusSchema = z.object({
  path: z.string().max(4096),
  lines: z.number().int().min(0),
  bytes: z.number().int().min(0),
  writable: z.boolean(),
  /** the last append that failed (disk full, permissions), until an append succeeds again */
  lastError: z.object({ code: z.string().max(60), message: z.string().max(1000), at: isoTime }).nullable(),
  /** bytes of a torn last line found and cut off when the journal was opened (power cut mid-write) */
  tornBytesDropped: z.number().int().min(0),
  /** lines whose checksum did not match, not counting a torn last line */
  corruptLines: z.number().int().min(0),
  retentionDays: z.number().int().min(90),
});
export type JournalStatus = z.infer<typeof journalStatusSchema>;
