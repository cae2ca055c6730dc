import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failingStore } from '../../../test/support/failing-store';
import { demoPin, settleDemoBill, testStation, type TestStation } from '../../../test/support/test-station';
import { StationContext } from '../../station';
import { QueueScreen } from './QueueScreen';

let ts: TestStation;
beforeEach(async () => {
  ts = await testStation();
});
afterEach(() => ts.close());

/** A settlement committed and then rejected by the platform, with its reasons as 8201 gives them. */
async function rejected(reasons: { code: string; message: string; message_en?: string }[]) {
  const row = await settleDemoBill(ts, 'BILL-PNEUMONIA');
  await ts.db.settlements.update(row.local_setl_id, { status: 'rejected', reasons });
  return row.local_setl_id;
}

function show() {
  render(
    <StationContext.Provider value={ts.station}>
      <QueueScreen params={{}} />
    </StationContext.Provider>,
  );
}

describe('the queue', () => {
  it('shows the platform’s reasons in the language on screen, known codes from the shared tables', async () => {
    await rejected([
      { code: 'FILING_REVOKED', message: '备案已被参保地撤销' },
      { code: 'X_PLATFORM', message: '平台自己的话', message_en: 'The platform’s own words' },
      { code: 'Y_PLATFORM', message: '只有中文' },
    ]);
    show();
    const task = await screen.findByTestId('task');
    const reason = (code: string) =>
      within(task).getByText((_, el) => el?.getAttribute('data-code') === code);
    expect(reason('FILING_REVOKED').textContent).toBe('FILING_REVOKED: 备案已被参保地撤销');
    await act(() => i18next.changeLanguage('en'));
    expect(reason('FILING_REVOKED').textContent).toBe(
      'FILING_REVOKED: the filing was revoked by the insured place',
    );
    expect(reason('X_PLATFORM').textContent).toBe('X_PLATFORM: The platform’s own words');
    expect(reason('Y_PLATFORM').textContent).toBe('Y_PLATFORM: 只有中文');
    const row = screen.getByTestId('queue-row');
    expect(row.getAttribute('data-status')).toBe('rejected');
    expect(within(row).getByText('Rejected by the platform')).toBeTruthy();
  });

  it('a rejection refunded for settling again: recorded with the operator, the receipt shown, the task gone', async () => {
    const id = await rejected([{ code: 'FILING_REVOKED', message: '备案已被参保地撤销' }]);
    show();
    const task = await screen.findByTestId('task');
    act(() => void fireEvent.click(within(task).getByTestId('fix-resettle')));
    await waitFor(() => expect(screen.queryByTestId('task')).toBeNull());
    const row = (await ts.db.settlements.get(id))!;
    expect(row.correction).toMatchObject({ kind: 'resettle', opter: 'cashier01' });
    expect(await ts.db.audit.where('kind').equals('task.corrected').last()).toMatchObject({
      opter: 'cashier01',
      detail: { correction: 'resettle', status: 'rejected' },
    });
    const page = (await screen.findByTestId('fix-printed')).querySelector('iframe')!.getAttribute('srcdoc')!;
    expect(page).toContain('结算更正凭证');
    expect(page).toContain(`本次退还现金</th><td>${row.result.setlinfo.psn_cash_pay}`);
    expect(ts.calls.some((c) => c.channel === 'print.receiptPdf')).toBe(true);
    // the settlement keeps the platform's word in the list, marked as dealt with
    const listed = await screen.findByTestId('resolved-mark');
    expect(listed.closest('[data-testid=queue-row]')!.getAttribute('data-status')).toBe('rejected');
    expect(listed.textContent).toContain('已处理');
  });

  it('self-pay needs a supervisor’s PIN: a wrong one is refused and nothing recorded', async () => {
    const id = await rejected([{ code: 'FILING_REVOKED', message: '备案已被参保地撤销' }]);
    show();
    const task = await screen.findByTestId('task');
    await userEvent.type(within(task).getByTestId('fix-approver'), 'supervisor01');
    await userEvent.type(within(task).getByTestId('fix-approver-pin'), '000000');
    act(() => void fireEvent.click(within(task).getByTestId('fix-self-pay-confirm')));
    await within(task).findByTestId('fix-self-pay-error');
    expect((await ts.db.settlements.get(id))!.resolved_at).toBeNull();
    await userEvent.type(within(task).getByTestId('fix-approver-pin'), demoPin('supervisor01'));
    act(() => void fireEvent.click(within(task).getByTestId('fix-self-pay-confirm')));
    await waitFor(() => expect(screen.queryByTestId('task')).toBeNull());
    expect((await ts.db.settlements.get(id))!.correction).toMatchObject({
      kind: 'self_pay',
      approved_by: { id: 'supervisor01' },
    });
    const page = (await screen.findByTestId('fix-printed')).querySelector('iframe')!.getAttribute('srcdoc')!;
    expect(page).toContain('全自费结算说明');
    expect(page).toContain('FILING_REVOKED');
  });

  it('a write the disk refuses is shown in words; the task stays open and nothing is recorded', async () => {
    const id = await rejected([{ code: 'FILING_REVOKED', message: '备案已被参保地撤销' }]);
    ts.db.close();
    // the audit table refuses every write, as a full disk does
    ts.db.use(failingStore('audit', () => new DOMException('The disk refused the write', 'UnknownError')));
    await ts.db.open();
    show();
    const task = await screen.findByTestId('task');
    act(() => void fireEvent.click(within(task).getByTestId('fix-resettle')));
    const error = await within(task).findByTestId('fix-resettle-error');
    expect(error.textContent).toContain('操作失败');
    expect((await ts.db.settlements.get(id))!.resolved_at).toBeNull();
    expect(screen.getByTestId('task')).toBe(task);
  });
});
