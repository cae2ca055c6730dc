// Electron main: wiring only. Each step lives in its own module with its reasons.
import { app, BrowserWindow, session } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { registerStationIpc } from './ipc';
import { createMainHost } from './main-host';
import { installSessionGuards, installWebContentsGuards } from './session-guards';
import { createStationWindow } from './window';

const here = path.dirname(fileURLToPath(import.meta.url)); // out/main
const rendererDir = path.join(here, '..', 'renderer');
const preloadPath = path.join(here, '..', 'preload', 'index.cjs');

app.enableSandbox();
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let win: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  void app.whenReady().then(async () => {
    const station = await createMainHost();
    const { host, log } = station;
    installWebContentsGuards(log);
    installSessionGuards(session.defaultSession);
    serveRenderer(rendererDir);
    registerStationIpc(host, log, () => BrowserWindow.getAllWindows().map((w) => w.webContents));
    win = createStationWindow(preloadPath);
    win.on('closed', () => (win = null));
    app.on('before-quit', () => void station.close());
  });

  app.on('window-all-closed', () => app.quit());
}
