// The window's guards as pure functions, so they can be tested against hostile inputs without an
// Electron binary (Electron security checklist items 4-17). window.ts and session-guards.ts only
// attach them to Electron's events. The app is served from one origin, app://station, by our own
// protocol handler: anything else is somewhere the station must never go.
import { rendererCsp } from '../../shared/station-api';

export const APP_SCHEME = 'app';
export const APP_HOST = 'station';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** True only for URLs on the app's own origin; credentials, odd ports and look-alike hosts fail. */
export function isAppUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === '' &&
    raw.toLowerCase().startsWith(`${APP_ORIGIN}/`)
  );
}

/** will-navigate / will-redirect / will-frame-navigate: stay on the app's origin. */
export function allowNavigation(url: string): boolean {
  return isAppUrl(url);
}

/** setWindowOpenHandler: the station never opens windows (receipts print from main). */
export function windowOpenAction(): { action: 'deny' } {
  return { action: 'deny' };
}

// Only the sanitized clipboard write (copying a settlement number) is granted, and only to our own
// page; camera, microphone, geolocation, notifications, HID/serial/USB (devices belong to main),
// openExternal, fullscreen and the rest are refused.
const GRANTED_PERMISSIONS = new Set(['clipboard-sanitized-write']);

export function allowPermission(permission: string, requestingUrl: string, isMainFrame = true): boolean {
  return isMainFrame && GRANTED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl);
}

/** IPC is answered only for the app's own top-level frame (no sub-frames, no foreign pages). */
export function isTrustedIpcSender(frameUrl: string | undefined, isMainFrame: boolean): boolean {
  return isMainFrame && typeof frameUrl === 'string' && isAppUrl(frameUrl);
}

/** CSP for every response of the app:// protocol; the page talks to main over IPC only. */
export const APP_CSP = rendererCsp();
