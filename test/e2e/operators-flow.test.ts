// End to end, the operators' side of the station, started as `npm start` starts it (browser mode,
// embedded demo platform) and driven in Debian's Chromium: sign in as cashier01 → settle → cancel the
// same day → reversal receipt, 2305 on the platform; offline: settle, cancel, reconnect → the platform
// shows the settlement cancelled, once; the lock screen (F12) keeps the bill, and the corrected bill
// settles again for the freed encounter; a cashier cannot open the operators' settings, the
// administrator can; a settlement of an earlier day needs supervisor01's PIN; the audit chain is
// intact; 9001 and 9002 name the operators. Screenshots in test-artifacts/e2e/ops-*.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminClient } from '../../platform-sim';
import type { RunningStation } from '../../scripts/start-station';
import { shot, signIn } from './browser';
import { e2eWorld, settleAtCounter as settle, startE2eStation, type E2eStation } from './e2e-station';

const SEED = 'e2e-ops';
const { today, personOf, cardOf, pinOf } = e2eWorld(SEED);

let e2e: E2eStation | undefined;
let station: RunningStation;
let admin: AdminClient;
let page: Page;

beforeAll(async () => {
  e2e = await startE2eStation(SEED, today, 'station-e2e-ops-');
  ({ station, admin, page } = e2e);
}, 240_000);

afterAll(async () => {
  await e2e?.close();
}, 60_000);

const settleAtCounter = (scenario: string, billId: string, encounter: string) =>
  settle(page, cardOf(scenario), billId, encounter);

async function openInHistory(localId: string): Promise<void> {
  await page.getByTestId('nav-history').click();
  await page.getByTestId(`history-open-${localId}`).click();
  await page.getByTestId('detail').waitFor();
}

async function cancelOpen(reason = '账单录入错误，更正后重新结算'): Promise<void> {
  await page.getByTestId('cancel-start').click();
  await page.getByTestId('cancel-reason').selectOption('bill_error');
  await page.getByTestId('cancel-text').fill(reason);
}

describe('operators, history, cancel and audit in Chromium', () => {
  it('signs in as cashier01 (a wrong PIN is refused), settles, cancels the same day: reversal, 2305 on the platform', async () => {
    await page.goto(station.url);
    await page.getByTestId('sign-in').waitFor({ timeout: 60_000 });
    await page.getByTestId('sign-in-form-id').fill('cashier01');
    await page.getByTestId('sign-in-form-pin').fill('000000');
    await page.getByTestId('sign-in-form-submit').click();
    await page.getByTestId('sign-in-form-error').waitFor();
    await shot(page, 'ops-01-sign-in-refused');
    await signIn(page, 'cashier01');
    await page.locator('[data-testid=sync-indicator][data-connection=online]').waitFor({ timeout: 90_000 });

    const id = await settleAtCounter('inpatient-direct', 'BILL-PNEUMONIA', 'ZY-E2E-0001');
    await page.locator('[data-testid=receipt][data-status=confirmed]').waitFor({ timeout: 30_000 });
    await page.getByTestId('next-patient').click();
    await openInHistory(id);
    await shot(page, 'ops-02-history-detail');
    await cancelOpen();
    expect(await page.getByTestId('cancel-panel').getAttribute('data-rule')).toBe('own_same_day');
    await shot(page, 'ops-03-cancel-own-same-day');
    await page.getByTestId('cancel-confirm').click();
    await page.locator('[data-testid=reversal][data-platform=cancelled]').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('detail').getAttribute('data-status')).toBe('cancelled');
    await shot(page, 'ops-04-reversal-receipt');
    const onPlatform = (await admin.settlements(personOf('inpatient-direct').psn_no)).settlements;
    expect(onPlatform.filter((s) => s.local_setl_id === id).map((s) => s.cancel_setl_id !== null)).toEqual([
      true,
    ]);
  }, 240_000);

  it('offline: settle, cancel, reconnect → the platform shows the settlement cancelled, once', async () => {
    await station.stopPlatform();
    await page.getByTestId('force-sync').click();
    await page.locator('[data-testid=sync-indicator][data-connection=offline]').waitFor({ timeout: 30_000 });
    const id = await settleAtCounter('long-term-resident', 'BILL-OUTPATIENT', 'MZ-E2E-0002');
    await page.locator('[data-testid=receipt][data-status=pending]').waitFor();
    await page.getByTestId('next-patient').click();
    await openInHistory(id);
    await cancelOpen('患者要求改为自费');
    await page.getByTestId('cancel-confirm').click();
    await page.locator('[data-testid=reversal][data-platform=pending]').waitFor();
    await page.locator('[data-testid=sync-indicator][data-queued="2"]').waitFor();
    await shot(page, 'ops-05-offline-cancel-pending');

    await station.startPlatform();
    await page.getByTestId('force-sync').click();
    await page.locator('[data-testid=reversal][data-platform=cancelled]').waitFor({ timeout: 90_000 });
    await page.locator('[data-testid=sync-indicator][data-queued="0"]').waitFor({ timeout: 30_000 });
    await shot(page, 'ops-06-back-online-cancelled');
    const rows = (await admin.settlements(personOf('long-term-resident').psn_no)).settlements.filter(
      (s) => s.local_setl_id === id,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.cancel_setl_id).not.toBeNull();
  }, 240_000);

  it('F12 locks the screen and keeps the bill; the corrected bill settles again for the freed encounter', async () => {
    await page.getByTestId('nav-counter').click();
    await page.getByTestId(`demo-card-${cardOf('inpatient-direct')}`).click();
    await page.getByTestId('verdict').waitFor();
    await page.getByTestId('demo-bill-BILL-PNEUMONIA').click();
    await page.getByTestId('mdtrt-id').fill('ZY-E2E-0001'); // the encounter cancelled above
    const summary = await page.getByTestId('bill-summary').textContent();
    await page.keyboard.press('F12');
    await page.getByTestId('lock-screen').waitFor();
    expect(await page.getByTestId('bill-summary').count()).toBe(0); // nothing of the patient shows
    await shot(page, 'ops-07-locked');
    await page.getByTestId('unlock-form-pin').fill(pinOf('cashier02'));
    await page.getByTestId('unlock-form-submit').click();
    await page.getByTestId('unlock-form-error').waitFor();
    await page.getByTestId('unlock-form-pin').fill(pinOf('cashier01'));
    await page.getByTestId('unlock-form-submit').click();
    await page.getByTestId('bill-summary').waitFor();
    expect(await page.getByTestId('bill-summary').textContent()).toBe(summary);
    expect(await page.getByTestId('mdtrt-id').inputValue()).toBe('ZY-E2E-0001');
    await shot(page, 'ops-08-unlocked-bill-kept');
    await page.getByTestId('compute').click();
    await page.getByTestId('review').waitFor();
    await page.getByTestId('settle').click();
    await page.locator('[data-testid=receipt][data-status=confirmed]').waitFor({ timeout: 30_000 });
    await page.getByTestId('next-patient').click();
  }, 120_000);

  it('a cashier cannot open the operators’ settings; the administrator can', async () => {
    expect(await page.getByTestId('nav-settings').count()).toBe(0);
    await page.evaluate(() => (window.location.hash = '#/settings'));
    await page.getByTestId('forbidden').waitFor();
    await shot(page, 'ops-09-cashier-forbidden-settings');
    await page.keyboard.press('F10');
    await page.getByTestId('forbidden').waitFor();
    await page.getByTestId('sign-out').click();
    await signIn(page, 'admin01');
    await page.getByTestId('nav-settings').click();
    await page.locator('[data-testid=operator-row]').first().waitFor();
    expect(await page.locator('[data-testid=operator-row]').count()).toBe(4);
    expect(await page.getByTestId('nav-counter').count()).toBe(0);
    await shot(page, 'ops-10-admin-settings');
    await page.getByTestId('sign-out').click();
  }, 120_000);

  it('a settlement of an earlier day is cancelled only with supervisor01’s PIN', async () => {
    // Yesterday at the counter (the page's clock set back a day), cancelled today.
    const yesterday = new Date(Date.now() - 24 * 3600_000);
    await page.clock.setFixedTime(yesterday);
    await signIn(page, 'cashier01');
    const id = await settleAtCounter('inpatient-direct', 'BILL-HIP', 'ZY-E2E-0003');
    await page.locator('[data-testid=receipt][data-status=confirmed]').waitFor({ timeout: 30_000 });
    await page.getByTestId('next-patient').click();
    await page.clock.setFixedTime(new Date());
    await openInHistory(id);
    await cancelOpen('上日结算账单有误');
    expect(await page.getByTestId('cancel-panel').getAttribute('data-rule')).toBe('needs_approval');
    await page.getByTestId('cancel-approver').fill('supervisor01');
    await page.getByTestId('cancel-approver-pin').fill('111111');
    await page.getByTestId('cancel-confirm').click();
    await page.getByTestId('cancel-error').waitFor();
    await shot(page, 'ops-11-earlier-day-needs-supervisor');
    await page.getByTestId('cancel-approver-pin').fill(pinOf('supervisor01'));
    await page.getByTestId('cancel-confirm').click();
    await page.getByTestId('cancel-approved-by').waitFor();
    await page.locator('[data-testid=reversal][data-platform=cancelled]').waitFor({ timeout: 30_000 });
    await shot(page, 'ops-12-approved-reversal');
  }, 180_000);

  it('the audit chain is intact; 9001 and 9002 named the operators', async () => {
    await page.getByTestId('sign-out').click();
    await signIn(page, 'supervisor01');
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-verify').click();
    const verdict = page.getByTestId('audit-verdict');
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-intact')).toBe('true');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('audit-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^audit-ST-.*\.jsonl$/);
    await shot(page, 'ops-13-audit-intact');
    const kinds = await page
      .locator('[data-testid=audit-row]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind')));
    for (const k of [
      'operator.signed_in',
      'operator.locked',
      'cancel.approved',
      'cancel.committed',
      'cancel.cancelled',
      'settlement.committed',
    ])
      expect(kinds).toContain(k);

    const signIns = (await admin.signIns()).sign_ins.filter((s) => s.station_id === station.stationId);
    const opters = signIns.map((s) => s.opter_no);
    for (const o of ['cashier01', 'admin01', 'supervisor01']) expect(opters).toContain(o);
    // everyone but the one signed in now has signed out (9002)
    expect(signIns.filter((s) => s.signed_out_at === null).map((s) => s.opter_no)).toEqual(['supervisor01']);
  }, 120_000);
});
