// End to end, closing the day (part one), started as `npm start` starts it (browser mode, embedded
// demo platform) and driven in Debian's Chromium: cashier01 settles two patients while the network
// is cut; meanwhile the platform's administrator changes one person's year-to-date figures (her
// outpatient deductible was met elsewhere) and revokes the other's filing; back online, the first is a
// discrepancy, resolved with a refund and its correction receipt, the second a rejection, converted
// to self-pay with supervisor01's PIN and its note printed; cashier02 settles a patient too; cashier01
// hands over with a cash difference, supervisor01 confirms it, and it is printed as a PDF.
// Screenshots in test-artifacts/e2e/close-*.png.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminClient } from '../../platform-sim';
import type { RunningStation } from '../../scripts/start-station';
import { Decimal, formatAmount } from '../../shared/money';
import { shot, signIn } from './browser';
import { e2eWorld, settleAtCounter as settle, startE2eStation, type E2eStation } from './e2e-station';

const SEED = 'e2e-close';
const { today, world, personOf, cardOf, pinOf } = e2eWorld(SEED);

let e2e: E2eStation | undefined;
let station: RunningStation;
let admin: AdminClient;
let page: Page;
let dataDir: string;

beforeAll(async () => {
  e2e = await startE2eStation(SEED, today, 'station-e2e-close-');
  ({ station, admin, page, dataDir } = e2e);
}, 240_000);

afterAll(async () => {
  await e2e?.close();
}, 60_000);

/** Settles at the counter, then turns to the next patient. */
async function settleAtCounter(scenario: string, billId: string, encounter: string): Promise<string> {
  const id = await settle(page, cardOf(scenario), billId, encounter);
  await page.getByTestId('next-patient').click();
  return id;
}

const receipts = (): string[] => {
  const dir = join(dataDir, 'station', 'receipts');
  return existsSync(dir) ? readdirSync(dir) : [];
};

describe('closing the day in Chromium: tasks settled at the counter, the shift handed over', () => {
  it('an offline discrepancy is refunded with a correction receipt; a rejection becomes self-pay with the supervisor', async () => {
    await page.goto(station.url);
    await page.getByTestId('sign-in').waitFor({ timeout: 60_000 });
    await signIn(page, 'cashier01');
    await page.locator('[data-testid=sync-indicator][data-connection=online]').waitFor({ timeout: 90_000 });

    // the network is cut; two patients are settled at the counter
    await admin.setFaults({ partition_seconds: 900 });
    await page.getByTestId('force-sync').click();
    await page.locator('[data-testid=sync-indicator][data-connection=offline]').waitFor({ timeout: 60_000 });
    const discrepancyId = await settleAtCounter('long-term-resident', 'BILL-OUTPATIENT', 'MZ-CLOSE-0001');
    const rejectedId = await settleAtCounter('inpatient-direct', 'BILL-PNEUMONIA', 'ZY-CLOSE-0002');

    // meanwhile, on the platform: her deductible was met elsewhere; his filing is revoked
    const resident = personOf('long-term-resident').psn_no;
    const year = Number(today.slice(0, 4));
    const current = (await admin.accumulators(resident, year)).accumulators as Record<string, unknown>;
    await admin.setAccumulators({
      psn_no: resident,
      accumulators: { ...current, year, outpatient_dedc: '5000.00' },
    });
    const filing = world.filings.find(
      (f) => f.person.psn_no === personOf('inpatient-direct').psn_no && f.scheme === 'medical',
    )!;
    await admin.revokeFiling(filing.filing_id);

    await admin.clearFaults();
    await page.getByTestId('force-sync').click();
    await page.locator('[data-testid=sync-indicator][data-queued="0"]').waitFor({ timeout: 90_000 });

    await page.getByTestId('nav-queue').click();
    const discrepancy = page.locator(`[data-testid=task][data-id="${discrepancyId}"]`);
    await discrepancy.getByTestId('fix-discrepancy').waitFor({ timeout: 30_000 });
    const cash = (await discrepancy.getByTestId('fix-cash').getAttribute('data-cash'))!;
    expect(new Decimal(cash).isNegative()).toBe(true); // the platform's figures: the patient paid too much
    await shot(page, 'close-01-discrepancy-side-by-side');
    await discrepancy.getByTestId('fix-correct').click();
    const printed = page.getByTestId('fix-printed');
    await printed.waitFor();
    await expect
      .poll(async () => (await printed.locator('iframe').getAttribute('srcdoc')) ?? '')
      .toContain(`本次退还现金</th><td>${formatAmount(new Decimal(cash).negated())}`);
    await shot(page, 'close-02-refund-receipt');

    const rejected = page.locator(`[data-testid=task][data-id="${rejectedId}"]`);
    await rejected.getByTestId('fix-rejected').waitFor();
    expect(await rejected.locator('[data-testid=fix-reason]').first().getAttribute('data-code')).toBe(
      'FILING_REVOKED',
    );
    await rejected.getByTestId('fix-approver').fill('supervisor01');
    await rejected.getByTestId('fix-approver-pin').fill(pinOf('supervisor01'));
    await shot(page, 'close-03-rejection-self-pay-approval');
    await rejected.getByTestId('fix-self-pay-confirm').click();
    await rejected.waitFor({ state: 'detached' });
    await expect
      .poll(async () => (await printed.locator('iframe').getAttribute('srcdoc')) ?? '')
      .toContain('全自费结算说明');
    await shot(page, 'close-04-self-pay-note');
    // the PDFs are saved after the page shows them
    await expect
      .poll(receipts, { timeout: 30_000 })
      .toEqual(
        expect.arrayContaining([
          expect.stringMatching(new RegExp(`^CORR-${discrepancyId}`)),
          expect.stringMatching(new RegExp(`^SELFPAY-${rejectedId}`)),
        ]),
      );
    expect(await page.locator('[data-testid=task]').count()).toBe(0);
  }, 300_000);

  it('a second cashier settles; cashier01 hands over with a cash difference, supervisor01 confirms, it is printed', async () => {
    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in').waitFor();
    await signIn(page, 'cashier02');
    await settleAtCounter('resident-temporary', 'BILL-RESIDENT', 'ZY-CLOSE-0003');
    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in').waitFor();
    await signIn(page, 'cashier01');

    await page.getByTestId('nav-handover').click();
    const current = page.getByTestId('handover-current');
    await current.waitFor({ timeout: 30_000 });
    expect(await current.getByTestId('ho-settlements').locator('td').textContent()).toBe('2');
    expect(await current.getByTestId('ho-corrections').locator('td').textContent()).toBe('2');
    const expected = (await current.getByTestId('ho-expected').locator('td').textContent())!;
    const counted = formatAmount(new Decimal(expected).minus('10.00')); // ten yuan short
    await current.getByTestId('handover-counted').fill(counted);
    expect(await current.getByTestId('handover-difference').textContent()).toContain('-10.00');
    await shot(page, 'close-05-handover-counted');
    await current.getByTestId('handover-submit').click();
    await page.locator('[data-testid=handover-item][data-state=draft]').waitFor();
    const item = page.locator('[data-testid=handover-item][data-opter=cashier01]').first();
    await item.getByTestId('handover-approver').fill('supervisor01');
    await item.getByTestId('handover-approver-pin').fill(pinOf('supervisor01'));
    await item.getByTestId('handover-confirm').click();
    await page.locator('[data-testid=handover-item][data-state=confirmed]').waitFor({ timeout: 30_000 });
    await page.getByTestId('handover-printed').waitFor();
    expect(await item.getByTestId('ho-difference').locator('td').textContent()).toBe('-10.00');
    expect(await item.getByTestId('handover-confirmed-by').textContent()).toContain('supervisor01');
    // confirmed: neither withdrawn nor confirmed again
    expect(await item.getByTestId('handover-withdraw').count()).toBe(0);
    expect(await item.getByTestId('handover-confirm').count()).toBe(0);
    await shot(page, 'close-06-handover-confirmed-printed');
    await expect
      .poll(() => receipts().some((f) => f.startsWith('HANDOVER-') && f.endsWith('.pdf')), {
        timeout: 30_000,
      })
      .toBe(true);
    // nothing new since: the next handover has nothing to hand over
    expect(await page.getByTestId('handover-nothing').count()).toBe(1);
  }, 300_000);
});
