// One WebSocket connection: calls in, results and events out, in the format of
// shared/station-api/rpc.ts. The bridge never sends anything but well-formed calls, so a frame that is
// not one is a hostile or broken client: it gets a BAD_MESSAGE error and its connection is closed
// with a code that says why (1003 binary, 1007 not JSON, 1008 not a call). What ws refuses itself
// (a frame over RPC_MAX_FRAME_BYTES: 1009; invalid UTF-8: 1007) arrives as an 'error' event, which
// is handled here: an unhandled 'error' on any socket would end the whole agent process.
import type { WebSocket } from 'ws';
import {
  rpcCallSchema,
  stationError,
  type RpcServerMessage,
  type StationErrorPayload,
} from '../../shared/station-api';
import type { LogPort, StationHost } from '../services/station-host';

/** Close codes (RFC 6455 §7.4.1) the agent uses for a frame it will not process. */
export const CLOSE = {
  UNSUPPORTED_DATA: 1003,
  INVALID_PAYLOAD: 1007,
  POLICY_VIOLATION: 1008,
  MESSAGE_TOO_BIG: 1009,
} as const;

export function attachRpcSession(socket: WebSocket, host: StationHost, log: LogPort): void {
  const send = (message: RpcServerMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  const refuse = (id: number | null, code: number, reason: string, error: StationErrorPayload) => {
    log.write('warn', `agent closed a connection: ${reason}`, { closeCode: code });
    send({ type: 'error', id, error });
    socket.close(code, reason);
  };
  const unsubscribe = host.subscribe((event, payload) => send({ type: 'event', event, payload }));
  socket.on('close', unsubscribe);
  socket.on('error', (err: Error & { code?: string }) => {
    // ws has already started closing with 1009 or 1007; say what happened and let it finish.
    log.write('warn', 'agent WebSocket error', { code: err.code, message: err.message });
    if (socket.readyState === socket.OPEN) socket.close(CLOSE.POLICY_VIOLATION, 'protocol error');
  });
  socket.on('message', (data, isBinary) => {
    if (isBinary) {
      refuse(
        null,
        CLOSE.UNSUPPORTED_DATA,
        'binary frames are not accepted',
        stationError('BAD_MESSAGE', '不接受二进制消息', 'Binary frames are not accepted').toPayload(),
      );
      return;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(String(data));
    } catch {
      refuse(
        null,
        CLOSE.INVALID_PAYLOAD,
        'frame is not JSON',
        stationError('BAD_MESSAGE', '消息不是 JSON 文本', 'The message is not JSON text').toPayload(),
      );
      return;
    }
    const call = rpcCallSchema.safeParse(raw);
    if (!call.success) {
      const id = typeof (raw as { id?: unknown })?.id === 'number' ? (raw as { id: number }).id : null;
      refuse(
        Number.isInteger(id) && (id as number) >= 0 ? id : null,
        CLOSE.POLICY_VIOLATION,
        'frame is not a StationApi call',
        stationError('BAD_MESSAGE', '消息格式无效', 'The message is not a call').toPayload(),
      );
      return;
    }
    const { id } = call.data;
    host.dispatch(call.data.channel, call.data.input).then(
      (result) => {
        if (result.ok) send({ type: 'result', id, output: result.output });
        else send({ type: 'error', id, error: result.error });
      },
      (err: unknown) => {
        log.write('error', 'agent dispatch failed', { err: err as Error });
        send({
          type: 'error',
          id,
          error: stationError('INTERNAL', '内部错误', 'Internal error').toPayload(),
        });
      },
    );
  });
}
