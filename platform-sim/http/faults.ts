// Fault injection for sync tests (admin only): latency, dropped connections, HTTP 5xx, requests that
// never answer, responses lost after the work was committed, and a network partition for N seconds.
// Faults apply to protocol calls only; health and admin endpoints stay reachable so a test can heal.

import type { Socket } from 'node:net';

export interface FaultSettings {
  /** added before every protocol call is handled */
  latency_ms?: number;
  /** the next N calls: the connection is destroyed before the request is handled */
  drop_next?: number;
  /** the next N calls are handled, committed, then the connection is destroyed (the answer is lost) */
  drop_response_next?: number;
  /** the next N calls answer this HTTP status (default 503) without being handled */
  error_next?: number;
  error_status?: number;
  /** the next N calls never answer (the client times out) */
  timeout_next?: number;
  /** for N seconds every new connection is reset at once, as if the network were cut */
  partition_seconds?: number;
  /** every 8201 whose batch contains one of these local_setl_ids fails with HTTP 500, committing
   * nothing (a settlement the platform keeps failing on); [] clears */
  fail_8201_with?: string[];
}

export interface FaultState {
  latency_ms: number;
  drop_next: number;
  drop_response_next: number;
  error_next: number;
  error_status: number;
  timeout_next: number;
  partition_until_ms: number;
  fail_8201_with: string[];
}

export type FaultAction = 'none' | 'drop' | 'drop_response' | 'error' | 'timeout';

export class Faults {
  private state: FaultState = Faults.clear();
  private readonly hung = new Set<Socket>();

  constructor(private readonly now: () => number) {}

  static clear(): FaultState {
    return {
      latency_ms: 0,
      drop_next: 0,
      drop_response_next: 0,
      error_next: 0,
      error_status: 503,
      timeout_next: 0,
      partition_until_ms: 0,
      fail_8201_with: [],
    };
  }

  set(s: FaultSettings): FaultState {
    const st = this.state;
    if (s.latency_ms !== undefined) st.latency_ms = s.latency_ms;
    if (s.drop_next !== undefined) st.drop_next = s.drop_next;
    if (s.drop_response_next !== undefined) st.drop_response_next = s.drop_response_next;
    if (s.error_next !== undefined) st.error_next = s.error_next;
    if (s.error_status !== undefined) st.error_status = s.error_status;
    if (s.timeout_next !== undefined) st.timeout_next = s.timeout_next;
    if (s.fail_8201_with !== undefined) st.fail_8201_with = [...s.fail_8201_with];
    if (s.partition_seconds !== undefined)
      st.partition_until_ms = s.partition_seconds > 0 ? this.now() + s.partition_seconds * 1000 : 0;
    return this.snapshot();
  }

  reset(): FaultState {
    this.state = Faults.clear();
    this.releaseHung();
    return this.snapshot();
  }

  snapshot(): FaultState {
    return { ...this.state, fail_8201_with: [...this.state.fail_8201_with] };
  }

  /** Throws (an internal error: HTTP 500) when an 8201 input names a poisoned local_setl_id. */
  failIfPoisoned(infno: string, input: unknown): void {
    const poisoned = this.state.fail_8201_with;
    if (infno !== '8201' || poisoned.length === 0) return;
    const list =
      (input as { data?: { settlements?: { local_setl_id?: unknown }[] } }).data?.settlements ?? [];
    const hit = list.find((x) => poisoned.includes(String(x.local_setl_id)));
    if (hit) throw new Error(`injected fault: 8201 fails on ${String(hit.local_setl_id)}`);
  }

  partitioned(): boolean {
    return this.state.partition_until_ms > this.now();
  }

  get latencyMs(): number {
    return this.state.latency_ms;
  }

  get errorStatus(): number {
    return this.state.error_status;
  }

  /** Takes the next one-shot fault for a protocol call, in a fixed order. */
  take(): FaultAction {
    const st = this.state;
    const order = [
      ['drop_next', 'drop'],
      ['error_next', 'error'],
      ['timeout_next', 'timeout'],
      ['drop_response_next', 'drop_response'],
    ] as const;
    for (const [counter, action] of order) {
      if (st[counter] > 0) {
        st[counter] -= 1;
        return action;
      }
    }
    return 'none';
  }

  /** A request left hanging is remembered so close() can end it. */
  hang(socket: Socket): void {
    this.hung.add(socket);
    socket.once('close', () => this.hung.delete(socket));
  }

  releaseHung(): void {
    for (const s of this.hung) s.destroy();
    this.hung.clear();
  }
}
