// The reconciliation screen over the real database and settle service (test-station; the platform is
// unreachable there): yesterday by default; a day whose settlements all wait to upload names them
// first and asks the platform nothing; a day with a settlement the platform took asks 3201, and when
// the platform cannot be reached says so with its code and shows no result; each run is audited.
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { settleDemoBill, testStation, type TestStation } from '../../../test/support/test-station';
import { renderRouted } from '../../../test/support/render-screen';
import { memoryRouter, usePath, type Router } from '../../navigation';
import { ReconcileScreen } from './ReconcileScreen';
import { reconcileRoute } from './route';

let ts: TestStation;
afterEach(() => ts?.close());

function Routed() {
  const params = reconcileRoute.match(usePath()) ?? {};
  return <ReconcileScreen params={params} />;
}

const show = (router: Router) => renderRouted(ts.station, router, Routed);

const platformCalls = () => ts.calls.filter((c) => c.channel === 'platform.call');
const run = () => act(() => void fireEvent.click(screen.getByTestId('reconcile-run')));

describe('the reconciliation screen', () => {
  it('opens on yesterday; the date field moves to another day', async () => {
    ts = await testStation({ signedIn: 'supervisor01' });
    const router = memoryRouter('#/reconcile');
    show(router);
    expect((screen.getByTestId('reconcile-date') as HTMLInputElement).value).toBe('2026-06-29');
    fireEvent.change(screen.getByTestId('reconcile-date'), { target: { value: '2026-06-30' } });
    await waitFor(() => expect(router.path()).toBe('reconcile/2026-06-30'));
    act(() => router.navigate('#/reconcile/2026-02-30'));
    await waitFor(() =>
      expect((screen.getByTestId('reconcile-date') as HTMLInputElement).value).toBe('2026-06-29'),
    );
  });

  it('names the settlements waiting to upload first and asks the platform nothing for them', async () => {
    ts = await testStation({ signedIn: 'supervisor01' });
    const a = await settleDemoBill(ts, 'BILL-PNEUMONIA', { encounter_no: 'ZY-R1' });
    await settleDemoBill(ts, 'BILL-OUTPATIENT', { encounter_no: 'MZ-R2', opter: 'cashier02' });
    show(memoryRouter('#/reconcile/2026-06-30'));
    run();
    await screen.findByTestId('reconcile-report');
    expect(screen.getByTestId('reconcile-pending').getAttribute('data-count')).toBe('2');
    expect(screen.getByTestId('reconcile-pending').textContent).toContain('2 笔');
    expect(screen.getByTestId('reconcile-pending-list').textContent).toContain(a.psn_name);
    expect(screen.getByTestId('reconcile-nothing')).toBeTruthy();
    expect(platformCalls()).toEqual([]);
    const audit = await ts.db.audit.where('kind').equals('reconcile.run').toArray();
    expect(audit.map((e) => [e.opter, e.detail])).toEqual([
      ['supervisor01', { date: '2026-06-30', pending: 2, unbalanced: 0, mismatches: [] }],
    ]);
  });

  it('asks 3201 for a settlement the platform took; unreachable → the coded error, no result', async () => {
    ts = await testStation({ signedIn: 'supervisor01' });
    const a = await settleDemoBill(ts, 'BILL-PNEUMONIA', { encounter_no: 'ZY-R3' });
    await ts.db.settlements.update(a.local_setl_id, { status: 'confirmed', setl_id: 'S-R3' });
    show(memoryRouter('#/reconcile/2026-06-30'));
    run();
    await screen.findByTestId('reconcile-error');
    expect(screen.getByTestId('reconcile-error').textContent).toContain('PLATFORM_TRANSIENT');
    expect(screen.queryByTestId('reconcile-report')).toBeNull();
    expect(platformCalls().map((c) => (c.input as { infno: string }).infno)).toEqual(['3201']);
    expect(platformCalls()[0]!.input).toMatchObject({
      input: {
        data: { insutype: '310', clr_type: '21', fixmedins_setl_cnt: 1, stmt_begndate: '2026-06-30' },
      },
    });
  });
});
