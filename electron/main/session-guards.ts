// Attaches the pure guards of security.ts to Electron: every web contents (including any created
// later) gets the navigation, window-open and webview guards; the session refuses permissions and
// device access. Checklist items 11-15.
import { app, type Session } from 'electron';
import type { LogPort } from '../services/station-host';
import { allowNavigation, allowPermission, APP_CSP, windowOpenAction } from './security';

export function installWebContentsGuards(log: LogPort): void {
  app.on('web-contents-created', (_event, contents) => {
    const refuse = (kind: string) => (event: { preventDefault(): void }, url: string) => {
      if (allowNavigation(url)) return;
      event.preventDefault();
      log.write('warn', `blocked ${kind}`, { url: url.slice(0, 200) });
    };
    contents.on('will-navigate', refuse('navigation'));
    contents.on('will-redirect', refuse('redirect'));
    contents.on('will-frame-navigate', (event) => {
      if (!allowNavigation(event.url)) {
        event.preventDefault();
        log.write('warn', 'blocked frame navigation', { url: event.url.slice(0, 200) });
      }
    });
    contents.setWindowOpenHandler(({ url }) => {
      log.write('warn', 'blocked window.open', { url: url.slice(0, 200) });
      return windowOpenAction();
    });
    contents.on('will-attach-webview', (event) => {
      event.preventDefault();
      log.write('warn', 'blocked a webview');
    });
  });
}

export function installSessionGuards(session: Session): void {
  // app-protocol.ts already sends the CSP; this puts it on every response the session sees, so a
  // page that somehow came from elsewhere is still held to it.
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [APP_CSP] } });
  });
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(allowPermission(permission, details.requestingUrl, details.isMainFrame));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    allowPermission(permission, details.requestingUrl ?? requestingOrigin, details.isMainFrame),
  );
  // WebHID / WebSerial / WebUSB: readers belong to main's node-hid, never to the page.
  session.setDevicePermissionHandler(() => false);
  session.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback('');
  });
  session.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault();
    callback('');
  });
  session.setDisplayMediaRequestHandler((_request, callback) => callback({}));
}
