// The watched folder where the hospital system drops bills for this counter (docs/bill-import.md,
// "Watched folder"): what the host offers (the files that stopped changing), and one file read in
// chunks small enough for a WebSocket frame. Names are plain file names in that folder, never paths.
import { z } from 'zod';
import { hasControlCharacter } from '../text';

const isoTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/, 'ISO 8601 time');

/** A plain file name of the watched folder: no separators, no control characters, not hidden. */
export const BILL_INBOX_NAME = /^(?!\.)(?!~\$)[^/\\]{1,200}$/;
export const billInboxNameSchema = z
  .string()
  .regex(BILL_INBOX_NAME, 'a file name of the watched folder')
  .refine((n) => n.trim() === n && !hasControlCharacter(n), 'a file name of the watched folder');

/** The largest bill file the station reads, from a file picked, dropped or in the watched folder:
 * a 20 MB export of 50,000 lines fits. */
export const MAX_BILL_FILE_BYTES = 24 * 1024 * 1024;

/** One read brings at most this many bytes (base64 in the answer stays far below a frame's 4 MiB). */
export const BILL_INBOX_CHUNK_BYTES = 1024 * 1024;

export const billInboxFileSchema = z.object({
  name: billInboxNameSchema,
  size: z.number().int().min(0),
  modifiedAt: isoTime,
});
export type BillInboxFile = z.infer<typeof billInboxFileSchema>;

export const billInboxStatusSchema = z.object({
  /** false: the station has no watched folder configured */
  configured: z.boolean(),
  dir: z.string().max(4096).nullable(),
  files: z.array(billInboxFileSchema).max(500),
  /** why the folder cannot be read right now (missing, no permission), in both languages */
  problem: z
    .object({ code: z.string().max(60), message_zh: z.string().max(400), message_en: z.string().max(400) })
    .nullable(),
});
export type BillInboxStatus = z.infer<typeof billInboxStatusSchema>;

export const billInboxChunkSchema = z.object({
  name: billInboxNameSchema,
  size: z.number().int().min(0),
  modifiedAt: isoTime,
  offset: z.number().int().min(0),
  /** base64 of at most BILL_INBOX_CHUNK_BYTES bytes */
  data: z.string().max(Math.ceil(BILL_INBOX_CHUNK_BYTES / 3) * 4),
  done: z.boolean(),
});
export type BillInboxChunk = z.infer<typeof billInboxChunkSchema>;
