import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoSettleRequest } from '../../../shared/demo-world';
import { failingStore } from '../../../test/support/failing-store';
import { testStation, type TestStation } from '../../../test/support/test-station';
import { StationContext } from '../../station';
import { QueueScreen } from './QueueScreen';

let ts: TestStation;
beforeEach(async () => {
  ts = await testStation();
});
afterEach(() => ts.close());

/** A settlement committed and then rejected by the platform, with its reasons as 8201 gives them. */
async function rejected(reasons: { code: string; message: string; message_en?: string }[]) {
  const bill = ts.world.bills.find((b) => b.bill_id === 'BILL-PNEUMONIA')!;
  const { preview, commit } = ts.station.settle;
  const request = demoSettleRequest(ts.world, bill);
  const row = await commit(
    await preview({
      who: { psn_no: bill.psn_no },
      scheme: bill.scheme,
      setl_type: bill.setl_type,
      settle_date: bill.settle_date,
      admission_date: bill.admission_date,
      lines: request.lines,
    }),
    { opter: 'cashier01', encounter_no: bill.mdtrt_id! },
  );
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

  it('resolves a task with what was done, recorded with the operator; the task then leaves the list', async () => {
    const id = await rejected([{ code: 'FILING_REVOKED', message: '备案已被参保地撤销' }]);
    show();
    const task = await screen.findByTestId('task');
    const resolve = within(task).getByRole('button', { name: '已处理' }) as HTMLButtonElement;
    expect(resolve.disabled).toBe(true);
    await userEvent.type(within(task).getByPlaceholderText('处理说明'), '已按全自费收费');
    act(() => void fireEvent.click(resolve));
    await waitFor(() => expect(screen.queryByTestId('task')).toBeNull());
    expect(await ts.db.settlements.get(id)).toMatchObject({ resolution: '已按全自费收费' });
    expect(await ts.db.audit.where('kind').equals('task.resolved').last()).toMatchObject({
      detail: { opter: 'cashier01', status: 'rejected' },
    });
  });

  it('a write the disk refuses is shown in words; the task stays open and nothing is recorded', async () => {
    const id = await rejected([{ code: 'FILING_REVOKED', message: '备案已被参保地撤销' }]);
    ts.db.close();
    // the audit table refuses every write, as a full disk does
    ts.db.use(failingStore('audit', () => new DOMException('The disk refused the write', 'UnknownError')));
    await ts.db.open();
    show();
    const task = await screen.findByTestId('task');
    await userEvent.type(within(task).getByPlaceholderText('处理说明'), '已退款');
    act(() => void fireEvent.click(within(task).getByRole('button', { name: '已处理' })));
    const error = await within(task).findByTestId('resolve-error');
    expect(error.textContent).toContain('操作失败');
    expect((await ts.db.settlements.get(id))!.resolved_at).toBeNull();
    expect(screen.getByTestId('task')).toBe(task);
  });
});
