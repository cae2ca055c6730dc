// What the operators' and the closing flows share: the station started as `npm start` starts it
// (browser mode, embedded demo platform with its admin API, a fresh data folder) with one Chromium
// page, the demo world of the seed, and settling a demo card's bill at the counter.
import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { AdminClient } from '../../platform-sim';
import type { RunningStation } from '../../scripts/start-station';
import { DEMO_OPERATORS } from '../../scripts/station-files';
import { demoWorld } from '../../shared/demo-world';
import { launchChromium } from './browser';
import { startInFreshFolder } from './station-page';

/** The demo world of a seed on today's date in China, and its people, cards and operators' PINs. */
export function e2eWorld(seed: string) {
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const world = demoWorld({ seed, today });
  const personOf = (scenario: string) => world.people.find((p) => p.scenario === scenario)!.person;
  const cardOf = (scenario: string): string =>
    world.cards.find((c) => c.psn_no === personOf(scenario).psn_no && !c.damaged)!.card_id;
  const pinOf = (id: string) => DEMO_OPERATORS.find((o) => o.id === id)!.pin;
  return { today, world, personOf, cardOf, pinOf };
}

export interface E2eStation {
  browser: Browser;
  station: RunningStation;
  admin: AdminClient;
  page: Page;
  dataDir: string;
  close(): Promise<void>;
}

export async function startE2eStation(
  seed: string,
  today: string,
  folderPrefix: string,
): Promise<E2eStation> {
  const browser = await launchChromium();
  const { station, dataDir } = await startInFreshFolder(seed, today, { prefix: folderPrefix });
  const admin = new AdminClient(station.platformUrl);
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  return {
    browser,
    station,
    admin,
    page,
    dataDir,
    async close() {
      await browser.close();
      await station.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Reads the demo card, loads the demo bill, types the encounter number, computes and settles; the
 * receipt's local settlement id. */
export async function settleAtCounter(
  page: Page,
  cardId: string,
  billId: string,
  encounter: string,
): Promise<string> {
  await page.getByTestId('nav-counter').click();
  await page.getByTestId(`demo-card-${cardId}`).click();
  await page.getByTestId('verdict').waitFor();
  await page.getByTestId(`demo-bill-${billId}`).click();
  await page.getByTestId('mdtrt-id').fill(encounter);
  await page.getByTestId('compute').click();
  await page.getByTestId('review').waitFor();
  await page.getByTestId('settle').click();
  const receipt = page.locator('[data-testid=receipt][data-local-setl-id]');
  await receipt.waitFor();
  return (await receipt.getAttribute('data-local-setl-id'))!;
}
