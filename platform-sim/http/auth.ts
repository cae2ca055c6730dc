// Verifies the request signature (platform-protocol.md "Transport and signing"): a known station, a
// timestamp within 5 minutes, HMAC-SHA256 over the signing string, and a nonce not seen in the last
// 10 minutes. The nonce is recorded in the database (not in memory) so that two platform processes
// sharing one PostgreSQL refuse a replay sent to either, and a restart does not forget it.

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

/** Returns the station id of a correctly signed, fresh, first-seen request; throws SIGNATURE_INVALID otherwise. */
export async function verifySignature(
  ctx: PlatformContext,
  headers: IncomingHttpHeaders,
  body: Buffer,
): Promise<string> {
  const station = header(headers, SIGNATURE_HEADERS.station);
  const timestamp = header(headers, SIGNATURE_HEADERS.timestamp);
  const nonce = header(headers, SIGNATURE_HEADERS.nonce);
  const signature = header(headers, SIGNATURE_HEADERS.signature);
  if (!station || !timestamp || !nonce || !signature)
    refuse('missing x-station-id, x-timestamp, x-nonce or x-signature');
  const secret = ctx.stations.get(station);
  if (secret === undefined) refuse(`unknown station ${station.slice(0, 64)}`);
  if (!/^\d{1,16}$/.test(timestamp)) refuse('x-timestamp must be Unix milliseconds');
  const now = ctx.now();
  if (Math.abs(now - Number(timestamp)) > TIMESTAMP_WINDOW_MS)
    refuse('timestamp outside the 5-minute window');
  if (!NONCE_PATTERN.test(nonce)) refuse('x-nonce must be 16–128 letters, digits, _ or -');
  if (!/^[0-9a-f]{64}$/i.test(signature)) refuse('x-signature must be 64 hex digits');
  const expected = Buffer.from(hmacHex(secret, signingString(timestamp, nonce, sha256Hex(body))), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) refuse('signature does not match');
  const fresh = await ctx.db.query(
    'INSERT INTO nonces (station_id, nonce, seen_at_ms) VALUES ($1, $2, $3) ON CONFLICT (station_id, nonce) DO NOTHING RETURNING nonce',
    [station, nonce, now],
  );
  if (fresh.length === 0) refuse('nonce already used (replay)');
  return station;
}

/** Forgets nonces older than the replay window (their timestamps would be refused anyway). */
export async function pruneNonces(ctx: PlatformContext): Promise<void> {
  await ctx.db.query('DELETE FROM nonces WHERE seen_at_ms < $1', [
    ctx.now() - NONCE_TTL_MS - TIMESTAMP_WINDOW_MS,
  ]);
}
