// The one station window, loaded from app://station. webPreferences are written out literally (not
// spread from a helper) so Electronegativity and window-preferences.test.ts both read the real values.
import { BrowserWindow } from 'electron';
import { APP_START_URL } from './security';

export function createStationWindow(preloadPath: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    autoHideMenuBar: true,
    title: '跨省直接结算工作站',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_START_URL);
  return win;
}
