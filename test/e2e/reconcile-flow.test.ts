// End to end, the finance side of the day's close in Chromium, the station started as `npm start`
// starts it (browser mode, embedded demo platform): two cashiers settle; the supervisor reconciles
// the day — 3201 balanced for every insutype × clr_type; an admin fault alters one settlement's amount
// on the platform → 3201 unbalanced and 3202 names exactly that settlement, whose link opens its
// history entry; a lost settlement → unknown to the platform; the reports (day, month, charts) and the
// CSV download, whose sums are the report's. Screenshots in test-artifacts/e2e/close-*.png.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { AdminClient } from '../../platform-sim';
import type { RunningStation } from '../../scripts/start-station';
import { formatAmount, sumAmounts } from '../../shared/money';
import { demoWorld } from '../../shared/demo-world';
import { shot, signIn } from './browser';
import { settleAtCounter as settleAt } from './e2e-station';
import { cardOf, stationPagesOfFile } from './station-page';

const SEED = 'e2e-close';
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const world = demoWorld({ seed: SEED, today });

const pages = stationPagesOfFile(SEED, today);
let station: RunningStation;
let admin: AdminClient;
let page: Page;
const settled: { id: string; setl_id: string }[] = [];

beforeAll(async () => {
  ({ station, page } = await pages.open());
  admin = new AdminClient(station.platformUrl);
}, 240_000);

async function settleAtCounter(scenario: string, billId: string, encounter: string): Promise<void> {
  const id = await settleAt(page, cardOf(world, scenario), billId, encounter);
  await page.locator('[data-testid=receipt][data-status=confirmed]').waitFor({ timeout: 30_000 });
  const onPlatform = (await admin.settlements()).settlements.find((s) => s.local_setl_id === id)!;
  settled.push({ id, setl_id: onPlatform.setl_id! });
  await page.getByTestId('next-patient').click();
}

async function switchTo(id: 'cashier01' | 'cashier02' | 'supervisor01'): Promise<void> {
  await page.getByTestId('sign-out').click();
  await page.getByTestId('sign-in').waitFor();
  await signIn(page, id);
}

async function reconcileToday(): Promise<void> {
  await page.goto(`${station.url.split('#')[0]}#/reconcile/${today}`);
  await page.getByTestId('reconcile-run').click();
  await page.locator(`[data-testid=reconcile-report][data-date="${today}"]`).waitFor({ timeout: 30_000 });
}

describe('reconciliation and reports in Chromium', () => {
  it('two cashiers settle; the day’s 3201 balances for every insutype × clr_type', async () => {
    await settleAtCounter('inpatient-direct', 'BILL-PNEUMONIA', 'ZY-CLOSE-0001');
    await switchTo('cashier02');
    await settleAtCounter('long-term-resident', 'BILL-OUTPATIENT', 'MZ-CLOSE-0002');
    expect(await page.getByTestId('nav-reconcile').count()).toBe(0);
    await switchTo('supervisor01');
    await page.getByTestId('nav-reconcile').click();
    // yesterday by default
    expect(await page.getByTestId('reconcile-date').inputValue()).not.toBe(today);
    await reconcileToday();
    expect(await page.getByTestId('reconcile-pending').getAttribute('data-count')).toBe('0');
    const results = await page
      .getByTestId('reconcile-total')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-result')));
    expect(results.length).toBeGreaterThanOrEqual(2);
    expect(results.every((r) => r === '0')).toBe(true);
    expect(await page.getByTestId('reconcile-mismatch').count()).toBe(0);
    await shot(page, 'close-01-reconcile-balanced');
  }, 300_000);

  it('after an admin fault alters one settlement, 3201 is unbalanced and 3202 names exactly it', async () => {
    const victim = settled[1]!;
    const [stored] = (await admin.settlements()).settlements.filter((s) => s.local_setl_id === victim.id);
    const altered = formatAmount(sumAmounts([stored!.medfee_sumamt!, '12.34']));
    await admin.settlementFault({ fault: 'alter', local_setl_id: victim.id, medfee_sumamt: altered });
    await page.getByTestId('reconcile-run').click();
    await page.locator('[data-testid=reconcile-total][data-result="1"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid=reconcile-total][data-result="1"]').count()).toBe(1);
    const found = await page
      .getByTestId('reconcile-mismatch')
      .evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-setl-id'), r.getAttribute('data-cause')]));
    expect(found).toEqual([[victim.setl_id, 'amounts']]);
    await shot(page, 'close-02-reconcile-unbalanced-3202');
    await page.getByTestId('reconcile-open').click();
    await page.locator(`[data-testid=detail]`).waitFor();
    expect(page.url()).toContain(`#/history/${victim.id}`);
    await shot(page, 'close-03-mismatch-history');
  }, 120_000);

  it('a settlement lost on the platform: 3202 answers it unknown to the platform', async () => {
    const victim = settled[0]!;
    await admin.settlementFault({ fault: 'lose', local_setl_id: victim.id });
    await reconcileToday();
    await page.locator('[data-testid=reconcile-mismatch][data-cause=unknown]').waitFor();
    const found = await page
      .getByTestId('reconcile-mismatch')
      .evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-setl-id'), r.getAttribute('data-cause')]));
    expect(found.sort()).toEqual(
      [
        [victim.setl_id, 'unknown'],
        [settled[1]!.setl_id, 'amounts'],
      ].sort(),
    );
    await shot(page, 'close-04-reconcile-lost');
  }, 120_000);

  it('reports the day and the month with charts; the CSV sums are the report’s', async () => {
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('reports-totals').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('reports-totals').getAttribute('data-count')).toBe('2');
    expect(await page.locator('[data-testid=chart-buckets] svg').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=chart-funds] .recharts-pie-sector').count()).toBeGreaterThan(0);
    await shot(page, 'close-05-reports-day');
    const medfee = await page.getByTestId('reports-medfee').textContent();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('reports-csv').click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const [head, ...data] = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
    expect(data).toHaveLength(2);
    const col = head!.findIndex((h) => h === '医疗费总额' || h === 'medfee_sumamt');
    expect(formatAmount(sumAmounts(data.map((d) => d[col]!)))).toBe(medfee);
    await page.getByTestId('reports-month').click();
    await page.locator('[data-testid=reports-period][type=month]').waitFor();
    expect(await page.getByTestId('reports-totals').getAttribute('data-count')).toBe('2');
    await shot(page, 'close-06-reports-month');
  }, 120_000);
});
