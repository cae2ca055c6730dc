import { describe, expect, it } from 'vitest';
import {
  allowNavigation,
  allowPermission,
  APP_CSP,
  APP_START_URL,
  isTrustedIpcSender,
  windowOpenAction,
} from './security';

const HOSTILE_URLS = [
  'https://evil.example/',
  'http://127.0.0.1:8700/',
  'http://localhost/',
  'file:///etc/passwd',
  'file:///C:/Windows/System32/',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'blob:app://station/1234',
  'about:blank',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'app://evil/',
  'app://station.evil.example/',
  'app://stationx/',
  'app://station:8080/',
  'app://user:pw@station/',
  'app://evil@station/',
  'app://station@evil/',
  'ws://127.0.0.1:1/',
  'view-source:app://station/index.html',
  'app:/station/index.html',
  'app:station/index.html',
  '//station/index.html',
  '',
  'not a url',
  ' app://station/',
  'app://STATION/index.html', // Chromium lower-cases a standard scheme's host before we see it
];

describe('navigation guard', () => {
  it.each(HOSTILE_URLS)('refuses %j', (url) => {
    expect(allowNavigation(url)).toBe(false);
  });

  it.each([APP_START_URL, 'app://station/', 'app://station/settings?tab=1#x'])('allows %j', (url) => {
    expect(allowNavigation(url)).toBe(true);
  });

  it('never opens a window', () => {
    expect(windowOpenAction()).toEqual({ action: 'deny' });
  });
});

describe('permission guard', () => {
  it.each([
    'media',
    'geolocation',
    'notifications',
    'midi',
    'midiSysex',
    'pointerLock',
    'fullscreen',
    'openExternal',
    'hid',
    'serial',
    'usb',
    'display-capture',
    'clipboard-read',
    'idle-detection',
    'storage-access',
    'unknown',
  ])('refuses %s even to the app', (permission) => {
    expect(allowPermission(permission, APP_START_URL)).toBe(false);
  });

  it.each(HOSTILE_URLS)('refuses the clipboard to %j', (url) => {
    expect(allowPermission('clipboard-sanitized-write', url)).toBe(false);
  });

  it('grants the sanitized clipboard write to the app main frame only', () => {
    expect(allowPermission('clipboard-sanitized-write', APP_START_URL)).toBe(true);
    expect(allowPermission('clipboard-sanitized-write', APP_START_URL, false)).toBe(false);
  });
});

describe('IPC sender check', () => {
  it.each(HOSTILE_URLS)('refuses a frame at %j', (url) => {
    expect(isTrustedIpcSender(url, true)).toBe(false);
  });
  it('refuses sub-frames and unknown frames, accepts the app main frame', () => {
    expect(isTrustedIpcSender(APP_START_URL, false)).toBe(false);
    expect(isTrustedIpcSender(undefined, true)).toBe(false);
    expect(isTrustedIpcSender(APP_START_URL, true)).toBe(true);
  });
});

describe('content security policy', () => {
  it('serves a CSP without eval or remote scripts', () => {
    expect(APP_CSP).toMatch(/script-src 'self'(;|$)/);
    expect(APP_CSP).not.toMatch(/unsafe-eval|https?:|\*/);
  });
});
