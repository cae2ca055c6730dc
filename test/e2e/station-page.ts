// A station as `npm start` starts it (browser mode, embedded demo platform), opened in a Chromium
// page and synced, and the cashier's steps the end-to-end tests share: read a demo card, load and
// compute a demo bill. Every station and data folder started here is stopped and removed by close().
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { DemoWorld } from '../../shared/demo-world';
import { startStation, type RunningStation } from '../../scripts/start-station';
import { freePort, launchChromium, signIn } from './browser';

export interface StationPages {
  open(institution?: string): Promise<{ station: RunningStation; page: Page }>;
  close(): Promise<void>;
}

/** A station as `npm start` starts it (browser mode, demo platform with its admin API) in a fresh
 * data folder; the caller stops it and removes the folder. */
export async function startInFreshFolder(
  seed: string,
  today: string,
  opts: { prefix?: string; institution?: string } = {},
): Promise<{ station: RunningStation; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), opts.prefix ?? 'station-e2e-'));
  const station = await startStation({
    dataDir,
    mode: 'browser',
    open: false,
    admin: true,
    seed,
    today,
    institution: opts.institution,
    agentPort: await freePort(),
    platformPort: await freePort(),
    say: () => undefined,
  });
  return { station, dataDir };
}

export function stationPages(browser: () => Browser, seed: string, today: string): StationPages {
  const stations: RunningStation[] = [];
  const dirs: string[] = [];
  return {
    async open(institution) {
      const { station, dataDir } = await startInFreshFolder(seed, today, { institution });
      dirs.push(dataDir);
      stations.push(station);
      const page = await browser().newPage({ viewport: { width: 1400, height: 1000 } });
      await page.goto(station.url);
      await page.getByTestId('institution').waitFor();
      await signIn(page, 'cashier01');
      // The first pull fills the station's database; the indicator says when.
      await page.locator('[data-testid=sync-indicator][data-connection=online]').waitFor({ timeout: 60_000 });
      await page.getByTestId('demo-tray').waitFor();
      return { station, page };
    },
    async close() {
      for (const s of stations) await s.stop();
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    },
  };
}

/** The stations of one test file: Chromium launched before its tests, everything stopped after. */
export function stationPagesOfFile(seed: string, today: string): StationPages {
  let browser: Browser | undefined;
  const pages = stationPages(() => browser!, seed, today);
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await pages.close();
  }, 60_000);
  return pages;
}

/** The demo card of a scenario's person (not the damaged one). */
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

export async function settleBill(page: Page, billId: string): Promise<void> {
  await page.getByTestId(`demo-bill-${billId}`).click();
  await page.getByTestId('compute').click();
  await page.getByTestId('review').waitFor();
}
