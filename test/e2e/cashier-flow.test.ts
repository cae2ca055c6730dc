// End to end, as a cashier: the station started the way `npm start` starts it (browser mode, embedded
// demo platform), driven in Debian's Chromium. Medical inpatient settled and confirmed; a person whose
// filing expired refused with the reason; a work-injury device settled at the device shop; and the
// offline flow: platform stopped → settle → receipt pending → platform back → confirmed.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoWorld, DEMO_DEVICE_SHOP } from '../../shared/demo-world';
import type { RunningStation } from '../../scripts/start-station';
import { shot } from './browser';
import { e2eStations, readCard as readCardOf } from './station-page';

const SEED = 'e2e';
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const world = demoWorld({ seed: SEED, today });
const { pool, browser } = e2eStations();

const openStation = (institution?: string) => pool.open(browser(), { seed: SEED, today, institution });
const readCard = (page: Page, scenario: string) => readCardOf(page, world, scenario);

async function settleBill(page: Page, billId: string): Promise<void> {
  await page.getByTestId(`demo-bill-${billId}`).click();
  await page.getByTestId('compute').click();
  await page.getByTestId('review').waitFor();
}

describe('the cashier flow in Chromium', () => {
  let page: Page;
  let station: RunningStation;

  it('settles a medical inpatient directly and shows the platform confirmation', async () => {
    ({ station, page } = await openStation());
    await readCard(page, 'inpatient-direct');
    expect(await page.getByTestId('verdict').getAttribute('data-can-settle')).toBe('true');
    await shot(page, '01-card-read-verdict');

    // A line by hand from the catalog: the whole name puts the item first, Enter picks it, and the
    // amount is quantity × price.
    const search = page.getByTestId('catalog-search');
    await search.fill('阿莫西林胶囊');
    await page.getByTestId('catalog-result').first().waitFor();
    expect(await page.getByTestId('catalog-result').first().getAttribute('data-code')).toBe('XJ01CAA040A001');
    await search.press('Enter');
    await page.getByTestId('catalog-cnt').fill('2');
    await page.getByTestId('catalog-pric').fill('12.5');
    await page.getByTestId('catalog-pric').press('Enter');
    await page.getByTestId('bill-summary').waitFor();
    expect(await page.getByTestId('bill-summary').textContent()).toContain('25.00');
    expect(await page.locator('table.lines tbody tr').count()).toBe(1);
    // pinyin initials and a code prefix find it too; a bad price is refused with the field named
    await search.fill('amxljn');
    await page.locator('[data-testid=catalog-result][data-code=XJ01CAA040A001]').waitFor();
    await shot(page, '01a-catalog-search-pinyin');
    await search.fill('XJ01CAA04');
    await page.locator('[data-testid=catalog-result][data-code=XJ01CAA040A001]').waitFor();
    await search.press('Enter');
    await page.getByTestId('catalog-pric').fill('12,50');
    await page.getByTestId('catalog-add').click();
    expect(await page.getByTestId('catalog-errors').textContent()).toContain('单价');
    expect(await page.locator('table.lines tbody tr').count()).toBe(1);
    await shot(page, '01b-catalog-line-by-hand');

    await settleBill(page, 'BILL-PNEUMONIA');
    expect(await page.getByTestId('review').getAttribute('data-status')).toBe('settled');
    expect(await page.getByTestId('trace').locator('li').count()).toBeGreaterThan(3);
    await shot(page, '02-review-split');
    await page.keyboard.press('F8');
    await page.locator('[data-testid=receipt][data-status=confirmed]').waitFor({ timeout: 30_000 });
    expect((await page.getByTestId('setl-id').textContent())?.length).toBeGreaterThan(3);
    await shot(page, '03-receipt-confirmed');
  }, 180_000);

  it('refuses a person whose filing expired, and says why', async () => {
    await page.getByTestId('next-patient').click();
    await readCard(page, 'filing-expired');
    const verdict = page.getByTestId('verdict');
    expect(await verdict.getAttribute('data-can-settle')).toBe('false');
    expect(await verdict.locator('[data-code=FILING_EXPIRED]').count()).toBe(1);
    await settleBill(page, 'BILL-APPENDIX');
    expect(await page.getByTestId('review').getAttribute('data-status')).toBe('refused');
    expect(await page.getByTestId('settle').count()).toBe(0);
    await shot(page, '04-refused-expired-filing');
  }, 60_000);

  it('settles offline, shows pending, and confirms once the platform is back', async () => {
    await page.keyboard.press('Escape');
    await station.stopPlatform();
    await page.getByTestId('force-sync').click();
    await page.locator('[data-testid=sync-indicator][data-connection=offline]').waitFor({ timeout: 30_000 });
    await readCard(page, 'long-term-resident');
    await settleBill(page, 'BILL-OUTPATIENT');
    await page.getByTestId('settle').click();
    await page.locator('[data-testid=receipt][data-status=pending]').waitFor();
    expect(await page.getByTestId('receipt-status').textContent()).toContain('待平台确认');
    await page.locator('[data-testid=sync-indicator][data-queued="1"]').waitFor();
    await shot(page, '05-offline-pending');

    await station.startPlatform();
    await page.getByTestId('force-sync').click();
    await page.locator('[data-testid=receipt][data-status=confirmed]').waitFor({ timeout: 60_000 });
    await shot(page, '06-back-online-confirmed');
    await page.getByTestId('nav-queue').click();
    await page.locator('[data-testid=queue-row]').first().waitFor();
    expect(await page.locator('[data-testid=queue-row][data-status=confirmed]').count()).toBe(2);
    await page.locator('[data-testid=sync-indicator][data-queued="0"]').waitFor();
    await shot(page, '07-queue-confirmed');
  }, 180_000);

  it('settles a work-injury assistive device at the device shop', async () => {
    const shop = await openStation(DEMO_DEVICE_SHOP);
    await readCard(shop.page, 'wi-device');
    expect(await shop.page.getByTestId('verdict').getAttribute('data-can-settle')).toBe('true');
    await shop.page.getByTestId('demo-bill-BILL-PROSTHESIS').click();
    // with the work-injury scheme, the picker searches the work-injury catalog
    expect(await shop.page.getByTestId('catalog-picker').textContent()).toContain('从工伤目录添加');
    await shop.page.getByTestId('catalog-search').fill('ydlf');
    await shop.page.locator('[data-testid=catalog-result][data-code=GS-KF-0001]').waitFor();
    await shop.page.getByTestId('catalog-search').fill('');
    await settleBill(shop.page, 'BILL-PROSTHESIS');
    expect(await shop.page.getByTestId('review').getAttribute('data-status')).toBe('settled');
    await shot(shop.page, '08-device-review');
    await shop.page.getByTestId('settle').click();
    await shop.page.locator('[data-testid=receipt][data-status=confirmed]').waitFor({ timeout: 30_000 });
    await shot(shop.page, '09-device-confirmed');
  }, 180_000);
});
