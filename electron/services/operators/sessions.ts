// Sessions of signed-in operators, in memory only: a restart of the host signs everyone out. The
// page holds the token (32 random bytes); the host keeps only its SHA-256 and looks sessions up by
// it, so nothing in memory or in a log can be replayed as a session, and the lookup time says
// nothing about how much of a token was right. A session lasts a working day at most.
import { createHash, randomBytes as nodeRandomBytes } from 'node:crypto';

export const SESSION_MAX_MS = 14 * 3600_000;

export interface Session {
  digest: string;
  operatorId: string;
  createdAt: number;
  /** the screen is locked: only unlock and sign-out are answered */
  locked: boolean;
}

const digestOf = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export function createSessions(now: () => Date, randomBytes: (n: number) => Buffer = nodeRandomBytes) {
  const sessions = new Map<string, Session>();
  return {
    open(operatorId: string): { token: string; session: Session } {
      const token = randomBytes(32).toString('base64url');
      const session: Session = {
        digest: digestOf(token),
        operatorId,
        createdAt: now().getTime(),
        locked: false,
      };
      sessions.set(session.digest, session);
      return { token, session };
    },
    /** the live session of a token, or null (unknown, ended or older than a working day) */
    find(token: string): Session | null {
      const session = sessions.get(digestOf(token));
      if (!session) return null;
      if (now().getTime() - session.createdAt > SESSION_MAX_MS) {
        sessions.delete(session.digest);
        return null;
      }
      return session;
    },
    end(session: Session): void {
      sessions.delete(session.digest);
    },
    /** ends every session of an operator (disabled); returns them */
    endAllOf(operatorId: string): Session[] {
      const ended = [...sessions.values()].filter((s) => s.operatorId === operatorId);
      for (const s of ended) sessions.delete(s.digest);
      return ended;
    },
    all(): Session[] {
      return [...sessions.values()];
    },
  };
}
export type Sessions = ReturnType<typeof createSessions>;
