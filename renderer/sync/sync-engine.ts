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
import { incompleteDatasets, type DatasetName, type StationDb } from '../db';
import type { PlatformPort } from './platform-port';
import { failureCode, failureKind, failureMessage } from './platform-port';
import { DATASETS, pullAll, type PullOptions, type PullProgress } from './pull';
import { createPusher } from './push';

/** online: the last cycle worked; offline: the platform cannot be reached (retried by itself);
 * blocked: the platform answered but refuses us or the queue (waits for a person). */
export type Connection = 'unknown' | 'online' | 'offline' | 'blocked';

export interface SyncProblem {
  code: string;
  message: string;
}

/** One dataset in the pull of the cycle running (or last run): the status bar's progress bar. */
export interface DatasetPull {
  /** waiting: not reached yet in this cycle; done: pulled to its last page in this cycle */
  state: 'waiting' | 'pulling' | 'done' | 'failed';
  /** changes (rows and deletions) stored in this cycle */
  stored: number;
  /** changes the platform announced for this cycle, known from the first page on */
  announced: number | null;
}

export interface PullState {
  datasets: Record<DatasetName, DatasetPull>;
  /** the datasets never yet pulled whole here (a new station's first sync): the counter waits for
   * the ones it needs, the catalogs are asked on demand */
  incomplete: DatasetName[];
}

export interface SyncState {
  connection: Connection;
  /** the pull of the cycle running or last run; null before the first cycle */
  pull: PullState | null;
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

/** The pull's hooks that keep SyncState.pull up to date, and what marks the dataset a failure stopped. */
type PullTracking = Required<Pick<PullOptions, 'onStart' | 'onPage'>> & { failed(): void };

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
    pull: null,
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
    let tracking: PullTracking | null = null;
    try {
      tracking = await pullTracking();
      for (const r of await pullAll(deps.db, deps.port, tracking)) {
        // the pull succeeded; only the merge of its lookup segments or the compaction of its packs did
        // not (the segments are merged again next cycle; the packs' older entries stay until those
        // keys change again)
        if (r.compaction_error)
          log('warn', `${r.dataset}: stored, but not compacted after the pull`, {
            error: r.compaction_error,
          });
      }
      await pusher.recoverInFlight();
      const report = await pusher.drain();
      const connection: Connection =
        report.outcome === 'transient' ? 'offline' : report.outcome === 'blocked' ? 'blocked' : 'online';
      settle(connection, report.error ?? null);
    } catch (e) {
      tracking?.failed();
      settle(failureKind(e) === 'transient' ? 'offline' : 'blocked', {
        code: failureCode(e),
        message: failureMessage(e),
      });
    } finally {
      state.setState({ running: false, lastCycleAt: now().toISOString() });
    }
    await checkJournal();
  }

  /** A fresh progress record for this cycle's pull, kept up to date page by page. */
  async function pullTracking(): Promise<PullTracking> {
    const incomplete = await incompleteDatasets(deps.db, DATASETS);
    const waiting: DatasetPull = { state: 'waiting', stored: 0, announced: null };
    state.setState({
      pull: {
        datasets: Object.fromEntries(DATASETS.map((d) => [d, waiting])) as Record<DatasetName, DatasetPull>,
        incomplete,
      },
    });
    const update = (d: DatasetName, patch: (p: DatasetPull) => Partial<DatasetPull>, whole = false) => {
      const pull = state.getState().pull!;
      const datasets = { ...pull.datasets, [d]: { ...pull.datasets[d], ...patch(pull.datasets[d]) } };
      const left = whole ? pull.incomplete.filter((x) => x !== d) : pull.incomplete;
      state.setState({ pull: { datasets, incomplete: left } });
    };
    let current: DatasetName | null = null;
    return {
      onStart: (d: DatasetName) => {
        current = d;
        update(d, () => ({ state: 'pulling' }));
      },
      onPage: (p: PullProgress) =>
        update(
          p.dataset,
          (x) => ({
            stored: x.stored + p.rows + p.deleted,
            announced: x.announced ?? p.total_rows,
            state: p.more ? 'pulling' : 'done',
          }),
          !p.more,
        ),
      failed: () => {
        if (current && state.getState().pull?.datasets[current].state === 'pulling')
          update(current, () => ({ state: 'failed' }));
      },
    };
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
