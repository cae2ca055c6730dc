// The station's sync loop: pull every dataset, then drain the outbox, every 20 seconds and on demand
// (F9). Pull and push run in the renderer because the renderer owns the data; the host only signs.
// One writer across windows is the pusher's own Web Lock (writer-lock.ts). The engine's state is a
// plain (vanilla) zustand store, so this module needs no React: the status bar reads it with
// zustand's useStore.
//
// The state says what a cashier must know, in the order it matters (docs/sync.md, "What the status
// bar says"): the platform refuses this station (its signature or its clock: `blocked`, never
// "online"), the queue is stuck, the network is down and since when, and whether the journal on the
// host's disk can be written — without it nothing is settled.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { JournalStatus, StationApi } from '../../shared/station-api';
import type { StationDb } from '../db';
import type { PlatformPort } from './platform-port';
import { failureCode, failureKind, failureMessage } from './platform-port';
import { pullAll } from './pull';
import { createPusher } from './push';

/** online: the last cycle worked; offline: the platform cannot be reached (retried by itself);
 * blocked: the platform answered but refuses us or the queue (waits for a person). */
export type Connection = 'unknown' | 'online' | 'offline' | 'blocked';

export interface SyncProblem {
  code: string;
  message: string;
}

export interface SyncState {
  connection: Connection;
  running: boolean;
  /** why the station is offline or blocked (the platform's or the network's words) */
  lastError: SyncProblem | null;
  lastCycleAt: string | null;
  /** when the station last went from reachable to unreachable; null while it is not offline */
  offlineSince: string | null;
  /** the journal as the host last reported it; null until asked (or where there is no host) */
  journal: Pick<JournalStatus, 'writable' | 'lastError'> | null;
  /** the host could not say how the journal is (it is unavailable: settling is refused) */
  journalError: SyncProblem | null;
}

export interface SyncEngine {
  /** What the status bar shows; changes with every cycle. */
  readonly state: StoreApi<SyncState>;
  /** One pull + push now; resolves when done, never rejects (a failure lands in state.lastError).
   * A cycle already running is joined, not doubled. */
  runOnce(): Promise<void>;
  /** Asks the host how the journal is (after a commit refused by it, say); never rejects. */
  checkJournal(): Promise<void>;
  start(): void;
  stop(): void;
}

export type LogWrite = (
  level: 'info' | 'warn' | 'error',
  message: string,
  fields?: Record<string, unknown>,
) => void;

export interface SyncEngineDeps {
  db: StationDb;
  port: PlatformPort;
  /** the host's platform.status events: a return to online starts a cycle at once */
  api: Pick<StationApi, 'on'>;
  /** the host's journal: answers are recorded there, and its status is watched */
  journal?: Pick<StationApi['journal'], 'append' | 'status'>;
  intervalMs?: number;
  journalCheckMs?: number;
  now?: () => Date;
  /** the station's log (the host's log.write, masked there); never the console */
  log?: LogWrite;
}

const INTERVAL_MS = 20_000;
const JOURNAL_CHECK_MS = 5_000;

export function createSyncEngine(deps: SyncEngineDeps): SyncEngine {
  const now = deps.now ?? (() => new Date());
  const log: LogWrite = deps.log ?? (() => undefined);
  const pusher = createPusher({
    db: deps.db,
    port: deps.port,
    ...(deps.journal
      ? {
          journal: deps.journal,
          onJournalError: (e: unknown) => {
            log('error', 'journal: an answer could not be recorded', { code: failureCode(e) });
            void checkJournal();
          },
        }
      : {}),
  });
  const state = createStore<SyncState>(() => ({
    connection: 'unknown',
    running: false,
    lastError: null,
    lastCycleAt: null,
    offlineSince: null,
    journal: null,
    journalError: null,
  }));
  let current: Promise<void> | null = null;
  let timers: ReturnType<typeof setInterval>[] = [];
  let unsubscribe: (() => void) | null = null;

  function settle(connection: Connection, problem: SyncProblem | null): void {
    const prev = state.getState();
    const offlineSince =
      connection === 'offline'
        ? prev.connection === 'offline'
          ? prev.offlineSince
          : now().toISOString()
        : null;
    if (connection !== prev.connection)
      log(connection === 'online' ? 'info' : 'warn', `sync: ${prev.connection} → ${connection}`, {
        code: problem?.code,
      });
    state.setState({ connection, lastError: problem, offlineSince });
  }

  async function cycle(): Promise<void> {
    state.setState({ running: true });
    try {
      for (const r of await pullAll(deps.db, deps.port)) {
        // the pull succeeded; only the merge of its lookup segments did not (tried again next cycle)
        if (r.compaction_error)
          log('warn', `lookup segments of ${r.dataset} not merged`, { error: r.compaction_error });
      }
      await pusher.recoverInFlight();
      const report = await pusher.drain();
      const connection: Connection =
        report.outcome === 'transient' ? 'offline' : report.outcome === 'blocked' ? 'blocked' : 'online';
      settle(connection, report.error ?? null);
    } catch (e) {
      settle(failureKind(e) === 'transient' ? 'offline' : 'blocked', {
        code: failureCode(e),
        message: failureMessage(e),
      });
    } finally {
      state.setState({ running: false, lastCycleAt: now().toISOString() });
    }
    await checkJournal();
  }

  async function checkJournal(): Promise<void> {
    if (!deps.journal) return;
    try {
      const { writable, lastError } = await deps.journal.status();
      state.setState({ journal: { writable, lastError }, journalError: null });
    } catch (e) {
      state.setState({ journalError: { code: failureCode(e), message: failureMessage(e) } });
    }
  }

  const runOnce = () => (current ??= cycle().finally(() => (current = null)));
  return {
    state,
    runOnce,
    checkJournal,
    start() {
      if (timers.length > 0) return;
      void runOnce();
      timers = [
        setInterval(() => void runOnce(), deps.intervalMs ?? INTERVAL_MS),
        setInterval(() => void checkJournal(), deps.journalCheckMs ?? JOURNAL_CHECK_MS),
      ];
      unsubscribe = deps.api.on('platform.status', (s) => {
        if (s.state === 'online' && state.getState().connection === 'offline') void runOnce();
      });
    },
    stop() {
      timers.forEach((t) => clearInterval(t));
      timers = [];
      unsubscribe?.();
      unsubscribe = null;
    },
  };
}
