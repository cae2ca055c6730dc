// End to end, the settle/v2 cases a newcomer clicks through (demo cards and demo bills), in Debian's
// Chromium against the station as `npm start` starts it: a resident with serious illness (the review
// names 大病保险, the receipt is confirmed), an emergency whose filing expired (the review says why it
// settles anyway), and a rehabilitation stay settled in monthly parts (part 2 after part 1, both
// confirmed by the platform).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoWorld } from '../../shared/demo-world';
import { shot } from './browser';
import { readCard, settleBill, stationPagesOfFile } from './station-page';

const SEED = 'e2e-v2';
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const world = demoWorld({ seed: SEED, today });

const pages = stationPagesOfFile(SEED, today);

/** [fund type, label, amount] of each fund line of the review. */
async function fundLines(page: Page): Promise<string[][]> {
  return page
    .getByTestId('fund-lines')
    .locator('tr[data-fund]')
    .evaluateAll((rows) =>
      rows.map((r) => [
        r.getAttribute('data-fund') ?? '',
        r.querySelector('th')?.textContent ?? '',
        r.querySelector('td')?.textContent ?? '',
      ]),
    );
}

async function settleAndConfirm(page: Page): Promise<void> {
  await page.getByTestId('settle').click();
  await page.locator('[data-testid=receipt][data-status=confirmed]').waitFor({ timeout: 30_000 });
}

describe('settle/v2 in Chromium', () => {
  let page: Page;

  it('a resident with serious illness: the review shows 大病保险 by name, the platform confirms', async () => {
    ({ page } = await pages.open());
    await readCard(page, world, 'resident-serious-illness');
    expect(await page.getByTestId('verdict').getAttribute('data-can-settle')).toBe('true');
    await settleBill(page, 'BILL-SERIOUS');
    const lines = await fundLines(page);
    expect(lines.map(([code, label]) => [code, label])).toEqual([
      ['390100', '统筹基金'],
      ['390200', '大病保险'],
    ]);
    expect(Number(lines[1]![2])).toBeGreaterThan(0);
    expect(await page.getByTestId('trace').locator('[data-rule=SERIOUS_ILLNESS]').count()).toBe(1);
    await shot(page, 'v2-01-serious-illness-review');
    await settleAndConfirm(page);
    await shot(page, 'v2-02-serious-illness-confirmed');
  }, 180_000);

  it('an emergency whose filing expired: settled, and the review says why', async () => {
    await page.getByTestId('next-patient').click();
    await readCard(page, world, 'emergency-expired');
    await settleBill(page, 'BILL-EMERGENCY-EXPIRED');
    expect(await page.getByTestId('review').getAttribute('data-status')).toBe('settled');
    const waived = page.getByTestId('emergency-waived');
    expect(await waived.textContent()).toContain('急诊视同已备案');
    expect(await waived.locator('[data-code=FILING_EXPIRED]').count()).toBe(1);
    await shot(page, 'v2-03-emergency-expired-filing');
    await settleAndConfirm(page);
  }, 120_000);

  it('a rehabilitation stay in monthly parts: part 1, then part 2 of the same stay, both confirmed', async () => {
    await page.getByTestId('next-patient').click();
    await readCard(page, world, 'rehab-stay');
    await settleBill(page, 'BILL-REHAB-PART1');
    expect(await page.getByTestId('stay-part-badge').textContent()).toBe('中途结算 第1段');
    await settleAndConfirm(page);

    await page.getByTestId('next-patient').click();
    await readCard(page, world, 'rehab-stay');
    await settleBill(page, 'BILL-REHAB-PART2');
    expect(await page.getByTestId('stay-part').inputValue()).toBe('2');
    expect(await page.getByTestId('stay-part-badge').textContent()).toBe('中途结算 第2段');
    expect(await page.getByTestId('trace').locator('[data-rule=MID_STAY_PART]').count()).toBe(1);
    await shot(page, 'v2-04-rehab-part-2-review');
    await settleAndConfirm(page);
    await shot(page, 'v2-05-rehab-part-2-confirmed');
  }, 180_000);
});
