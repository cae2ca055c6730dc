// The StationApi over the agent's loopback WebSocket (browser mode). Calls carry increasing ids and
// wait for the matching answer; events fan out to local listeners. The socket opens lazily and is
// reopened on the next call after it drops, so an agent restart with the same token costs one failed
// call at most; calls in flight when it drops fail with TRANSPORT_CLOSED (which sync treats as
// transient, like any failure without a `kind`).
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

const OPEN = 1;

export function createWebSocketTransport(
  url: string,
  openSocket: (url: string) => SocketLike,
  callTimeoutMs = 130_000,
): WebSocketTransport {
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
      const s = openSocket(url);
      socket = s;
      let opened = false;
      s.addEventListener('open', () => {
        opened = true;
        resolve(s);
      });
      s.addEventListener('close', () => {
        if (socket === s) {
          socket = null;
          ready = null;
        }
        const error = stationError(
          'TRANSPORT_CLOSED',
          '与本机服务的连接已断开',
          'The connection to the station service closed',
        );
        failAll(error);
        if (!opened) reject(error);
      });
      s.addEventListener('error', () => undefined); // 'close' follows and carries the consequence
      s.addEventListener('message', (event) => onMessage(event.data));
    });
    return ready;
  };

  const onMessage = (data: unknown) => {
    let parsed;
    try {
      parsed = rpcServerMessageSchema.safeParse(JSON.parse(String(data)));
    } catch {
      return;
    }
    if (!parsed.success) return;
    const message = parsed.data;
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
          reject(
            stationError(
              'TRANSPORT_CLOSED',
              '与本机服务的连接已断开',
              'The connection to the station service closed',
            ),
          );
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
    },
  };
}
