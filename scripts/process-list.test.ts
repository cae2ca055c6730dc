// `npm start`'s start-up path (startStation in browser mode, opening a browser) leaves no usable
// agent credential in any process's arguments. The browser is a stand-in that does what Chromium's
// page does on load (spends the one-time code of its --app address, keeps the session it gets) and
// then stays in the process list with its arguments, as Chromium would. Then every 43-character
// base64url run in every process's command line (/proc/*/cmdline, what `ps -eo args` shows) is
// tried against the agent as a code, a session and a token: each must be refused.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startStation, type RunningStation } from './start-station';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'process-list-'));
const rendererDir = path.join(work, 'renderer');
fs.mkdirSync(rendererDir);
fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>station</title>');
const sessionFile = path.join(work, 'browser-session');
const pidFile = path.join(work, 'browser-pid');
const fakeBrowser = path.join(work, 'fake-chromium.mjs');
const wsModule = createRequire(import.meta.url).resolve('ws');
fs.writeFileSync(
  fakeBrowser,
  `#!${process.execPath}
import fs from 'node:fs';
import { createRequire } from 'node:module';
const WebSocket = createRequire(import.meta.url)(${JSON.stringify(wsModule)});
fs.writeFileSync(${JSON.stringify(pidFile)}, String(process.pid));
const app = new URL(process.argv.find((a) => a.startsWith('--app=')).slice(6));
const code = new URLSearchParams(app.hash.slice(1)).get('agent-code');
const ws = new WebSocket('ws://' + app.host + '/station-api?code=' + code, { origin: app.origin });
ws.on('message', (d) => {
  const m = JSON.parse(String(d));
  if (m.type === 'session') fs.writeFileSync(${JSON.stringify(sessionFile)}, m.token);
});
ws.on('unexpected-response', (_q, r) => fs.writeFileSync(${JSON.stringify(sessionFile)}, 'REFUSED ' + r.statusCode));
ws.on('error', (e) => fs.writeFileSync(${JSON.stringify(sessionFile)}, 'ERROR ' + e.message));
setTimeout(() => process.exit(0), 120000);
`,
  { mode: 0o700 },
);

let station: RunningStation;

beforeAll(async () => {
  station = await startStation({
    dataDir: path.join(work, 'data'),
    mode: 'browser',
    open: true,
    chromiumPath: fakeBrowser,
    agentPort: 0,
    platformPort: 0,
    rendererDir,
    seed: 'ps-test',
    today: '2025-06-30',
    catalogSize: 20,
    say: () => undefined,
  });
}, 120_000);

afterAll(async () => {
  const pid = Number(fs.readFileSync(pidFile, { encoding: 'utf8', flag: 'a+' }) || 0);
  if (pid > 0) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  await station?.stop();
  fs.rmSync(work, { recursive: true, force: true });
}, 60_000);

async function until<T>(read: () => T | null, what: string, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = read();
    if (v !== null) return v;
    if (Date.now() > end) throw new Error(`${what} did not happen within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function commandLines(): string[] {
  const lines: string[] = [];
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      lines.push(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' '));
    } catch {
      // the process ended meanwhile
    }
  }
  try {
    lines.push(execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }));
  } catch {
    // no ps on this machine: /proc is what it would read
  }
  return lines;
}

function opens(query: string): Promise<boolean> {
  const url = new URL(station.url);
  const ws = new WebSocket(`ws://${url.host}/station-api?${query}`, { origin: url.origin });
  return new Promise((resolve) => {
    ws.once('open', () => {
      ws.close();
      resolve(true);
    });
    ws.once('unexpected-response', () => resolve(false));
    ws.once('error', () => resolve(false));
  });
}

describe.runIf(process.platform === 'linux')('the process list under npm start', () => {
  it('carries no usable agent credential once the page has loaded', async () => {
    // The page has loaded once the browser wrote what the agent answered it.
    const session = await until(
      () => (fs.existsSync(sessionFile) ? fs.readFileSync(sessionFile, 'utf8') : null),
      'the browser opening the page',
    );
    // The stand-in is in the process list with its --app address, as Chromium would be.
    const lines = commandLines();
    expect(lines.find((l) => l.includes(fakeBrowser) && l.includes('--app='))).toBeDefined();
    const candidates = new Set(lines.flatMap((l) => l.match(/[A-Za-z0-9_-]{43}/g) ?? []));
    expect(candidates.size).toBeGreaterThan(0); // at least the spent code on the browser's line
    for (const c of candidates) {
      const v = encodeURIComponent(c);
      for (const query of [`code=${v}`, `session=${v}`, `token=${v}`])
        expect(await opens(query), `${query.split('=')[0]} from the process list`).toBe(false);
    }
    // The page got a session for its code, and that session is on no command line.
    expect(session).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(lines.join('\n')).not.toContain(session);
    // The page's own session still works: the refusals above are not a dead agent.
    expect(await opens(`session=${session}`)).toBe(true);
  }, 60_000);
});
