// Who may use the admin endpoints. Loopback alone is not enough: a web page open in the cashier's
// browser runs on this machine too. It can send a cross-site `text/plain` POST without a CORS
// preflight, and through DNS rebinding its own host name can point at 127.0.0.1. So a request is
// refused when it comes from another machine, carries an Origin header (browsers add one to
// cross-site requests; the test clients never send one), names a Host other than the loopback
// address and port it reached, sends a body that is not application/json, or — when the platform was
// given an admin token — lacks `authorization: Bearer <token>`.

import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { AdminError } from '../admin-client';

// One error shape on both ends: the server answers {error: code, message}, the client rebuilds it.
export { AdminError };

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** The Host a loopback client must name: the address and port it connected to. */
function expectedHost(req: IncomingMessage): string {
  const address = (req.socket.localAddress ?? '').replace(/^::ffff:/, '');
  return `${address.includes(':') ? `[${address}]` : address}:${req.socket.localPort}`;
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Null when the request may proceed, else why not (never echoing a header's value). */
export function guardAdmin(req: IncomingMessage, token?: string): AdminError | null {
  if (!LOOPBACK.has(req.socket.remoteAddress ?? ''))
    return new AdminError(403, 'FORBIDDEN', 'admin endpoints answer loopback only');
  if (req.headers.origin !== undefined)
    return new AdminError(403, 'ORIGIN_REFUSED', 'admin endpoints refuse requests from web pages (Origin)');
  if (req.headers.host !== expectedHost(req))
    return new AdminError(
      403,
      'HOST_REFUSED',
      `admin endpoints answer only Host ${expectedHost(req)} (the loopback address they listen on)`,
    );
  if (token !== undefined) {
    const auth = req.headers.authorization ?? '';
    const given = auth.startsWith('Bearer ') ? auth.slice(7) : '';
    if (!sameToken(given, token))
      return new AdminError(401, 'UNAUTHORIZED', 'admin endpoints need authorization: Bearer <admin token>');
  }
  const hasBody =
    req.method === 'POST' ||
    req.headers['transfer-encoding'] !== undefined ||
    Number(req.headers['content-length'] ?? 0) > 0;
  if (hasBody && !/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
    return new AdminError(415, 'UNSUPPORTED_MEDIA_TYPE', 'an admin request body must be application/json');
  return null;
}
