// Exponential backoff with full jitter (delay = random in [0, min(cap, base·2^attempt)]): many
// stations coming back after one outage spread their retries instead of hitting the platform at
// once. The random source is a parameter so tests are deterministic.

export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, capMs: 60_000 };

/** attempt counts from 0 (the first retry). random() returns [0, 1). */
export function backoffDelay(
  attempt: number,
  random: () => number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}
