// The bench page's PlatformPort: platform calls go to the bench script's relay, which signs them
// with the Node platform client (the page, like the renderer, never holds the secret).
import type { PlatformPort } from '../../renderer/sync';
import { createWebSocketTransport, type SocketLike } from '../../renderer/bridge/ws-transport';
import { buildStationApi, type StationApi } from '../../shared/station-api';

export function relayPort(path = '/platform'): PlatformPort {
  return {
    async call(infno, input) {
      const res = await fetch(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ infno, input }),
      });
      const body = (await res.json()) as
        | { ok: true; output: unknown }
        | { ok: false; error: { kind: string; errCode: string; message: string } };
      if (!body.ok) throw Object.assign(new Error(body.error.message), body.error);
      return body.output;
    },
  };
}

/** The bench page's StationApi for the channels the page server's station host serves (the
 * journal): the app's browser-mode transport (a WebSocket, the agent's RPC session) with the app's
 * validation (renderer/bridge/connect.ts: outputs here, inputs on the host). */
export function relayStationApi(path = '/station'): StationApi {
  const transport = createWebSocketTransport(
    `ws://${location.host}${path}`,
    (url) => new WebSocket(url) as unknown as SocketLike,
  );
  return buildStationApi(transport, { validateInput: false, validateOutput: true });
}
