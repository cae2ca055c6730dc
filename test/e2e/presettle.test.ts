// End to end, online-fresh (issue 18) in Chromium against the station as `npm start` starts it: a
// card read says the person's data is live from the platform; accumulators moved elsewhere after the
// card read are caught by the pre-settlement (2303) on F8, shown side by side before payment, and the
// settlement by the platform's figures is confirmed.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { AdminClient } from '../../platform-sim';
import { demoWorld } from '../../shared/demo-world';
import { shot } from './browser';
import { readCard, settleBill, stationPagesOfFile } from './station-page';

const SEED = 'e2e-presettle';
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const world = demoWorld({ seed: SEED, today });
const pages = stationPagesOfFile(SEED, today);

describe('online-fresh in Chromium', () => {
  let page: Page;
  let admin: AdminClient;

  it('a card read shows live data; a difference found by 2303 is shown before payment, then confirmed', async () => {
    const opened = await pages.open();
    page = opened.page;
    admin = new AdminClient(opened.station.platformUrl);
    await readCard(page, world, 'inpatient-direct');
    await page.locator('[data-testid=freshness][data-source=live]').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('freshness').textContent()).toContain('平台实时数据');
    await shot(page, 'presettle-01-card-read-live');

    await settleBill(page, 'BILL-PNEUMONIA');
    // Meanwhile another hospital's settlement moves the person's year-to-date figures.
    const psn = world.people.find((p) => p.scenario === 'inpatient-direct')!.person.psn_no;
    const year = Number(today.slice(0, 4));
    const current = (await admin.accumulators(psn, year)).accumulators;
    await admin.setAccumulators({
      psn_no: psn,
      accumulators: { ...current, year, inpatient_admissions: 3, hifp_pay: '999999.00' },
    });
    await page.getByTestId('settle').click();
    const differs = page.getByTestId('presettle-differs');
    await differs.waitFor({ timeout: 10_000 });
    expect(await differs.locator('tr[data-field=hifp_pay]').count()).toBe(1);
    expect(await page.getByTestId('receipt').count()).toBe(0);
    expect(await page.getByTestId('settle').textContent()).toBe('按平台金额结算 F8');
    // the figures the cashier collects are the ones F8 commits: the platform's, not the station's
    const platformCash = differs.locator('tr[data-field=psn_cash_pay] [data-side=platform]');
    const stationCash = differs.locator('tr[data-field=psn_cash_pay] [data-side=station]');
    expect(await page.getByTestId('cash').textContent()).toBe(await platformCash.textContent());
    expect(await page.getByTestId('cash').textContent()).not.toBe(await stationCash.textContent());
    await shot(page, 'presettle-02-difference-before-payment');

    await page.getByTestId('settle').click();
    await page.locator('[data-testid=receipt][data-status=confirmed]').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('settled-offline').count()).toBe(0);
    await shot(page, 'presettle-03-confirmed');
  }, 240_000);
});
