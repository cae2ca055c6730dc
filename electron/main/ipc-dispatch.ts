// The IPC side of the StationApi without Electron: who may call (the app's own main frame only) and
// what comes back (a result envelope, never a thrown error, never the IPC event). ipc.ts feeds it
// Electron's events; tests feed it hostile senders and inputs.
import { stationError, type StationChannel, type StationResult } from '../../shared/station-api';
import type { StationHost } from '../services/station-host';
import { isTrustedIpcSender } from './security';

export interface IpcSender {
  frameUrl: string | undefined;
  isMainFrame: boolean;
}

export type IpcInvokeHandler = (
  sender: IpcSender,
  channel: StationChannel,
  input: unknown,
) => Promise<StationResult>;

export function createIpcInvokeHandler(
  host: StationHost,
  onRefused: (sender: IpcSender, channel: string) => void,
): IpcInvokeHandler {
  return async (sender, channel, input) => {
    if (!isTrustedIpcSender(sender.frameUrl, sender.isMainFrame)) {
      onRefused(sender, channel);
      return {
        ok: false,
        error: stationError(
          'FORBIDDEN',
          '拒绝来自非本应用页面的调用',
          'Refused a call from a page that is not the station',
        ).toPayload(),
      };
    }
    return host.dispatch(channel, input);
  };
}
