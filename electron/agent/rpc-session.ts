// One WebSocket connection: calls in, results and events out, in the format of
// shared/station-api/rpc.ts. A frame that is not valid JSON or not a call gets a BAD_MESSAGE error
// (id null when there is none) and the connection stays usable; the host does the input validation.
import type { WebSocket } from 'ws';
import { rpcCallSchema, stationError, type RpcServerMessage } from '../../shared/station-api';
import type { StationHost } from '../services/station-host';

export function attachRpcSession(socket: WebSocket, host: StationHost): void {
  const send = (message: RpcServerMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  const unsubscribe = host.subscribe((event, payload) => send({ type: 'event', event, payload }));
  socket.on('close', unsubscribe);
  socket.on('message', (data, isBinary) => {
    void (async () => {
      let raw: unknown;
      try {
        if (isBinary) throw new Error('binary frame');
        raw = JSON.parse(String(data));
      } catch {
        send({
          type: 'error',
          id: null,
          error: stationError(
            'BAD_MESSAGE',
            '消息不是 JSON 文本',
            'The message is not JSON text',
          ).toPayload(),
        });
        return;
      }
      const call = rpcCallSchema.safeParse(raw);
      if (!call.success) {
        const id = typeof (raw as { id?: unknown })?.id === 'number' ? (raw as { id: number }).id : null;
        send({
          type: 'error',
          id,
          error: stationError('BAD_MESSAGE', '消息格式无效', 'The message is not a call').toPayload(),
        });
        return;
      }
      const result = await host.dispatch(call.data.channel, call.data.input);
      if (result.ok) send({ type: 'result', id: call.data.id, output: result.output });
      else send({ type: 'error', id: call.data.id, error: result.error });
    })();
  });
}
