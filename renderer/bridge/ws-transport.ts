// The StationApi over the agent's loopback WebSocket (browser mode). Calls carry increasing ids and
// wait for the matching answer; events fan out to local listeners. The socket opens lazily and is
// reopened on the next call after it drops; calls in flight when it drops fail with TRANSPORT_CLOSED
// (which sync treats as transient, like any failure without a `kind`). The address is asked for at
// every (re)connect, because the first one spends a one-time code and the next ones carry the
// session the agent answered with: a connection opened with a code counts as open only once that
// session frame has arrived.
import {
  rpcServerMessageSchema,
  stationError,
  StationApiError,
  type StationEvent,
  type StationTransport,
} from '../../shared/station-api';

/** The part of the browser's WebSocket this transport uses (so Node tests can pass `ws`). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  addEventListener(type: 'open' | 'close' | 'error', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

export interface WebSocketTransport extends StationTransport {
  close(): void;
}

export interface SocketTarget {
  url: string;
  /** The connection spends a one-time code: wait for the agent's session frame before calling. */
  awaitSession: boolean;
}

export interface WebSocketTransportOptions {
  callTimeoutMs?: number;
  /** The agent's session for this page (first frame after a code was spent). */
  onSession?: (session: string) => void;
}

const OPEN = 1;

const closedError = () =>
  stationError('TRANSPORT_CLOSED', '与本机服务的连接已断开', 'The connection to the station service closed');

/** The connection never opened: the agent is down, or refused the code or session. */
const refusedError = () =>
  stationError(
    'TRANSPORT_CLOSED',
    '无法连接本机服务，或登录代码已失效：请确认 npm start 正在运行，并打开它新打印的地址',
    'Cannot reach the station service, or its code is no longer valid: check that npm start is running and open the address it printed',
    { errCode: 'AGENT_REFUSED' },
  );

export function createWebSocketTransport(
  target: string | (() => SocketTarget),
  openSocket: (url: string) => SocketLike,
  options: WebSocketTransportOptions = {},
): WebSocketTransport {
  const callTimeoutMs = options.callTimeoutMs ?? 130_000;
  const targetOf = typeof target === 'string' ? () => ({ url: target, awaitSession: false }) : target;
  let socket: SocketLike | null = null;
  let ready: Promise<SocketLike> | null = null;
  let nextId = 1;
  const pending = new Map<
    number,
    { resolve(v: unknown): void; reject(e: unknown): void; timer: ReturnType<typeof setTimeout> }
  >();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();

  const failAll = (error: StationApiError) => {
    for (const [id, p] of pending) {
      clearTimeout(p.timer);
      p.reject(error);
      pending.delete(id);
    }
  };

  const connect = (): Promise<SocketLike> => {
    if (ready) return ready;
    ready = new Promise<SocketLike>((resolve, reject) => {
      const { url, awaitSession } = targetOf();
      const s = openSocket(url);
      socket = s;
      let opened = false;
      let usable = false;
      const markReady = () => {
        if (usable) return;
        usable = true;
        resolve(s);
      };
      s.addEventListener('open', () => {
        opened = true;
        if (!awaitSession) markReady();
      });
      s.addEventListener('close', () => {
        // A socket this transport already let go of (close(), then a new connect) fails nothing:
        // the calls waiting now belong to its successor.
        if (socket === s) {
          socket = null;
          ready = null;
          failAll(closedError());
        }
        if (!usable) reject(opened ? closedError() : refusedError());
      });
      s.addEventListener('error', () => undefined); // 'close' follows and carries the consequence
      s.addEventListener('message', (event) => onMessage(event.data, markReady));
    });
    return ready;
  };

  const onMessage = (data: unknown, markReady: () => void) => {
    let parsed;
    try {
      parsed = rpcServerMessageSchema.safeParse(JSON.parse(String(data)));
    } catch {
      return;
    }
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.type === 'session') {
      options.onSession?.(message.token);
      markReady();
      return;
    }
    if (message.type === 'event') {
      for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
      return;
    }
    if (message.id === null) return;
    const waiting = pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id);
    clearTimeout(waiting.timer);
    if (message.type === 'result') waiting.resolve(message.output);
    else waiting.reject(new StationApiError(message.error));
  };

  return {
    async call(channel, input) {
      const s = await connect();
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(stationError('TIMEOUT', `${channel} 超时未响应`, `${channel} did not answer in time`));
        }, callTimeoutMs);
        pending.set(id, { resolve, reject, timer });
        if (s.readyState !== OPEN) {
          pending.delete(id);
          clearTimeout(timer);
          reject(closedError());
          return;
        }
        s.send(JSON.stringify({ type: 'call', id, channel, input }));
      });
    },
    subscribe(event: StationEvent, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      // Events only flow on an open socket: listening is a reason to connect.
      void connect().catch(() => undefined);
      return () => {
        set.delete(listener);
      };
    },
    close() {
      socket?.close();
      socket = null;
      ready = null;
      failAll(closedError());
    },
  };
}
