// Verifies the request signature (platform-protocol.md "Transport and signing") in two steps. Before
// the body is read: the headers are well-formed, the timestamp is within 5 minutes, the station is
// registered — so an unknown station sending megabytes is refused without reading them. With the
// body: HMAC-SHA256 over the signing string, and a nonce not seen in the last 10 minutes. An unknown
// station and a wrong signature get the same refusal (status, err_code and message), so stations
// cannot be enumerated. The nonce is recorded in the database (not in memory) so that two platform
// processes sharing one PostgreSQL refuse a replay sent to either, and a restart does not forget it.

import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import {
  NONCE_PATTERN,
  NONCE_TTL_MS,
  SIGNATURE_HEADERS,
  TIMESTAMP_WINDOW_MS,
  signingString,
} from '../../shared/protocol';
import type { PlatformContext } from '../context';
import { PlatformRefusal } from '../context';
import type { StationRegistration } from '../stations';

/** The one answer for an unknown station and for a signature that does not match. */
export const NOT_RECOGNISED = 'station or signature not recognised';

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function refuse(detail: string): never {
  throw new PlatformRefusal('SIGNATURE_INVALID', detail, 401);
}

export function sha256Hex(body: Buffer | string): string {
  return createHash('sha256').update(body).digest('hex');
}

export function hmacHex(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text, 'utf8').digest('hex');
}

export interface SignedHeaders {
  station: StationRegistration;
  timestamp: string;
  nonce: string;
  signature: string;
}

/** Step 1, from the headers alone; throws SIGNATURE_INVALID. Every check here but the last is the
 * same for any station id, and the last answers exactly like a bad signature. */
export function checkSignedHeaders(ctx: PlatformContext, headers: IncomingHttpHeaders): SignedHeaders {
  const id = header(headers, SIGNATURE_HEADERS.station);
  const timestamp = header(headers, SIGNATURE_HEADERS.timestamp);
  const nonce = header(headers, SIGNATURE_HEADERS.nonce);
  const signature = header(headers, SIGNATURE_HEADERS.signature);
  if (!id || !timestamp || !nonce || !signature)
    refuse('missing x-station-id, x-timestamp, x-nonce or x-signature');
  if (!/^\d{1,16}$/.test(timestamp)) refuse('x-timestamp must be Unix milliseconds');
  if (Math.abs(ctx.now() - Number(timestamp)) > TIMESTAMP_WINDOW_MS)
    refuse('timestamp outside the 5-minute window');
  if (!NONCE_PATTERN.test(nonce)) refuse('x-nonce must be 16–128 letters, digits, _ or -');
  if (!/^[0-9a-f]{64}$/i.test(signature)) refuse('x-signature must be 64 hex digits');
  const station = ctx.stations.get(id);
  if (!station) refuse(NOT_RECOGNISED);
  return { station, timestamp, nonce, signature };
}

/** Step 2, with the body: the HMAC, then the nonce (recorded only for a correctly signed request). */
export async function verifySignature(
  ctx: PlatformContext,
  signed: SignedHeaders,
  body: Buffer,
): Promise<void> {
  const { station, timestamp, nonce, signature } = signed;
  const expected = Buffer.from(
    hmacHex(station.secret, signingString(timestamp, nonce, sha256Hex(body))),
    'hex',
  );
  if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) refuse(NOT_RECOGNISED);
  const fresh = await ctx.db.query(
    'INSERT INTO nonces (station_id, nonce, seen_at_ms) VALUES ($1, $2, $3) ON CONFLICT (station_id, nonce) DO NOTHING RETURNING nonce',
    [station.id, nonce, ctx.now()],
  );
  if (fresh.length === 0) refuse('nonce already used (replay)');
}

/** Forgets nonces older than the replay window (their timestamps would be refused anyway). */
export async function pruneNonces(ctx: PlatformContext): Promise<void> {
  await ctx.db.query('DELETE FROM nonces WHERE seen_at_ms < $1', [
    ctx.now() - NONCE_TTL_MS - TIMESTAMP_WINDOW_MS,
  ]);
}
