// Registers one ipcMain handler per contract channel and forwards host events to the station
// window. Only this file and the preload touch ipcMain / ipcRenderer.
import { ipcMain, type WebContents } from 'electron';
import { ipcEventChannel, stationChannels } from '../../shared/station-api';
import type { StationHost } from '../services/station-host';
import type { LogPort } from '../services/station-host';
import { createIpcInvokeHandler } from './ipc-dispatch';

export function registerStationIpc(
  host: StationHost,
  log: LogPort,
  targets: () => WebContents[],
): () => void {
  const handle = createIpcInvokeHandler(host, (sender, channel) =>
    log.write('warn', 'refused IPC from an untrusted frame', {
      channel,
      frameUrl: sender.frameUrl,
      isMainFrame: sender.isMainFrame,
    }),
  );
  for (const channel of stationChannels) {
    // The event object stays here: only the input goes on, only the envelope comes back.
    ipcMain.handle(channel, (event, input: unknown) =>
      handle(
        { frameUrl: event.senderFrame?.url, isMainFrame: event.senderFrame === event.sender.mainFrame },
        channel,
        input,
      ),
    );
  }
  const unsubscribe = host.subscribe((event, payload) => {
    for (const contents of targets())
      if (!contents.isDestroyed()) contents.send(ipcEventChannel(event), payload);
  });
  return () => {
    unsubscribe();
    for (const channel of stationChannels) ipcMain.removeHandler(channel);
  };
}
