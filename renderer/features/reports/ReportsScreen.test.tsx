// The reports screen over the real database (test-station): a day's totals, the charts drawn, the
// refusal reasons listed; the month view from the same settlements; the route picks the period.
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { formatAmount, sumAmounts } from '../../../shared/money';
import { settleDemoBill, testStation, type TestStation } from '../../../test/support/test-station';
import { renderRouted } from '../../../test/support/render-screen';
import { memoryRouter, usePath, type Router } from '../../navigation';
import { periodOf, ReportsScreen } from './ReportsScreen';
import { reportsRoute } from './route';

let ts: TestStation;
afterEach(() => ts?.close());

function Routed() {
  const params = reportsRoute.match(usePath()) ?? {};
  return <ReportsScreen params={params} />;
}

const show = (router: Router) => renderRouted(ts.station, router, Routed);

it('reads the period from the route: a day, a month, or today', () => {
  expect(periodOf(undefined, '2026-06-30')).toEqual({ from: '2026-06-30', to: '2026-06-30' });
  expect(periodOf('2026-06-12', '2026-06-30')).toEqual({ from: '2026-06-12', to: '2026-06-12' });
  expect(periodOf('2026-02', '2026-06-30')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  expect(periodOf('not-a-date', '2026-06-30')).toEqual({ from: '2026-06-30', to: '2026-06-30' });
  expect(periodOf('2026-13', '2026-06-30')).toEqual({ from: '2026-06-30', to: '2026-06-30' });
  expect(periodOf('2026-02-30', '2026-06-30')).toEqual({ from: '2026-06-30', to: '2026-06-30' });
});

describe('the reports screen', () => {
  it('shows the day’s totals, charts and refusal reasons, then the month', async () => {
    ts = await testStation({ signedIn: 'supervisor01' });
    const a = await settleDemoBill(ts, 'BILL-PNEUMONIA', { encounter_no: 'ZY-P1' });
    const b = await settleDemoBill(ts, 'BILL-OUTPATIENT', { encounter_no: 'MZ-P2', opter: 'cashier02' });
    // settled_at is the real clock's here; the report reads the station's day
    await ts.db.settlements.update(a.local_setl_id, { settled_at: '2026-06-30T09:10:00+08:00' });
    await ts.db.settlements.update(b.local_setl_id, {
      settled_at: '2026-06-30T15:20:00+08:00',
      status: 'rejected',
      reasons: [
        { code: 'FILING_REVOKED', message: '备案已被参保地撤销', message_en: 'the filing was revoked' },
      ],
    });
    const router = memoryRouter('#/reports/2026-06-30');
    show(router);
    const totals = await screen.findByTestId('reports-totals');
    expect(totals.getAttribute('data-count')).toBe('2');
    expect(screen.getByTestId('reports-medfee').textContent).toBe(
      formatAmount(sumAmounts([a.result.setlinfo.medfee_sumamt])),
    );
    expect(screen.getByTestId('chart-buckets').querySelector('svg')).not.toBeNull();
    expect(screen.getByTestId('funds').textContent).toContain(a.result.setlinfo.psn_cash_pay);
    expect(screen.getByTestId('categories').querySelectorAll('tr').length).toBeGreaterThan(0);
    expect(screen.getByTestId('refusals').textContent).toContain('FILING_REVOKED × 1');

    act(() => void fireEvent.click(screen.getByTestId('reports-month')));
    await waitFor(() => expect(router.path()).toBe('reports/2026-06'));
    await waitFor(() => expect(screen.getByTestId('reports-period').getAttribute('type')).toBe('month'));
    expect((await screen.findByTestId('reports-totals')).getAttribute('data-count')).toBe('2');
  });

  it('says when a period has no settlements', async () => {
    ts = await testStation({ signedIn: 'supervisor01' });
    show(memoryRouter('#/reports/2026-06-01'));
    expect(await screen.findByTestId('reports-empty')).toBeTruthy();
  });
});
