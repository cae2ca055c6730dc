// Processes a test can kill with SIGKILL, together: the station's agent (agent-child.ts) and a
// Chromium the test launched itself (so it owns the process) and drives over the DevTools protocol.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { HEADLESS_CHROMIUM_FLAGS } from '../../../electron/services/printing/chromium-pdf';
import { CHROMIUM } from '../browser';

function firstLine(
  child: ChildProcess,
  stream: 'stdout' | 'stderr',
  match: RegExp,
  ms: number,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child[stream]! });
    const timer = setTimeout(() => reject(new Error(`no line matching ${match} within ${ms} ms`)), ms);
    const done = (err?: Error, line?: string) => {
      clearTimeout(timer);
      lines.close();
      if (err) reject(err);
      else resolve(line!);
    };
    lines.on('line', (line) => {
      if (match.test(line)) done(undefined, line);
    });
    child.once('exit', (code, signal) =>
      done(new Error(`process ended (${code ?? signal}) before ${match}`)),
    );
  });
}

export interface AgentProcess {
  child: ChildProcess;
  url: string;
}

export async function startAgentProcess(
  dataDir: string,
  rendererDir: string,
  port: number,
): Promise<AgentProcess> {
  const script = fileURLToPath(new URL('./agent-child.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, dataDir, rendererDir, String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr!.resume();
  const line = await firstLine(child, 'stdout', /^\{"url":/, 60_000);
  child.stdout!.resume();
  return { child, url: (JSON.parse(line) as { url: string }).url };
}

export interface ChromiumProcess {
  child: ChildProcess;
  browser: Browser;
}

/** Chromium with a profile that outlives it (its IndexedDB is the station's database). */
export async function startChromiumProcess(profileDir: string): Promise<ChromiumProcess> {
  const child = spawn(
    CHROMIUM,
    [...HEADLESS_CHROMIUM_FLAGS, `--user-data-dir=${profileDir}`, '--remote-debugging-port=0', 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const line = await firstLine(child, 'stderr', /DevTools listening on ws:\/\//, 30_000);
  child.stderr!.resume();
  const browser = await chromium.connectOverCDP(line.slice(line.indexOf('ws://')));
  return { child, browser };
}

/** SIGKILL, and wait until the process is gone (its port and profile lock are free again). */
export async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  await gone;
}
