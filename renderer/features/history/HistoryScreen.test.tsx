// The history screen over the real database, settle service and host operators (test-station): search
// by each criterion, a refused range, the detail with items, trace and what happened, a reprint
// marked 补打 and recorded, a cashier's own cancel of the day with its reversal, and another
// cashier's settlement cancelled only with a supervisor's PIN.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  demoPin,
  settleDemoBill,
  testStation,
  type DemoOperatorId,
  type TestStation,
} from '../../../test/support/test-station';
import { memoryRouter, RouterContext, type Router } from '../../navigation';
import { StationContext } from '../../station';
import { HistoryScreen } from './HistoryScreen';
import { historyRoute } from './route';
import { usePath } from '../../navigation';

let ts: TestStation;
afterEach(() => ts?.close());

const settleBill = (billId: string, encounter_no: string, opter = 'cashier01') =>
  settleDemoBill(ts, billId, { encounter_no, opter });

/** The screen as the router shows it: the list, or a settlement's detail. */
function Routed() {
  const path = usePath();
  const params = historyRoute.match(path) ?? {};
  return <HistoryScreen params={params} />;
}

function show(router: Router) {
  render(
    <StationContext.Provider value={ts.station}>
      <RouterContext.Provider value={router}>
        <Routed />
      </RouterContext.Provider>
    </StationContext.Provider>,
  );
}

const rows = () => screen.queryAllByTestId('history-row').map((r) => r.getAttribute('data-id'));
const type = (id: string, value: string) => fireEvent.change(screen.getByTestId(id), { target: { value } });
const search = () => act(() => void fireEvent.click(screen.getByTestId('history-submit')));

describe('the settlement history', () => {
  it('searches by name, ID number, encounter number, status, operator and date; refuses a backwards range', async () => {
    ts = await testStation();
    const a = await settleBill('BILL-PNEUMONIA', 'ZY-A');
    const b = await settleBill('BILL-OUTPATIENT', 'MZ-B', 'cashier02');
    await ts.db.settlements.update(b.local_setl_id, { status: 'confirmed', setl_id: 'S-B' });
    show(memoryRouter('#/history'));
    await waitFor(() => expect(rows()).toEqual([b.local_setl_id, a.local_setl_id]));

    type('history-encounter', 'ZY-A');
    search();
    await waitFor(() => expect(rows()).toEqual([a.local_setl_id]));
    type('history-encounter', '');
    type('history-name', b.psn_name.slice(1));
    search();
    await waitFor(() => expect(rows()).toEqual([b.local_setl_id]));
    type('history-name', '');
    type('history-certno', a.certno.slice(-4));
    search();
    await waitFor(() => expect(rows()).toEqual([a.local_setl_id]));
    type('history-certno', a.certno);
    search();
    await waitFor(() => expect(rows()).toEqual([a.local_setl_id]));
    type('history-certno', '');
    type('history-status', 'confirmed');
    search();
    await waitFor(() => expect(rows()).toEqual([b.local_setl_id]));
    type('history-status', '');
    type('history-opter', 'cashier01');
    search();
    await waitFor(() => expect(rows()).toEqual([a.local_setl_id]));
    type('history-opter', '');
    type('history-from', '2026-07-01');
    search();
    await screen.findByText('没有符合条件的结算');
    type('history-to', '2026-06-01');
    search();
    expect((await screen.findByTestId('history-errors')).textContent).toContain('起始日期晚于截止日期');
  });

  it('opens a settlement: items, trace, the platform’s answer, what happened; a reprint says 补打 and is recorded', async () => {
    ts = await testStation();
    const a = await settleBill('BILL-PNEUMONIA', 'ZY-A');
    const router = memoryRouter('#/history');
    show(router);
    const open = await screen.findByTestId(`history-open-${a.local_setl_id}`);
    act(() => void fireEvent.click(open));
    expect(router.path()).toBe(`history/${a.local_setl_id}`);
    const detail = await screen.findByTestId('detail');
    expect(within(detail).getByTestId('detail-items').querySelectorAll('tbody tr').length).toBe(
      a.result.items!.length,
    );
    expect(within(detail).getByTestId('detail-trace').querySelectorAll('li').length).toBe(
      a.result.trace.length,
    );
    expect(within(detail).getByTestId('detail-answer').textContent).toContain('平台尚未答复');
    await waitFor(() =>
      expect(screen.getAllByTestId('detail-audit').map((r) => r.getAttribute('data-kind'))).toEqual([
        'settlement.committed',
      ]),
    );

    act(() => void fireEvent.click(screen.getByTestId('reprint')));
    const frame = (await screen.findByTestId('reprinted')).querySelector('iframe')!;
    expect(frame.getAttribute('srcdoc')).toContain('补打');
    expect(frame.getAttribute('srcdoc')).toContain('补打人 cashier01');
    await waitFor(() =>
      expect(screen.getAllByTestId('detail-audit').map((r) => r.getAttribute('data-kind'))).toEqual([
        'settlement.committed',
        'receipt.reprinted',
      ]),
    );
    expect((await ts.db.audit.orderBy('id').last())!).toMatchObject({
      kind: 'receipt.reprinted',
      opter: 'cashier01',
      detail: { receipt: 'settlement', outcome: 'printed' },
    });
  });
});

async function openCancel(signedIn: DemoOperatorId, madeBy: string) {
  ts = await testStation({ signedIn });
  const a = await settleBill('BILL-PNEUMONIA', 'ZY-C', madeBy);
  show(memoryRouter(historyRoute.href({ local_setl_id: a.local_setl_id })));
  const start = await screen.findByTestId('cancel-start');
  act(() => void fireEvent.click(start));
  await screen.findByTestId('cancel-panel');
  type('cancel-reason', 'bill_error');
  type('cancel-text', '账单录错，更正后重新结算');
  return a;
}

describe('cancelling (红冲)', () => {
  it('the cashier’s own settlement of the day: cancelled at once, the reversal shows what goes back', async () => {
    const a = await openCancel('cashier01', 'cashier01');
    expect(screen.getByTestId('cancel-panel').getAttribute('data-rule')).toBe('own_same_day');
    expect(screen.queryByTestId('cancel-approval')).toBeNull();
    act(() => void fireEvent.click(screen.getByTestId('cancel-confirm')));
    const reversal = await screen.findByTestId('reversal');
    expect(reversal.getAttribute('data-platform')).toBe('pending');
    const html = reversal.querySelector('iframe')!.getAttribute('srcdoc')!;
    expect(html).toContain('结算撤销（红冲）凭证');
    expect(html).toContain(`退还现金</th><td>${a.result.setlinfo.psn_cash_pay}`);
    expect(html).toContain(`-${a.result.setlinfo.medfee_sumamt}`);
    expect(screen.getByTestId('detail-status').getAttribute('data-status')).toBe('cancelled');
    expect(screen.queryByTestId('cancel-start')).toBeNull();
    expect((await ts.db.settlements.get(a.local_setl_id))!.cancel).toMatchObject({
      opter: 'cashier01',
      approved_by: null,
    });
  });

  it('another cashier’s settlement needs a supervisor’s own PIN; a cashier’s PIN does not approve', async () => {
    const a = await openCancel('cashier02', 'cashier01');
    expect(screen.getByTestId('cancel-rule').textContent).toContain('由 cashier01 办理');
    act(() => void fireEvent.click(screen.getByTestId('cancel-confirm')));
    expect((await screen.findByTestId('cancel-errors')).textContent).toContain('请主管输入工号');
    type('cancel-approver', 'cashier02');
    type('cancel-approver-pin', demoPin('cashier02'));
    act(() => void fireEvent.click(screen.getByTestId('cancel-confirm')));
    expect((await screen.findByTestId('cancel-error')).textContent).toContain('无权审批');
    expect((screen.getByTestId('cancel-approver-pin') as HTMLInputElement).value).toBe('');
    type('cancel-approver', 'supervisor01');
    type('cancel-approver-pin', '000000');
    act(() => void fireEvent.click(screen.getByTestId('cancel-confirm')));
    await waitFor(() =>
      expect(screen.getByTestId('cancel-error').textContent).toContain('工号或 PIN 不正确'),
    );
    type('cancel-approver-pin', demoPin('supervisor01'));
    act(() => void fireEvent.click(screen.getByTestId('cancel-confirm')));
    expect((await screen.findByTestId('cancel-approved-by')).textContent).toContain('张主管');
    const row = (await ts.db.settlements.get(a.local_setl_id))!;
    expect(row.cancel).toMatchObject({ opter: 'cashier02', approved_by: { id: 'supervisor01' } });
    const kinds = (await ts.db.audit.where('local_setl_id').equals(a.local_setl_id).sortBy('id')).map((x) => [
      x.kind,
      x.opter,
    ]);
    expect(kinds).toEqual([
      ['settlement.committed', 'cashier01'],
      ['cancel.approved', 'supervisor01'],
      ['cancel.committed', 'cashier02'],
    ]);
  });
});
