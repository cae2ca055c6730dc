// The preload: exposes exactly the StationApi contract (one function per channel, plus `on` for the
// contract's events) on window.stationApi. Bundled to one CommonJS file because sandboxed preloads
// cannot load modules; the IPC event object is dropped before any listener sees a payload.
import { contextBridge, ipcRenderer } from 'electron';
import { buildExposedApi, EXPOSED_API_KEY, ipcEventChannel } from '../../shared/station-api';

const api = buildExposedApi(
  (channel, input) => ipcRenderer.invoke(channel, input),
  (event, listener) => {
    const channel = ipcEventChannel(event);
    const relay = (_ipcEvent: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, relay);
    return () => {
      ipcRenderer.removeListener(channel, relay);
    };
  },
);

contextBridge.exposeInMainWorld(EXPOSED_API_KEY, api);
