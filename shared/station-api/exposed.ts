// What the Electron preload puts on `window.stationApi`. contextBridge copies a thrown Error with its
// message only (custom fields such as `code` and `kind` are lost), so every method resolves to a
// result envelope instead of throwing; the renderer bridge unwraps it into StationApiError. Only
// functions and plain data cross, and the page never receives Electron's IPC event object.
import { z } from 'zod';
import type { StationTransport } from './client';
import { stationChannels, stationEventNames, type StationChannel, type StationEvent } from './contract';
import { stationError, stationErrorSchema, StationApiError, type StationErrorPayload } from './errors';

export const EXPOSED_API_KEY = 'stationApi';

/** IPC channel main sends a host event on; invoke channels are the contract's own names. */
export function ipcEventChannel(event: StationEvent): string {
  return `station-event:${event}`;
}

export type StationResult = { ok: true; output: unknown } | { ok: false; error: StationErrorPayload };

export const stationResultSchema = z.union([
  z.object({ ok: z.literal(true), output: z.unknown() }),
  z.object({ ok: z.literal(false), error: stationErrorSchema }),
]);

type NamespaceOf<C> = C extends `${infer N}.${string}` ? N : never;

export type ExposedStationApi = {
  [N in NamespaceOf<StationChannel>]: {
    [C in StationChannel as C extends `${N}.${infer M}` ? M : never]: (
      input?: unknown,
    ) => Promise<StationResult>;
  };
} & {
  on(event: StationEvent, listener: (payload: unknown) => void): () => void;
};

/** Built in the preload: one function per contract channel, one `on` limited to contract events. */
export function buildExposedApi(
  invoke: (channel: StationChannel, input: unknown) => Promise<unknown>,
  listen: (event: StationEvent, listener: (payload: unknown) => void) => () => void,
): ExposedStationApi {
  const groups: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const channel of stationChannels) {
    const [ns, method] = channel.split('.') as [string, string];
    (groups[ns] ??= {})[method] = (input: unknown = {}) => invoke(channel, input);
  }
  const events = new Set<string>(stationEventNames);
  const on = (event: StationEvent, listener: (payload: unknown) => void) => {
    if (!events.has(event)) throw new Error(`Unknown event ${String(event)}`);
    if (typeof listener !== 'function') throw new Error('listener must be a function');
    return listen(event, (payload) => listener(payload));
  };
  return { ...groups, on } as unknown as ExposedStationApi;
}

/** Used by the renderer bridge: the preload's object as a transport that throws typed errors. */
export function transportFromExposed(exposed: ExposedStationApi): StationTransport {
  const table = exposed as unknown as Record<string, Record<string, (input?: unknown) => Promise<unknown>>>;
  return {
    async call(channel, input) {
      const [ns, method] = channel.split('.') as [string, string];
      const fn = table[ns]?.[method];
      if (typeof fn !== 'function')
        throw stationError(
          'UNKNOWN_CHANNEL',
          `预加载接口缺少 ${channel}`,
          `The preload does not offer ${channel}`,
        );
      const result = stationResultSchema.safeParse(await fn(input));
      if (!result.success)
        throw stationError('BAD_MESSAGE', `${channel} 的返回格式无效`, `Malformed result from ${channel}`);
      if (!result.data.ok) throw new StationApiError(result.data.error);
      return result.data.output;
    },
    subscribe(event, listener) {
      return exposed.on(event, listener);
    },
  };
}
