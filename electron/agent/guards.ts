// Who may talk to the agent. The agent listens on 127.0.0.1 only, and still checks every request,
// because a listening socket on loopback is reachable by every local process and by every web page
// the cashier opens (DNS rebinding, cross-site WebSocket): the peer must be loopback, the Host must
// be ours, the Origin must be the page we served, and the WebSocket must carry this launch's token.
import { timingSafeEqual } from 'node:crypto';
import net from 'node:net';

/** 127.0.0.0/8, ::1 and their IPv4-mapped IPv6 forms; everything else is a remote machine. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (net.isIPv4(v4)) return v4.split('.')[0] === '127';
  if (!net.isIPv6(address)) return false;
  return address === '::1' || address === '0:0:0:0:0:0:0:1';
}

export function tokensEqual(given: string | null | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface RequestFacts {
  remoteAddress: string | undefined;
  host: string | undefined;
  origin: string | undefined;
}

export type Verdict = { ok: true } | { ok: false; status: 400 | 401 | 403 | 421; reason: string };

/** Checks every HTTP request (static files and the WebSocket upgrade alike). */
export function checkRequest(facts: RequestFacts, port: number): Verdict {
  if (!isLoopbackAddress(facts.remoteAddress)) return { ok: false, status: 403, reason: 'non-loopback peer' };
  if (facts.host !== `127.0.0.1:${port}`) return { ok: false, status: 421, reason: 'foreign Host header' };
  return { ok: true };
}

/** Checks a WebSocket upgrade on top of checkRequest: same-origin page and the launch token. */
export function checkUpgrade(
  facts: RequestFacts & { token: string | null },
  port: number,
  expectedToken: string,
): Verdict {
  const base = checkRequest(facts, port);
  if (!base.ok) return base;
  if (facts.origin !== agentOrigin(port)) return { ok: false, status: 403, reason: 'foreign Origin' };
  if (!tokensEqual(facts.token, expectedToken))
    return { ok: false, status: 401, reason: 'missing or wrong token' };
  return { ok: true };
}

export function agentOrigin(port: number): string {
  return `http://127.0.0.1:${port}`;
}
