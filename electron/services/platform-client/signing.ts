// The station side of request signing: the HMAC over shared/protocol's signing string.

import { createHash, createHmac, randomBytes } from 'node:crypto';
import { SIGNATURE_HEADERS, signingString } from '../../../shared/protocol';

export function defaultNonce(): string {
  return randomBytes(16).toString('hex');
}

export function signatureHeaders(
  stationId: string,
  secret: string,
  body: string | Buffer,
  timestampMs: number,
  nonce: string,
): Record<string, string> {
  const bodyHash = createHash('sha256').update(body).digest('hex');
  const signature = createHmac('sha256', secret)
    .update(signingString(timestampMs, nonce, bodyHash), 'utf8')
    .digest('hex');
  return {
    [SIGNATURE_HEADERS.station]: stationId,
    [SIGNATURE_HEADERS.timestamp]: String(timestampMs),
    [SIGNATURE_HEADERS.nonce]: nonce,
    [SIGNATURE_HEADERS.signature]: signature,
  };
}
