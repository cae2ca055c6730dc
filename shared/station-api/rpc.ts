// The browser-mode wire format between the renderer bridge and the agent: one JSON message per
// WebSocket frame. Calls carry an id the answer repeats; events carry no id. Both sides parse every
// frame with these schemas before acting on it.
import { z } from 'zod';
import { stationErrorSchema } from './errors';

export const rpcCallSchema = z
  .object({
    type: z.literal('call'),
    id: z.number().int().nonnegative(),
    channel: z.string().max(100),
    input: z.unknown(),
  })
  .strict();
export type RpcCall = z.infer<typeof rpcCallSchema>;

export const rpcServerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('result'), id: z.number().int().nonnegative(), output: z.unknown() }),
  z.object({
    type: z.literal('error'),
    id: z.number().int().nonnegative().nullable(),
    error: stationErrorSchema,
  }),
  z.object({ type: z.literal('event'), event: z.string().max(100), payload: z.unknown() }),
  /** First frame on a connection opened with a one-time code: the page's own session from now on. */
  z.object({ type: z.literal('session'), token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) }),
]);
export type RpcServerMessage = z.infer<typeof rpcServerMessageSchema>;

/** Largest frame either side accepts: a receipt's HTML is the biggest thing that travels. */
export const RPC_MAX_FRAME_BYTES = 4 * 1024 * 1024;

/** Name of the URL fragment parameter that carries a one-time code to the page (Chromium's command
 * line and the printed address carry only this; it is spent on the first WebSocket upgrade). */
export const AGENT_CODE_PARAM = 'agent-code';
/** Path of the agent's WebSocket endpoint on the loopback server. */
export const AGENT_WS_PATH = '/station-api';
/** Query parameters of the upgrade: a one-time code to spend, or the session it was exchanged for. */
export const AGENT_WS_CODE_QUERY = 'code';
export const AGENT_WS_SESSION_QUERY = 'session';
