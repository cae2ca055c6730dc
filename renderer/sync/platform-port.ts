// How sync reaches the national platform. In the app this is StationApi.platform.call (the main
// process signs; the renderer never holds the secret); in Node tests it is the platform client
// talking to the real platform-sim over HTTP. Sync only needs to tell transient from permanent.

export interface PlatformPort {
  /** `timeoutMs`: how long the host waits for the answer (the counter's online reads, 1.5 s). */
  call(infno: string, input: unknown, opts?: { timeoutMs?: number }): Promise<unknown>;
}

export type FailureKind = 'transient' | 'permanent';

/** What sync makes of a failed call. The platform client throws PlatformError {kind, errCode,
 * message}; anything without a kind (a dropped IPC channel, a TypeError from fetch) is transient,
 * because retrying an idempotent upload is always safe and giving up is not. */
export function failureKind(e: unknown): FailureKind {
  if (e && typeof e === 'object' && 'kind' in e) {
    const kind = (e as { kind: unknown }).kind;
    if (kind === 'permanent') return 'permanent';
  }
  return 'transient';
}

export function failureCode(e: unknown): string {
  if (e && typeof e === 'object') {
    const o = e as { errCode?: unknown; code?: unknown; name?: unknown };
    if (typeof o.errCode === 'string') return o.errCode;
    if (typeof o.code === 'string') return o.code;
    if (typeof o.name === 'string') return o.name;
  }
  return 'UNKNOWN';
}

export function failureMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
