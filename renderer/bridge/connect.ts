// Picks the transport: inside the Electron app the preload has put window.stationApi there; in any
// other Chromium (browser mode) the agent opened the page on a one-time code in the URL fragment.
// The code leaves the address bar at once (not bookmarked, not in history or a screenshot); the
// first WebSocket upgrade spends it and the agent answers with this page's session, which is kept
// in sessionStorage: a reload of the same tab reconnects with it, a new tab does not get it. Until
// the code is spent it waits in sessionStorage too, so a reload in that moment does not lose it.
import {
  AGENT_CODE_PARAM,
  AGENT_WS_CODE_QUERY,
  AGENT_WS_PATH,
  AGENT_WS_SESSION_QUERY,
  buildStationApi,
  EXPOSED_API_KEY,
  stationError,
  transportFromExposed,
  type ExposedStationApi,
  type StationApi,
  type StationTransport,
} from '../../shared/station-api';
import { createWebSocketTransport, type SocketLike } from './ws-transport';

const SESSION_KEY = 'station.agent-session';
const CODE_KEY = 'station.agent-code';

export interface BridgeEnvironment {
  exposed?: ExposedStationApi | undefined;
  location: { host: string; hash: string; pathname: string; search: string };
  history?: { replaceState(data: unknown, unused: string, url: string): void };
  sessionStorage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  openSocket?: (url: string) => SocketLike;
  onInvalidEvent?: (event: string, message: string) => void;
}

export type StationMode = 'electron' | 'browser';

/** What this page holds to reach the agent: a session, or a one-time code still to spend. */
export type AgentCredential = { session: string } | { code: string };

/** Reads the code from the fragment (and removes it from the address bar), else what this tab kept. */
export function readAgentCredential(env: BridgeEnvironment): AgentCredential | null {
  const storage = env.sessionStorage;
  const params = new URLSearchParams(env.location.hash.replace(/^#/, ''));
  const fromHash = params.get(AGENT_CODE_PARAM);
  if (fromHash) {
    // A new address in this tab replaces whatever session it had.
    storage?.removeItem(SESSION_KEY);
    storage?.setItem(CODE_KEY, fromHash);
    params.delete(AGENT_CODE_PARAM);
    const rest = params.toString();
    env.history?.replaceState(
      null,
      '',
      `${env.location.pathname}${env.location.search}${rest ? `#${rest}` : ''}`,
    );
    return { code: fromHash };
  }
  const session = storage?.getItem(SESSION_KEY);
  if (session) return { session };
  const code = storage?.getItem(CODE_KEY);
  return code ? { code } : null;
}

export function connectStation(env: BridgeEnvironment): {
  api: StationApi;
  mode: StationMode;
  close(): void;
} {
  // Inputs are checked where they enter the host (its dispatch, with the same schemas and the same
  // INVALID_INPUT error naming the field); checking them here as well cost the counter 2–3 ms of
  // the page's main thread per journal line (a settlement's request and result) for nothing the
  // host does not do. Outputs and events are checked here: this side is where they enter.
  const options = { validateInput: false, validateOutput: true, onInvalidEvent: env.onInvalidEvent };
  if (env.exposed) {
    return {
      api: buildStationApi(transportFromExposed(env.exposed), options),
      mode: 'electron',
      close: () => undefined,
    };
  }
  let credential = readAgentCredential(env);
  if (!credential) {
    throw stationError(
      'NOT_CONFIGURED',
      '缺少本机服务登录代码：请打开 npm start 打印的完整地址',
      'No station service code: open the full address that npm start printed',
    );
  }
  const base = `ws://${env.location.host}${AGENT_WS_PATH}`;
  const openSocket = env.openSocket ?? ((url: string) => new WebSocket(url) as unknown as SocketLike);
  const transport = createWebSocketTransport(
    () => {
      const c = credential!;
      return 'session' in c
        ? { url: `${base}?${AGENT_WS_SESSION_QUERY}=${encodeURIComponent(c.session)}`, awaitSession: false }
        : { url: `${base}?${AGENT_WS_CODE_QUERY}=${encodeURIComponent(c.code)}`, awaitSession: true };
    },
    openSocket,
    {
      onSession(session) {
        credential = { session };
        env.sessionStorage?.setItem(SESSION_KEY, session);
        env.sessionStorage?.removeItem(CODE_KEY);
      },
    },
  );
  return {
    api: buildStationApi(transport as StationTransport, options),
    mode: 'browser',
    close: () => transport.close(),
  };
}

/** The page's own environment. */
export function browserEnvironment(): BridgeEnvironment {
  const w = window as unknown as Record<string, unknown>;
  return {
    exposed: w[EXPOSED_API_KEY] as ExposedStationApi | undefined,
    location: window.location,
    history: window.history,
    sessionStorage: window.sessionStorage,
  };
}
