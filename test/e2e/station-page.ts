// A station started the way `npm start` starts it (browser mode, embedded demo platform) and a page on
// it, signed in and past its first pull; and a demo card read at the counter. The e2e tests share them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { DemoWorld } from '../../shared/demo-world';
import { startStation, type RunningStation } from '../../scripts/start-station';
import { freePort, launchChromium } from './browser';

/** The stations a test file started and their data folders, to stop and remove in afterAll. */
export class StationPool {
  readonly stations: RunningStation[] = [];
  readonly dirs: string[] = [];

  async open(
    browser: Browser,
    opts: { seed: string; today: string; institution?: string },
  ): Promise<{ station: RunningStation; page: Page; dataDir: string }> {
    const dataDir = mkdtempSync(join(tmpdir(), 'station-e2e-'));
    this.dirs.push(dataDir);
    const station = await startStation({
      dataDir,
      mode: 'browser',
      open: false,
      admin: true,
      seed: opts.seed,
      today: opts.today,
      institution: opts.institution,
      agentPort: await freePort(),
      platformPort: await freePort(),
      say: () => undefined,
    });
    this.stations.push(station);
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(station.url);
    await page.getByTestId('institution').waitFor();
    // The first pull fills the station's database; the indicator says when.
    await page.locator('[data-testid=sync-indicator][data-connection=online]').waitFor({ timeout: 60_000 });
    await page.getByTestId('demo-tray').waitFor();
    return { station, page, dataDir };
  }

  async close(): Promise<void> {
    for (const s of this.stations) await s.stop();
    for (const d of this.dirs) rmSync(d, { recursive: true, force: true });
  }
}

/** The demo card of a scenario's person (not a damaged one). */
export function cardOf(world: DemoWorld, scenario: string): string {
  const person = world.people.find((p) => p.scenario === scenario);
  const card = world.cards.find((c) => c.psn_no === person?.person.psn_no && !c.damaged);
  if (!card) throw new Error(`no demo card for ${scenario}`);
  return card.card_id;
}

export async function readCard(page: Page, world: DemoWorld, scenario: string): Promise<void> {
  await page.getByTestId(`demo-card-${cardOf(world, scenario)}`).click();
  await page.getByTestId('card-read').waitFor();
  await page.getByTestId('verdict').waitFor();
}

/** A test file's Chromium and stations: launched before its tests, closed and removed after them. */
export function e2eStations(): { pool: StationPool; browser: () => Browser } {
  const pool = new StationPool();
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await pool.close();
  }, 60_000);
  return {
    pool,
    browser: () => {
      if (!browser) throw new Error('Chromium is not running');
      return browser;
    },
  };
}
