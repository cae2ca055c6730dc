// Who may talk to the agent. The agent listens on 127.0.0.1 only, and still checks every request,
// because a listening socket on loopback is reachable by every local process and by every web page
// the cashier opens (DNS rebinding, cross-site WebSocket): the peer must be loopback, the Host must
// be ours, the Origin must be the page we served, and the WebSocket must carry a one-time code or a
// session this agent issued (sessions.ts).
import { isLoopbackAddress } from '../services/config';

export { isLoopbackAddress };

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

/** Checks a WebSocket upgrade on top of checkRequest: our own page, and a credential this agent
 * accepts (`authorized`: a valid session, or a one-time code just spent). */
export function checkUpgrade(facts: RequestFacts, port: number, authorized: () => boolean): Verdict {
  const base = checkRequest(facts, port);
  if (!base.ok) return base;
  if (facts.origin !== agentOrigin(port)) return { ok: false, status: 403, reason: 'foreign Origin' };
  // Only now is a code spent: a foreign page cannot burn the cashier's code.
  if (!authorized()) return { ok: false, status: 401, reason: 'missing, spent or wrong code or session' };
  return { ok: true };
}

export function agentOrigin(port: number): string {
  return `http://127.0.0.1:${port}`;
}
