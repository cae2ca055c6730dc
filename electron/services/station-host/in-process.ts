// A StationApi over a host in the same process: what the bench relay and Node tests use to reach
// the real handlers (with the contract's validation on both sides) without Electron or a WebSocket.
import { buildStationApi, StationApiError, type StationApi } from '../../../shared/station-api';
import type { StationHost } from './host';

export function inProcessStationApi(host: StationHost): StationApi {
  return buildStationApi(
    {
      async call(channel, input) {
        const answer = await host.dispatch(channel, input);
        if (!answer.ok) throw new StationApiError(answer.error);
        return answer.output;
      },
      subscribe: (event, listener) =>
        host.subscribe((e, payload) => {
          if (e === event) listener(payload);
        }),
    },
    { validateInput: true, validateOutput: true },
  );
}
