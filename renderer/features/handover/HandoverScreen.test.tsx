// The handover screen over the real database, settle service and operators host: the operator's
// figures since their last handover, the counted cash and its difference, handing over (a draft),
// withdrawing the latest draft, a supervisor's wrong PIN refused and the right one confirming it,
// after which it is printed and can be neither withdrawn nor confirmed again.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Decimal, formatAmount } from '../../../shared/money';
import { demoPin, settleDemoBill, testStation, type TestStation } from '../../../test/support/test-station';
import { StationContext } from '../../station';
import { HandoverScreen } from './HandoverScreen';

let ts: TestStation;
beforeEach(async () => {
  ts = await testStation({ answers: { 'print.receiptPdf': () => ({ path: '/receipts/HANDOVER.pdf' }) } });
});
afterEach(() => ts.close());

const settle = (billId: string, encounter_no: string) => settleDemoBill(ts, billId, { encounter_no });

function show() {
  render(
    <StationContext.Provider value={ts.station}>
      <HandoverScreen params={{}} />
    </StationContext.Provider>,
  );
}

const cell = (el: HTMLElement, id: string) => within(el).getByTestId(id).querySelector('td')!.textContent;

describe('the handover screen', () => {
  it('says there is nothing to hand over before the first settlement', async () => {
    show();
    await screen.findByTestId('handover-nothing');
  });

  it('hands over with a counted difference; withdraws; a supervisor confirms with their PIN; printed', async () => {
    const a = await settle('BILL-PNEUMONIA', 'ZY-HO-1');
    const b = await settle('BILL-OUTPATIENT', 'MZ-HO-2');
    show();
    const current = await screen.findByTestId('handover-current');
    expect(cell(current, 'ho-settlements')).toBe('2');
    const expected = formatAmount(
      new Decimal(a.result.setlinfo.psn_cash_pay).plus(b.result.setlinfo.psn_cash_pay),
    );
    expect(cell(current, 'ho-expected')).toBe(expected);
    expect(cell(current, 'ho-pending')).toBe('2');
    const submit = within(current).getByTestId('handover-submit') as HTMLButtonElement;
    await userEvent.type(within(current).getByTestId('handover-counted'), 'abc');
    expect(submit.disabled).toBe(true);
    await userEvent.clear(within(current).getByTestId('handover-counted'));
    await userEvent.type(
      within(current).getByTestId('handover-counted'),
      formatAmount(new Decimal(expected).plus('5')),
    );
    expect(within(current).getByTestId('handover-difference').textContent).toContain('5.00');
    act(() => void fireEvent.click(submit));
    const draft = await screen.findByTestId('handover-item');
    expect(draft.getAttribute('data-state')).toBe('draft');
    await screen.findByTestId('handover-nothing');

    // withdrawn: its settlements come back to the current handover
    act(() => void fireEvent.click(within(draft).getByTestId('handover-withdraw')));
    await waitFor(() =>
      expect(screen.getByTestId('handover-item').getAttribute('data-state')).toBe('withdrawn'),
    );
    const again = await screen.findByTestId('handover-current');
    expect(cell(again, 'ho-settlements')).toBe('2');
    await userEvent.type(within(again).getByTestId('handover-counted'), expected);
    act(() => void fireEvent.click(within(again).getByTestId('handover-submit')));
    const item = await waitFor(() => {
      const d = screen.getAllByTestId('handover-item').find((x) => x.getAttribute('data-state') === 'draft');
      if (!d) throw new Error('no draft yet');
      return d;
    });
    await userEvent.type(within(item).getByTestId('handover-approver'), 'supervisor01');
    await userEvent.type(within(item).getByTestId('handover-approver-pin'), '000000');
    act(() => void fireEvent.click(within(item).getByTestId('handover-confirm')));
    await within(item).findByTestId('handover-item-error');
    expect(item.getAttribute('data-state')).toBe('draft');
    await userEvent.type(within(item).getByTestId('handover-approver-pin'), demoPin('supervisor01'));
    act(() => void fireEvent.click(within(item).getByTestId('handover-confirm')));
    await waitFor(() => expect(item.getAttribute('data-state')).toBe('confirmed'));
    const page = (await screen.findByTestId('handover-printed'))
      .querySelector('iframe')!
      .getAttribute('srcdoc')!;
    expect(page).toContain('收费员交班单');
    expect(page).toContain('张主管');
    expect(within(item).queryByTestId('handover-withdraw')).toBeNull();
    expect(within(item).queryByTestId('handover-confirm')).toBeNull();
    const pdf = ts.calls.filter((c) => c.channel === 'print.receiptPdf').at(-1)!.input as { name: string };
    expect(pdf.name).toMatch(/^HANDOVER-/);
    expect(await ts.db.audit.where('kind').equals('handover.confirmed').count()).toBe(1);
  });
});
