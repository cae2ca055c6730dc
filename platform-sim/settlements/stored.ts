// What a settlement row keeps of the station's upload and of the platform's result, in few bytes.
// Moving bytes into PGlite was the costliest part of 8201 (about 0.07 ms per KB: a 50-line settlement
// stored 45 KB, the station's upload and a platform result that repeats the station's; the profile in
// docs/platform.md). Nothing is dropped:
// - upload_json is `{"mdtrt_id", "deflated"}`: the upload's JSON, raw-deflated and base64-encoded
//   (28 KB → about 8 KB), compressed on libuv's thread pool, off the thread that runs the database;
//   mdtrt_id stays readable to SQL (3202 reads it).
// - platform_result_json is the platform's result without the top-level fields that are exactly the
//   station's (`items`, `chrgitm_summary`… of a confirmed settlement; `accumulators_after` and the
//   trace differ when the station's accumulators were stale), named in `from_upload`. `setlinfo` is
//   always there: everything that reads a stored result reads it (2305, 3201, a later stay part).
// Rows written before this format (the plain upload, the whole result) read the same way.

import { isDeepStrictEqual, promisify } from 'node:util';
import { deflateRaw, inflateRawSync } from 'node:zlib';
import type { UploadSettlement } from '../../shared/protocol';
import type { SettleResult } from '../../shared/settlement';

const deflate = promisify(deflateRaw);

/** The text upload_json holds for `upload`. */
export async function storedUpload(upload: UploadSettlement): Promise<string> {
  // Level 1: most of the gain (28 → 6.5 KB) for half the time of the default level.
  const deflated = await deflate(JSON.stringify(upload), { level: 1 });
  return JSON.stringify({ mdtrt_id: upload.mdtrt_id, deflated: deflated.toString('base64') });
}

/** The upload a settlement row holds, from its upload_json (either format). */
export function readStoredUpload(text: string): UploadSettlement {
  const stored = JSON.parse(text) as { deflated?: string } & UploadSettlement;
  if (typeof stored.deflated !== 'string') return stored;
  return JSON.parse(
    inflateRawSync(Buffer.from(stored.deflated, 'base64')).toString('utf8'),
  ) as UploadSettlement;
}

/** The text platform_result_json holds for `platform`, recomputed from `upload`. */
export function storedPlatformResult(platform: SettleResult, upload: UploadSettlement): string {
  const station = upload.result as Record<string, unknown>;
  const kept: Record<string, unknown> = {};
  const fromUpload: string[] = [];
  for (const [field, value] of Object.entries(platform))
    if (field !== 'setlinfo' && isDeepStrictEqual(value, station[field])) fromUpload.push(field);
    else kept[field] = value;
  if (fromUpload.length > 0) kept.from_upload = fromUpload;
  return JSON.stringify(kept);
}

/** The platform's whole result from a row's platform_result_json and upload_json (either format). */
export function readStoredPlatformResult(text: string, uploadText: string): SettleResult {
  const { from_upload: fromUpload, ...kept } = JSON.parse(text) as Record<string, unknown> & {
    from_upload?: string[];
  };
  if (!fromUpload) return kept as SettleResult;
  const station = readStoredUpload(uploadText).result as Record<string, unknown>;
  for (const field of fromUpload) kept[field] = station[field];
  return kept as SettleResult;
}
