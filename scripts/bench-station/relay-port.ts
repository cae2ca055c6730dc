// The bench page's PlatformPort: platform calls go to the bench script's relay, which signs them
// with the Node platform client (the page, like the renderer, never holds the secret).
import type { PlatformPort } from '../../renderer/sync';
import {
  buildStationApi,
  StationApiError,
  type StationApi,
  type StationResult,
} from '../../shared/station-api';

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

/** The bench page's StationApi for the channels the relay serves (the journal), through a real
 * station host in the bench script; events are not relayed. */
export function relayStationApi(path = '/station'): StationApi {
  return buildStationApi(
    {
      async call(channel, input) {
        const res = await fetch(path, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ channel, input }),
        });
        const answer = (await res.json()) as StationResult;
        if (!answer.ok) throw new StationApiError(answer.error);
        return answer.output;
      },
      subscribe: () => () => undefined,
    },
    { validateOutput: true },
  );
}
