// The operator's session on this page: who signed in (the host checked the PIN and holds the account;
// the page keeps only the session token, in memory), whether the screen is locked, and after how long
// idle it locks. A locked screen keeps the session and everything the screens hold (the counter's
// patient); only the same operator's PIN unlocks it, or another operator signs in, which ends the
// first one's session properly (9002 for them, 9001 for the new one, both in the audit log).
// Every sign-in, refusal, lock, unlock and sign-out is appended to the audit chain.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { DEFAULT_IDLE_LOCK_SECONDS, type SignOutReason, type StationApi } from '../../shared/station-api';
import { stationError } from '../../shared/station-api';
import { recordAudit, type StationDb } from '../db';
import type { Operator } from './operator';

export interface SessionState {
  operator: Operator | null;
  locked: boolean;
  /** why it locked: the idle timer or the cashier (F12) */
  lockedBy: 'idle' | 'key' | null;
  idleLockSeconds: number;
}

export interface SessionActions {
  signIn(operator_id: string, pin: string): Promise<void>;
  signOut(reason: SignOutReason): Promise<void>;
  lock(by: 'idle' | 'key'): Promise<void>;
  unlock(pin: string): Promise<void>;
  /** another operator signs in at the locked screen: theirs starts, the first one's ends */
  takeOver(operator_id: string, pin: string): Promise<void>;
  setIdleLockSeconds(seconds: number): void;
  /** A host call that names the session (approvals, the administrator's channels): the token is
   * handed to `call` and nowhere else. Refused while nobody is signed in or the screen is locked. */
  withSession<T>(call: (session: string) => Promise<T>): Promise<T>;
}

export type SessionStore = StoreApi<SessionState & { actions: SessionActions }>;

export interface SessionDeps {
  api: Pick<StationApi, 'operators'>;
  db: StationDb;
  now?: () => Date;
}

/** A session already open (component tests start signed in). */
export interface OpenSession {
  token: string;
  operator: Operator;
  idleLockSeconds?: number;
}

const noSession = () => stationError('SESSION_INVALID', '请先登录（或解锁）', 'Sign in (or unlock) first');

export function createSessionStore(deps: SessionDeps, open?: OpenSession): SessionStore {
  const now = deps.now ?? (() => new Date());
  // The token stays in this closure: no component, store subscriber or devtools state ever sees it.
  let token: string | null = open?.token ?? null;
  const audit = (kind: string, opter: string | null, detail: Record<string, unknown>) =>
    recordAudit(deps.db, { at: now().toISOString(), kind, opter, detail });

  return createStore<SessionState & { actions: SessionActions }>((set, get) => {
    async function openSession(operator_id: string, pin: string, detail: Record<string, unknown>) {
      try {
        const out = await deps.api.operators.signIn({ operator_id, pin });
        await audit('operator.signed_in', out.operator.id, { role: out.operator.role, ...detail });
        return out;
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        await audit('operator.sign_in_refused', null, {
          operator_id: operator_id.slice(0, 30),
          code: typeof code === 'string' ? code : 'UNKNOWN',
        });
        throw error;
      }
    }

    async function endSession(reason: SignOutReason, detail: Record<string, unknown> = {}) {
      const { operator } = get();
      const ending = token;
      token = null;
      set({ operator: null, locked: false, lockedBy: null });
      if (!ending || !operator) return;
      await audit('operator.signed_out', operator.id, { reason, ...detail });
      await deps.api.operators.signOut({ session: ending, reason });
    }

    const actions: SessionActions = {
      async signIn(operator_id, pin) {
        const out = await openSession(operator_id, pin, {});
        token = out.session;
        set({ operator: out.operator, locked: false, lockedBy: null, idleLockSeconds: out.idleLockSeconds });
      },
      signOut: (reason) => endSession(reason),
      async lock(by) {
        const { operator, locked } = get();
        if (!operator || !token || locked) return;
        set({ locked: true, lockedBy: by });
        await audit('operator.locked', operator.id, { by });
        await deps.api.operators.lock({ session: token });
      },
      async unlock(pin) {
        const { operator } = get();
        if (!operator || !token) return;
        try {
          await deps.api.operators.unlock({ session: token, pin });
        } catch (error) {
          const code = (error as { code?: unknown }).code;
          await audit('operator.unlock_refused', operator.id, {
            code: typeof code === 'string' ? code : 'UNKNOWN',
          });
          throw error;
        }
        set({ locked: false, lockedBy: null });
        await audit('operator.unlocked', operator.id, {});
      },
      async takeOver(operator_id, pin) {
        const first = get().operator;
        const out = await openSession(operator_id, pin, first ? { takeover_of: first.id } : {});
        await endSession('takeover', { by: out.operator.id });
        token = out.session;
        set({ operator: out.operator, locked: false, lockedBy: null, idleLockSeconds: out.idleLockSeconds });
      },
      setIdleLockSeconds(seconds) {
        set({ idleLockSeconds: seconds });
      },
      withSession(call) {
        if (!token || !get().operator || get().locked) return Promise.reject(noSession());
        return call(token);
      },
    };
    return {
      operator: open?.operator ?? null,
      locked: false,
      lockedBy: null,
      idleLockSeconds: open?.idleLockSeconds ?? DEFAULT_IDLE_LOCK_SECONDS,
      actions,
    };
  });
}
