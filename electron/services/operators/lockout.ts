// Wrong PINs in a row lock an account for a while: five in a row, then fifteen minutes in which even
// the right PIN is refused. The count is kept in the operators file, so restarting the station does
// not give a guesser five more tries; a right PIN (outside a lockout) clears it, and so does an
// administrator setting a new PIN. After the lockout ends the count starts again from nothing.
// With 6–12 digit PINs this leaves a guesser 5 tries per 15 minutes: 480 a day against a million.

export const MAX_WRONG_PINS = 5;
export const LOCKOUT_MS = 15 * 60_000;

export interface LockoutState {
  failures: number;
  /** ISO instant, or null */
  lockedUntil: string | null;
}

export function lockedUntil(state: LockoutState, now: Date): Date | null {
  if (state.lockedUntil === null) return null;
  const until = new Date(state.lockedUntil);
  return until.getTime() > now.getTime() ? until : null;
}

/** The state after one more wrong PIN. */
export function afterWrongPin(state: LockoutState, now: Date): LockoutState {
  const expired = state.lockedUntil !== null && lockedUntil(state, now) === null;
  const failures = (expired ? 0 : state.failures) + 1;
  return {
    failures,
    lockedUntil:
      failures >= MAX_WRONG_PINS
        ? new Date(now.getTime() + LOCKOUT_MS).toISOString()
        : expired
          ? null
          : state.lockedUntil,
  };
}

export const CLEAR_LOCKOUT: LockoutState = { failures: 0, lockedUntil: null };
