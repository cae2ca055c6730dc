// Who may open the agent's WebSocket. The long-lived credential of a page (its session) never appears
// in any process's arguments: Chromium is opened on a one-time code (`#agent-code=…`, also the printed
// address), the page spends it on its first WebSocket upgrade and receives a session of its own in
// the first frame, which it keeps in sessionStorage (a reload of the tab still works, a new tab does
// not get it). A code that was spent, expired or never issued is refused like a wrong session.
// Only SHA-256 digests are kept, and looked up by digest, so no comparison leaks timing about a
// secret and no secret sits in the agent's memory longer than the moment it arrives.
import { createHash, randomBytes } from 'node:crypto';

/** How long an unused code stays valid: long enough to open the printed address, short enough
 * that one found later in a terminal's scroll-back or a process list is worthless. */
export const CODE_TTL_MS = 10 * 60_000;
/** Sessions and open codes the agent keeps at most (the oldest go first). */
const MAX_SESSIONS = 32;
const MAX_CODES = 16;

export interface SessionBook {
  /** A fresh one-time code. */
  issueCode(): string;
  /** Spends a code: a new session token, or null when the code is unknown, spent or expired. */
  redeem(code: string | null | undefined): string | null;
  /** Whether a session token was issued by this agent. */
  valid(session: string | null | undefined): boolean;
}

export interface SessionBookOptions {
  now?: () => number;
  random?: (n: number) => Buffer;
  codeTtlMs?: number;
  /** Sessions accepted from the start (tests that restart the agent under a page). */
  presetSessions?: string[];
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest('base64');
/** Codes and sessions are 43 base64url characters; anything else is not looked up at all. */
const WELL_FORMED = /^[A-Za-z0-9_-]{43}$/;

export function createSessionBook(options: SessionBookOptions = {}): SessionBook {
  const now = options.now ?? Date.now;
  const random = options.random ?? randomBytes;
  const ttl = options.codeTtlMs ?? CODE_TTL_MS;
  const codes = new Map<string, number>(); // digest → expiry; insertion order = age
  const sessions = new Set<string>(); // digests
  const fresh = () => random(32).toString('base64url');
  const bounded = <T>(store: Map<string, T> | Set<string>, max: number) => {
    while (store.size > max) store.delete(store.keys().next().value as string);
  };
  for (const s of options.presetSessions ?? []) if (WELL_FORMED.test(s)) sessions.add(digest(s));

  return {
    issueCode() {
      const code = fresh();
      codes.set(digest(code), now() + ttl);
      bounded(codes, MAX_CODES);
      return code;
    },
    redeem(code) {
      if (typeof code !== 'string' || !WELL_FORMED.test(code)) return null;
      const key = digest(code);
      const expires = codes.get(key);
      codes.delete(key); // spent whether or not it was still valid
      if (expires === undefined || expires < now()) return null;
      const session = fresh();
      sessions.add(digest(session));
      bounded(sessions, MAX_SESSIONS);
      return session;
    },
    valid(session) {
      return typeof session === 'string' && WELL_FORMED.test(session) && sessions.has(digest(session));
    },
  };
}
