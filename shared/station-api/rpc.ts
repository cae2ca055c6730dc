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
]);
export type RpcServerMessage = z.infer<typeof rpcServerMessageSchema>;

/** Largest frame either side accepts: a receipt's HTML is the biggest thing that travels. */
export const RPC_MAX_FRAME_BYTES = 4 * 1024 * 1024;

/** Name of the URL fragment parameter that carries the per-launch token to the page. */
export const AGENT_TOKEN_PARAM = 'agent-token';
/** Path of the agent's WebSocket endpoint on the loopback server. */
export const AGENT_WS_PATH = '/station-api';
