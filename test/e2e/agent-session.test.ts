// The browser-mode address in real Chromium: the page spends the one-time code of the address it was
// opened on, takes it out of the address bar, and keeps its session for reloads; the same address
// opened again (a copied link, a second window) is refused with a message that says what to do.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStation, type RunningStation } from '../../scripts/start-station';
import { freePort, launchChromium, shot } from './browser';

let browser: Browser;
let station: RunningStation;
const dataDir = mkdtempSync(join(tmpdir(), 'station-session-'));

beforeAll(async () => {
  browser = await launchChromium();
  station = await startStation({
    dataDir,
    mode: 'browser',
    open: false,
    seed: 'e2e-session',
    agentPort: await freePort(),
    platformPort: await freePort(),
    say: () => undefined,
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await station?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

describe('the agent session in Chromium', () => {
  it('opens on the one-time code, survives a reload, and refuses the spent address elsewhere', async () => {
    expect(station.url).toMatch(/#agent-code=[A-Za-z0-9_-]{43}$/);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(station.url);
    await page.getByTestId('institution').waitFor({ timeout: 60_000 });
    expect(page.url()).not.toContain('agent-code');
    const kept = await page.evaluate(() => ({ ...sessionStorage }));
    expect(kept['station.agent-session']).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(kept['station.agent-code']).toBeUndefined();

    await page.reload();
    await page.getByTestId('institution').waitFor({ timeout: 60_000 });

    const other = await context.newPage();
    await other.goto(station.url);
    const alert = other.getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toContain('npm start');
    await shot(other, 'agent-spent-code');
    await context.close();
  }, 180_000);
});
