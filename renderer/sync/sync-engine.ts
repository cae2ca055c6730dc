// The station's sync loop: pull every dataset, then drain the outbox, every 20 seconds and on demand
// (F9). Pull and push run in the renderer because the renderer owns the data; the host only signs.
// One writer across windows is the pusher's own Web Lock (writer-lock.ts). The engine's state is a
// plain (vanilla) zustand store, so this module needs no React: the sync indicator reads it with
// zustand's useStore.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { StationApi } from '../../shared/station-api';
import type { StationDb } from '../db';
import type { PlatformPort } from './platform-port';
import { failureCode, failureKind } from './platform-port';
import { pullAll } from './pull';
import { createPusher } from './push';

export interface SyncState {
  connection: 'unknown' | 'online' | 'offline';
  running: boolean;
  lastError: { code: string; message: string } | null;
  lastCycleAt: string | null;
}

export interface SyncEngine {
  /** What the indicator shows; changes with every cycle. */
  readonly state: StoreApi<SyncState>;
  /** One pull + push now; resolves when done, never rejects (a failure lands in state.lastError).
   * A cycle already running is joined, not doubled. */
  runOnce(): Promise<void>;
  start(): void;
  stop(): void;
}

export interface SyncEngineDeps {
  db: StationDb;
  port: PlatformPort;
  /** the host's platform.status events: a return to online starts a cycle at once */
  api: Pick<StationApi, 'on'>;
  intervalMs?: number;
  now?: () => Date;
  warn?: (message: string) => void;
}

const INTERVAL_MS = 20_000;

export function createSyncEngine(deps: SyncEngineDeps): SyncEngine {
  const pusher = createPusher({ db: deps.db, port: deps.port });
  const now = deps.now ?? (() => new Date());
  const warn = deps.warn ?? ((m: string) => console.warn(m));
  const state = createStore<SyncState>(() => ({
    connection: 'unknown',
    running: false,
    lastError: null,
    lastCycleAt: null,
  }));
  let current: Promise<void> | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  let unsubscribe: (() => void) | null = null;

  async function cycle(): Promise<void> {
    state.setState({ running: true });
    try {
      for (const r of await pullAll(deps.db, deps.port)) {
        // the pull succeeded; only the merge of its lookup segments did not (tried again next cycle)
        if (r.compaction_error) warn(`lookup segments of ${r.dataset} not merged: ${r.compaction_error}`);
      }
      await pusher.recoverInFlight();
      const report = await pusher.drain();
      const offline = report.outcome === 'transient';
      state.setState({ connection: offline ? 'offline' : 'online', lastError: report.error ?? null });
    } catch (e) {
      const transient = failureKind(e) === 'transient';
      state.setState({
        connection: transient ? 'offline' : 'online',
        lastError: { code: failureCode(e), message: e instanceof Error ? e.message : String(e) },
      });
    } finally {
      state.setState({ running: false, lastCycleAt: now().toISOString() });
    }
  }

  const runOnce = () => (current ??= cycle().finally(() => (current = null)));
  return {
    state,
    runOnce,
    start() {
      if (timer) return;
      void runOnce();
      timer = setInterval(() => void runOnce(), deps.intervalMs ?? INTERVAL_MS);
      unsubscribe = deps.api.on('platform.status', (s) => {
        if (s.state === 'online' && state.getState().connection === 'offline') void runOnce();
      });
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
      unsubscribe?.();
      unsubscribe = null;
    },
  };
}
