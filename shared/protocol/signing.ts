// The request signature (platform-protocol.md "Transport and signing"): HMAC-SHA256 over
// timestamp + "\n" + nonce + "\n" + hex SHA-256 of the body. shared/ is pure, so the hashing itself
// happens on each side with node:crypto; this file fixes the string both sides sign and the limits.

export const SIGNATURE_HEADERS = {
  station: 'x-station-id',
  timestamp: 'x-timestamp',
  nonce: 'x-nonce',
  signature: 'x-signature',
} as const;

/** A timestamp more than this far from the platform's clock is refused. */
export const TIMESTAMP_WINDOW_MS = 5 * 60_000;
/** A nonce seen within this long is refused as a replay. */
export const NONCE_TTL_MS = 10 * 60_000;
export const NONCE_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;
/** Largest request body the platform reads; larger ones are refused with BODY_TOO_LARGE. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

/** A station id: what the station's config allows and the platform registers. */
export const STATION_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** A station secret has at least this many characters, no whitespace (station and platform alike). */
export const MIN_SECRET_LENGTH = 16;

export function isUsableSecret(secret: string): boolean {
  return secret.length >= MIN_SECRET_LENGTH && !/\s/.test(secret);
}

export const CALL_PATH = '/fsi/api/rsfComIfsService/callService';

export function signingString(timestampMs: string | number, nonce: string, bodySha256Hex: string): string {
  return `${timestampMs}\n${nonce}\n${bodySha256Hex.toLowerCase()}`;
}
