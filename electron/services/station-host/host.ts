// The StationApi implemented over the Node services: one handler per contract channel. Electron main
// (over IPC) and the browser-mode agent (over WebSocket) both call `dispatch`, which validates the
// input where it enters the process, runs the handler, checks the output against the contract, and
// turns any failure into an error payload. Nothing here knows which transport is in use.
import {
  fromZodError,
  isStationChannel,
  stationError,
  stationEvents,
  stationMethods,
  type PlatformStatus,
  type StationChannel,
  type StationResult,
  type StationEvent,
  type StationEventPayload,
  type StationParsedInput,
  type StationOutput,
} from '../../../shared/station-api';
import { isPlatformErrorLike, toHostError } from './errors';
import { operatorHandlers } from './operator-handlers';
import type { HostEventListener, StationHostDeps } from './ports';

export type DispatchResult = StationResult;

export interface StationHost {
  dispatch(channel: unknown, input: unknown): Promise<DispatchResult>;
  subscribe(listener: HostEventListener): () => void;
  close(): void;
}

type Handlers = {
  [C in StationChannel]: (input: StationParsedInput<C>) => Promise<StationOutput<C>> | StationOutput<C>;
};

const OK = { ok: true } as const;
const NO_INBOX = { configured: false, dir: null, files: [], problem: null };

export function createStationHost(deps: StationHostDeps): StationHost {
  const now = deps.now ?? (() => new Date());
  const listeners = new Set<HostEventListener>();
  const emit = <E extends StationEvent>(event: E, payload: StationEventPayload<E>) => {
    // Our own events are checked too: a malformed one is a bug here, not the page's problem.
    const parsed = stationEvents[event].safeParse(payload);
    if (!parsed.success) {
      deps.log.write('error', `dropped malformed ${event} event`, { issue: parsed.error.issues[0]?.message });
      return;
    }
    for (const listener of listeners) listener(event, parsed.data as StationEventPayload<E>);
  };

  let platformStatus: PlatformStatus = {
    state: 'unknown',
    lastSuccessAt: null,
    lastFailureAt: null,
    lastError: null,
  };
  const notePlatform = (next: PlatformStatus) => {
    const changed = next.state !== platformStatus.state;
    platformStatus = next;
    if (changed) emit('platform.status', next);
  };

  const card = () => {
    if (!deps.card)
      throw stationError('CARD_UNAVAILABLE', '读卡服务不可用', 'The card service is not available');
    return deps.card;
  };

  const journal = () => {
    if (!deps.journal)
      throw stationError(
        'JOURNAL_UNAVAILABLE',
        '结算日志无法打开，为防止丢失，暂停结算',
        'The settlement journal cannot be opened; settling is paused so nothing can be lost',
      );
    return deps.journal;
  };

  const inbox = () => {
    if (!deps.billInbox)
      throw stationError(
        'NOT_CONFIGURED',
        '本工作站未配置账单文件夹',
        'This station has no bill folder configured',
      );
    return deps.billInbox;
  };

  const handlers: Handlers = {
    'app.info': () => ({ ...deps.app }),
    'config.get': () => deps.configView(),
    'platform.call': async ({ infno, input, timeoutMs, insuplcAdmdvs }) => {
      if (infno === '9002')
        throw stationError(
          'NOT_PERMITTED',
          '签退（9002）随操作员退出发出',
          'Sign-out (9002) is sent when the operator signs out',
        );
      if (!deps.platform)
        throw stationError(
          'NOT_CONFIGURED',
          '工作站尚未配置医保平台',
          'The station has no platform configured',
        );
      try {
        const opts = { ...(timeoutMs ? { timeoutMs } : {}), ...(insuplcAdmdvs ? { insuplcAdmdvs } : {}) };
        const output = await deps.platform.call(infno, input, opts);
        notePlatform({ ...platformStatus, state: 'online', lastSuccessAt: now().toISOString() });
        return { output };
      } catch (err) {
        if (isPlatformErrorLike(err)) {
          // A permanent refusal is still an answer: the platform is reachable.
          notePlatform({
            state: err.kind === 'transient' ? 'offline' : 'online',
            lastSuccessAt: platformStatus.lastSuccessAt,
            lastFailureAt: now().toISOString(),
            lastError: { kind: err.kind, errCode: err.errCode, message: err.message },
          });
        }
        throw err;
      }
    },
    'platform.status': () => platformStatus,
    'card.status': () => card().status(),
    'card.listDemoCards': () => ({ cards: card().listDemoCards() }),
    'card.insertDemoCard': async ({ card_id }) => {
      await card().insertDemoCard(card_id);
      return OK;
    },
    'card.removeDemoCard': async () => {
      await card().removeDemoCard();
      return OK;
    },
    'demo.bills': (who) => {
      if (!deps.demo)
        throw stationError(
          'NOT_CONFIGURED',
          '这不是演示工作站，没有演示账单',
          'This is not a demo station: there are no demo bills',
        );
      return { bills: deps.demo.bills(who) };
    },
    'print.receiptPdf': async ({ html, name }) => ({ path: await deps.print.savePdf(html, name) }),
    'print.receiptDialog': async ({ html }) => ({
      outcome: deps.print.dialog ? await deps.print.dialog(html) : 'browser',
    }),
    'billInbox.list': () => deps.billInbox?.status() ?? NO_INBOX,
    'billInbox.read': ({ name, offset }) => inbox().read(name, offset),
    'billInbox.archive': async ({ name }) => {
      await inbox().archive(name);
      return OK;
    },
    'journal.append': ({ entries }) => journal().append(entries),
    'journal.withdraw': (w) => journal().withdraw(w),
    'journal.index': () => ({ rows: journal().index() }),
    'journal.get': async ({ ids }) => ({ entries: await journal().get(ids) }),
    'journal.status': () => journal().status(),
    ...operatorHandlers(deps.operators, deps.log),
    'log.write': ({ level, message, fields }) => {
      deps.log.write(level, `[renderer] ${message}`, fields);
      return OK;
    },
  };

  const unsubscribers: Array<() => void> = [];
  if (deps.billInbox)
    unsubscribers.push(deps.billInbox.onChange((status) => emit('billInbox.changed', status)));
  if (deps.card) {
    unsubscribers.push(deps.card.onRead((read) => emit('card.read', read)));
    unsubscribers.push(deps.card.onStatus((status) => emit('card.status', status)));
    unsubscribers.push(deps.card.onError((error) => emit('card.error', error)));
  }

  return {
    async dispatch(channel, input) {
      if (!isStationChannel(channel)) {
        return {
          ok: false,
          error: stationError(
            'UNKNOWN_CHANNEL',
            `未知调用 ${String(channel).slice(0, 100)}`,
            `Unknown channel ${String(channel).slice(0, 100)}`,
          ).toPayload(),
        };
      }
      const schema = stationMethods[channel];
      const parsed = schema.input.safeParse(input ?? {});
      if (!parsed.success)
        return { ok: false, error: fromZodError('INVALID_INPUT', channel, parsed.error).toPayload() };
      try {
        const handler = handlers[channel] as (input: unknown) => unknown;
        const output = schema.output.safeParse(await handler(parsed.data));
        if (!output.success) {
          deps.log.write('error', `handler ${channel} broke the contract`, {
            issue: output.error.issues[0]?.message,
          });
          return { ok: false, error: fromZodError('INVALID_OUTPUT', channel, output.error).toPayload() };
        }
        return { ok: true, output: output.data };
      } catch (err) {
        const error = toHostError(err, channel);
        deps.log.write(error.code === 'INTERNAL' ? 'error' : 'warn', `${channel} failed: ${error.code}`, {
          errCode: error.errCode,
          cause: err instanceof Error ? err.message : String(err),
        });
        return { ok: false, error };
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      unsubscribers.splice(0).forEach((u) => u());
      listeners.clear();
    },
  };
}
