// Picks the transport: inside the Electron app the preload has put window.stationApi there; in any
// other Chromium (browser mode) the page was opened by the agent with its token in the URL fragment.
// The token moves to sessionStorage (so a reload in the same tab still works) and leaves the address
// bar at once, so it is not bookmarked, shared in a screenshot or kept in history.
import {
  AGENT_TOKEN_PARAM,
  AGENT_WS_PATH,
  buildStationApi,
  EXPOSED_API_KEY,
  stationError,
  transportFromExposed,
  type ExposedStationApi,
  type StationApi,
  type StationTransport,
} from '../../shared/station-api';
import { createWebSocketTransport, type SocketLike } from './ws-transport';

const TOKEN_KEY = 'station.agent-token';

export interface BridgeEnvironment {
  exposed?: ExposedStationApi | undefined;
  location: { host: string; hash: string; pathname: string; search: string };
  history?: { replaceState(data: unknown, unused: string, url: string): void };
  sessionStorage?: Pick<Storage, 'getItem' | 'setItem'>;
  openSocket?: (url: string) => SocketLike;
  onInvalidEvent?: (event: string, message: string) => void;
}

export type StationMode = 'electron' | 'browser';

export function readAgentToken(env: BridgeEnvironment): string | null {
  const params = new URLSearchParams(env.location.hash.replace(/^#/, ''));
  const fromHash = params.get(AGENT_TOKEN_PARAM);
  if (fromHash) {
    env.sessionStorage?.setItem(TOKEN_KEY, fromHash);
    params.delete(AGENT_TOKEN_PARAM);
    const rest = params.toString();
    env.history?.replaceState(
      null,
      '',
      `${env.location.pathname}${env.location.search}${rest ? `#${rest}` : ''}`,
    );
    return fromHash;
  }
  return env.sessionStorage?.getItem(TOKEN_KEY) ?? null;
}

export function connectStation(env: BridgeEnvironment): {
  api: StationApi;
  mode: StationMode;
  close(): void;
} {
  const options = { validateInput: true, validateOutput: true, onInvalidEvent: env.onInvalidEvent };
  if (env.exposed) {
    return {
      api: buildStationApi(transportFromExposed(env.exposed), options),
      mode: 'electron',
      close: () => undefined,
    };
  }
  const token = readAgentToken(env);
  if (!token) {
    throw stationError(
      'NOT_CONFIGURED',
      '缺少本机服务令牌：请打开 npm start 打印的完整地址',
      'No station service token: open the full address that npm start printed',
    );
  }
  const openSocket = env.openSocket ?? ((url: string) => new WebSocket(url) as unknown as SocketLike);
  const transport = createWebSocketTransport(
    `ws://${env.location.host}${AGENT_WS_PATH}?token=${encodeURIComponent(token)}`,
    openSocket,
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
    onInvalidEvent: (event, message) => console.warn(`dropped malformed ${event} event: ${message}`),
  };
}
