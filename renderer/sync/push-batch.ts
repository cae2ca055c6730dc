// Which settlements the next 8201 message carries: the oldest queued ones, in outbox order, except
// those of a person whose earlier settlement is held (theirs wait behind it, everyone else's flow)
// or who has a cancel waiting that was made before them,
// limited by count and by bytes. The byte limit keeps every message inside what each hop accepts:
// the agent's WebSocket frame (RPC_MAX_FRAME_BYTES) and the platform's body (MAX_BODY_BYTES), with
// room for the wrapping around the settlements. A settlement larger than the per-message limit goes
// alone; one larger than any hop accepts can never be sent and is held as a task instead.
import { MAX_BODY_BYTES } from '../../shared/protocol';
import { RPC_MAX_FRAME_BYTES } from '../../shared/station-api';
import type { OutboxRow, StationDb } from '../db';
import { buildUpload, type UploadSettlement } from './upload-payload';

/** Room in a frame for the RPC call, platform.call's input and the 8201 envelope around the list. */
const WRAPPING_BYTES = 64 * 1024;
/** The most settlement bytes one 8201 message can carry over any transport. */
export const MAX_UPLOAD_MESSAGE_BYTES = Math.min(RPC_MAX_FRAME_BYTES, MAX_BODY_BYTES) - WRAPPING_BYTES;
/** Default per message: a quarter of the agent's frame, so one message stays a short request. */
export const DEFAULT_BATCH_BYTES = Math.floor(RPC_MAX_FRAME_BYTES / 4);

export interface Batch {
  entries: OutboxRow[];
  ids: string[];
  payload: UploadSettlement[];
  /** bytes of the settlements as serialised, one separator each */
  bytes: number;
}

export type NextBatch =
  | { kind: 'batch'; batch: Batch }
  | { kind: 'too-large'; entry: OutboxRow; bytes: number }
  | { kind: 'empty' };

const encoder = new TextEncoder();
export const jsonBytes = (value: unknown): number => encoder.encode(JSON.stringify(value)).length;

export async function nextBatch(
  db: StationDb,
  limits: { count: number; bytes: number; skipPsnNo?: string | null },
): Promise<NextBatch> {
  // A held settlement, or one whose journal line is not on disk yet, holds its person's later ones.
  const held = await db.outbox.where('state').anyOf(['held', 'journaling']).toArray();
  const waiting = new Set(held.map((e) => e.psn_no));
  if (limits.skipPsnNo) waiting.add(limits.skipPsnNo);
  // A person's settlements made after one of their cancels wait until that cancel has gone
  // (push-cancels.ts): the earliest pending cancel of each person bounds what of theirs may go.
  const cancelBound = new Map<string, number>();
  for (const c of await db.cancels.toArray())
    cancelBound.set(c.psn_no, Math.min(c.after_seq, cancelBound.get(c.psn_no) ?? Infinity));
  const entries = await db.outbox
    .orderBy('seq')
    .filter(
      (e) =>
        e.state !== 'held' &&
        e.state !== 'journaling' &&
        !waiting.has(e.psn_no) &&
        !(e.seq! > (cancelBound.get(e.psn_no) ?? Infinity)),
    )
    .limit(limits.count)
    .toArray();
  if (entries.length === 0) return { kind: 'empty' };
  const ids = entries.map((e) => e.local_setl_id);
  const payload = buildUpload(await db.settlements.bulkGet(ids), ids);
  const batch: Batch = { entries: [], ids: [], payload: [], bytes: 0 };
  for (let i = 0; i < entries.length; i++) {
    const size = jsonBytes(payload[i]) + 1;
    if (i === 0 && size > MAX_UPLOAD_MESSAGE_BYTES)
      return { kind: 'too-large', entry: entries[0]!, bytes: size };
    if (i > 0 && batch.bytes + size > limits.bytes) break;
    batch.entries.push(entries[i]!);
    batch.ids.push(ids[i]!);
    batch.payload.push(payload[i]!);
    batch.bytes += size;
  }
  return { kind: 'batch', batch };
}
