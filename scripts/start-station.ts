// startStation(): what `npm start` does, callable from tests. Starts the embedded demo platform
// (child process, data in the app-data folder), provisions the station for it, builds the renderer
// if needed, then runs the station: the Electron window when a binary exists, else browser mode (the
// agent on 127.0.0.1 serving the renderer and the StationApi), opening Chromium unless told not to.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBrowserStation, type BrowserStation } from '../electron/agent';
import { findChromium } from '../electron/services/printing';
import { findElectron } from './electron-binary';
import { startPlatformProcess, stopChild, type PlatformProcess } from './platform-process';
import { buildRenderer, rendererIsStale } from './renderer-build';
import {
  defaultDataDir,
  provisionDemoOperators,
  provisionStation,
  stationIdentity,
  writePlatformStations,
} from './station-files';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Fixed so the browser's IndexedDB (per origin, so per port) finds the station's data again. */
export const DEFAULT_AGENT_PORT = 47100;
export const DEFAULT_PLATFORM_PORT = 47101;

export interface StartStationOptions {
  dataDir?: string;
  /** auto: Electron when its binary exists (trying one download), else browser. */
  mode?: 'auto' | 'browser' | 'electron';
  /** Open Chromium on the URL (browser mode). Default: yes, unless STATION_NO_OPEN=1. */
  open?: boolean;
  /** Admin endpoints on the platform (tests change the world and inject faults through them). */
  admin?: boolean;
  seed?: string;
  today?: string;
  /** The demo institution (fixmedins_code) the station works for; default the demo hospital. */
  institution?: string;
  catalogSize?: number;
  agentPort?: number;
  platformPort?: number;
  /** Built renderer to serve; default out/renderer, built first when stale. */
  rendererDir?: string;
  /** The browser to open (browser mode); default the machine's Chromium (findChromium). */
  chromiumPath?: string;
  say?: (line: string) => void;
}

export interface RunningStation {
  mode: 'browser' | 'electron';
  /** Browser mode: the address to open, a one-time code in the fragment (spent by the first page
   * that opens it; Chromium is opened on it). Electron: app://station/. */
  url: string;
  platformUrl: string;
  /** The platform's admin base URL (same server, /admin/…) when started with admin. */
  adminUrl: string | null;
  dataDir: string;
  stationId: string;
  /** Stops the platform process (an outage, as far as the station can tell). */
  stopPlatform(): Promise<void>;
  /** Starts it again on the same port with the same data. */
  startPlatform(): Promise<void>;
  stop(): Promise<void>;
  /** Settles once everything has stopped: after stop(), or when the Electron window was closed. */
  closed: Promise<void>;
}

export async function startStation(options: StartStationOptions = {}): Promise<RunningStation> {
  const say = options.say ?? ((line: string) => console.log(line));
  const dataDir = options.dataDir ?? defaultDataDir();
  const platformDir = path.join(dataDir, 'platform');
  const stationDir = path.join(dataDir, 'station');
  fs.mkdirSync(stationDir, { recursive: true, mode: 0o700 });
  const identity = stationIdentity(platformDir);
  const open = options.open ?? process.env.STATION_NO_OPEN !== '1';
  const admin = options.admin ?? false;

  const platformOptions = {
    root: ROOT,
    dataDir: path.join(platformDir, 'pglite'),
    port: options.platformPort ?? DEFAULT_PLATFORM_PORT,
    seed: options.seed ?? 'demo',
    today: options.today,
    stationsFile: writePlatformStations(platformDir, identity, options.institution),
    admin,
    catalogSize: options.catalogSize,
  };
  let platform: PlatformProcess = await startPlatformProcess(platformOptions);
  const platformUrl = platform.url;
  try {
    provisionStation(
      stationDir,
      identity,
      platformUrl,
      { seed: platform.seed, today: platform.today },
      options.institution,
    );
    await provisionDemoOperators(stationDir);
  } catch (err) {
    await platform.stop();
    throw err;
  }

  let browser: BrowserStation | null = null;
  let electron: ChildProcess | null = null;
  try {
    const rendererDir = options.rendererDir ?? path.join(ROOT, 'out', 'renderer');
    if (!options.rendererDir && rendererIsStale(ROOT)) {
      say('building the renderer (vite)…');
      await buildRenderer(ROOT);
    }
    let mode: 'browser' | 'electron' = 'browser';
    let binary: string | null = null;
    if (options.mode !== 'browser') {
      // Short when Electron is only a preference: an offline machine should reach browser mode fast.
      const found = findElectron(ROOT, {
        tryDownload: true,
        timeoutMs: options.mode === 'electron' ? 300_000 : 30_000,
      });
      if (found.ok) {
        mode = 'electron';
        binary = found.binary;
      } else if (options.mode === 'electron') {
        throw new Error(`Electron cannot run: ${found.reason}`);
      } else {
        say(`Electron binary not available (${found.reason}); running in browser mode.`);
      }
    }

    let url: string;
    if (mode === 'electron' && binary) {
      const { buildMain, buildPreload } = await import('./build-electron');
      await buildMain();
      await buildPreload();
      // Chromium refuses to run sandboxed as root; a cashier never is root, a container may be.
      const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
      // The project folder is the app: its package.json names out/main/index.js and gives name and version.
      electron = spawn(binary, [ROOT, ...rootArgs], {
        cwd: ROOT,
        stdio: 'inherit',
        env: { ...process.env, STATION_DATA_DIR: stationDir },
      });
      url = 'app://station/';
    } else {
      const version = (
        JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }
      ).version;
      browser = await startBrowserStation({
        dataDir: stationDir,
        rendererDir,
        version,
        port: options.agentPort ?? DEFAULT_AGENT_PORT,
      });
      url = browser.agent.url;
      if (open) openChromium(url, dataDir, say, options.chromiumPath);
    }

    let stopping: Promise<void> | null = null;
    let markClosed: () => void = () => undefined;
    const closed = new Promise<void>((resolve) => (markClosed = resolve));
    const stop = () =>
      (stopping ??= (async () => {
        await browser?.close();
        if (electron) await stopChild(electron);
        await platform.stop();
        markClosed();
      })());
    // Closing the desktop window ends the session: take the demo platform down with it.
    electron?.once('exit', () => void stop());
    return {
      mode,
      url,
      platformUrl,
      adminUrl: admin ? platformUrl : null,
      dataDir,
      stationId: identity.stationId,
      stopPlatform: () => platform.stop(),
      async startPlatform() {
        platform = await startPlatformProcess({ ...platformOptions, port: platform.port });
      },
      stop,
      closed,
    };
  } catch (err) {
    await browser?.close();
    await platform.stop();
    throw err;
  }
}

// The address Chromium gets on its command line (visible to every local user in the process list)
// carries only a one-time code, which the page spends as it loads: see electron/agent/sessions.ts.
function openChromium(url: string, dataDir: string, say: (line: string) => void, browser?: string): void {
  const chromium = browser ?? findChromium();
  if (!chromium) {
    say('No Chromium found (set CHROME_PATH to use another): open the address below in Chrome or Chromium.');
    return;
  }
  // A profile of its own keeps the station's IndexedDB apart from the cashier's everyday browsing.
  const args = [
    `--user-data-dir=${path.join(dataDir, 'browser-profile')}`,
    '--no-first-run',
    '--no-default-browser-check',
    `--app=${url}`,
  ];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  const child = spawn(chromium, args, { stdio: 'ignore', detached: true });
  child.on('error', (err) => say(`could not open ${chromium}: ${err.message}`));
  child.unref();
}
