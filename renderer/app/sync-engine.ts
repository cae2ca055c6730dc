// The station's sync loop: pull every dataset, then drain the outbox, every 20 seconds and on demand
// (F9). Pull and push run in the renderer because the renderer owns the data; the host only signs.
// One writer across windows is the pusher's own Web Lock (renderer/sync/writer-lock.ts).
import { create } from 'zustand';
import type { StationApi } from '../../shared/station-api';
import type { StationDb } from '../db';
import { createPusher, failureCode, failureKind, pullAll, type PlatformPort } from '../sync';

export interface SyncState {
  connection: 'unknown' | 'online' | 'offline';
  running: boolean;
  lastError: { code: string; message: string } | null;
  lastCycleAt: string | null;
}

export const useSyncStore = create<SyncState>(() => ({
  connection: 'unknown',
  running: false,
  lastError: null,
  lastCycleAt: null,
}));

export interface SyncEngine {
  /** One pull + push now; resolves when done (a cycle already running is joined, not doubled). */
  runOnce(): Promise<void>;
  start(): void;
  stop(): void;
}

const INTERVAL_MS = 20_000;

export function createSyncEngine(deps: { db: StationDb; port: PlatformPort; api: StationApi }): SyncEngine {
  const pusher = createPusher({ db: deps.db, port: deps.port });
  let current: Promise<void> | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;

  async function cycle(): Promise<void> {
    useSyncStore.setState({ running: true });
    try {
      for (const r of await pullAll(deps.db, deps.port)) {
        // the pull succeeded; only the merge of its lookup segments did not (tried again next cycle)
        if (r.compaction_error)
          console.warn(`lookup segments of ${r.dataset} not merged: ${r.compaction_error}`);
      }
      await pusher.recoverInFlight();
      const report = await pusher.drain();
      const offline = report.outcome === 'transient';
      useSyncStore.setState({ connection: offline ? 'offline' : 'online', lastError: report.error ?? null });
    } catch (e) {
      const transient = failureKind(e) === 'transient';
      useSyncStore.setState({
        connection: transient ? 'offline' : 'online',
        lastError: { code: failureCode(e), message: e instanceof Error ? e.message : String(e) },
      });
    } finally {
      useSyncStore.setState({ running: false, lastCycleAt: new Date().toISOString() });
    }
  }

  const runOnce = () => (current ??= cycle().finally(() => (current = null)));
  return {
    runOnce,
    start() {
      if (timer) return;
      void runOnce();
      timer = setInterval(() => void runOnce(), INTERVAL_MS);
      deps.api.on('platform.status', (s) => {
        if (s.state === 'online' && useSyncStore.getState().connection === 'offline') void runOnce();
      });
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
