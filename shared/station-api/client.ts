// One StationApi object, built from the contract over any transport: the preload builds it over
// ipcRenderer, the renderer bridge over the preload's object or the agent's WebSocket. Methods are
// grouped by the part before the dot ('platform.call' → api.platform.call), so the object exposes
// exactly the contract's channels and nothing else.
import {
  stationEvents,
  stationMethods,
  type StationChannel,
  type StationEvent,
  type StationEventPayload,
  type StationInput,
  type StationOutput,
} from './contract';
import { fromZodError, stationError } from './errors';

export interface StationTransport {
  call(channel: StationChannel, input: unknown): Promise<unknown>;
  subscribe(event: StationEvent, listener: (payload: unknown) => void): () => void;
}

type NamespaceOf<C> = C extends `${infer N}.${string}` ? N : never;
export type StationNamespace = NamespaceOf<StationChannel>;

type Method<C extends StationChannel> =
  Record<string, never> extends StationInput<C>
    ? (input?: StationInput<C>) => Promise<StationOutput<C>>
    : (input: StationInput<C>) => Promise<StationOutput<C>>;

export type StationApi = {
  [N in StationNamespace]: {
    [C in StationChannel as C extends `${N}.${infer M}` ? M : never]: Method<C>;
  };
} & {
  /** Listen to a host event; returns the function that stops listening. */
  on<E extends StationEvent>(event: E, listener: (payload: StationEventPayload<E>) => void): () => void;
};

export interface BuildOptions {
  /** Check inputs before they leave (clear errors early; the host checks again). */
  validateInput?: boolean;
  /** Check outputs and event payloads as they arrive (the renderer bridge does). */
  validateOutput?: boolean;
  /** Told about an event payload that failed validation and was dropped. */
  onInvalidEvent?: (event: StationEvent, message: string) => void;
}

export function buildStationApi(transport: StationTransport, options: BuildOptions = {}): StationApi {
  const groups: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const channel of Object.keys(stationMethods) as StationChannel[]) {
    const [ns, method] = channel.split('.') as [string, string];
    const schema = stationMethods[channel];
    (groups[ns] ??= {})[method] = async (input: unknown = {}) => {
      let sent = input;
      if (options.validateInput) {
        const parsed = schema.input.safeParse(input);
        if (!parsed.success) throw fromZodError('INVALID_INPUT', channel, parsed.error);
        sent = parsed.data;
      }
      const output = await transport.call(channel, sent);
      if (!options.validateOutput) return output;
      const parsed = schema.output.safeParse(output);
      if (!parsed.success) throw fromZodError('INVALID_OUTPUT', channel, parsed.error);
      return parsed.data;
    };
  }
  const on = (event: StationEvent, listener: (payload: unknown) => void) => {
    if (!Object.prototype.hasOwnProperty.call(stationEvents, event)) {
      throw stationError('UNKNOWN_CHANNEL', `未知事件 ${String(event)}`, `Unknown event ${String(event)}`);
    }
    return transport.subscribe(event, (payload) => {
      if (!options.validateOutput) return listener(payload);
      const parsed = stationEvents[event].safeParse(payload);
      if (parsed.success) listener(parsed.data);
      else options.onInvalidEvent?.(event, parsed.error.message);
    });
  };
  for (const group of Object.values(groups)) Object.freeze(group);
  return Object.freeze({ ...groups, on }) as unknown as StationApi;
}
