// The counter as a cashier uses it, in happy-dom over the real settle service and a database filled
// from the demo world: typed ID number, demo bill, the encounter number, F4, F8, the receipt, Enter.
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testStation, type TestStation } from '../../../test/support/test-station';
import { personTyping } from '../../../test/support/typing';
import { renderInStation } from '../../../test/support/render-screen';
import { CounterScreen } from './CounterScreen';

const TODAY = '2026-06-30';
let ts: TestStation;
beforeEach(async () => {
  ts = await testStation({ today: TODAY });
});
afterEach(() => ts.close());

function show() {
  renderInStation(ts.station, <CounterScreen params={{}} />);
}
const press = (key: string) => act(() => void fireEvent.keyDown(window, { key }));
const person = (scenario: string) => ts.world.people.find((p) => p.scenario === scenario)!.person;

describe('the counter', () => {
  it('refuses a mistyped ID number in words, and looks up a valid one (F2 puts the cursor there)', async () => {
    // a person types slower than a keyboard-wedge scanner (whose fast burst would be taken as a scan)
    const user = userEvent.setup({ delay: 50 });
    show();
    press('F2');
    const input = screen.getByTestId('typed-id');
    expect(document.activeElement).toBe(input);
    await user.type(input, '110101199003071235{Enter}');
    expect((await screen.findByTestId('typed-id-error')).textContent).toMatch(/^身份证号无效：.*校验/);
    await user.clear(input);
    await user.type(input, `${person('inpatient-direct').certno.toLowerCase()}{Enter}`);
    expect((await screen.findByTestId('person-name')).textContent).toBe(person('inpatient-direct').psn_name);
    expect(screen.queryByTestId('typed-id-error')).toBeNull();
    expect((screen.getByTestId('typed-id') as HTMLInputElement).value).toBe('');
  });

  it('settles only with an encounter number; editing it clears the preview; F4, F8 and Enter drive it', async () => {
    const user = personTyping();
    show();
    await user.type(screen.getByTestId('typed-id'), `${person('inpatient-direct').certno}{Enter}`);
    const demo = ts.world.bills.find((b) => b.bill_id === 'BILL-PNEUMONIA')!;
    await user.click(await screen.findByTestId('demo-bill-BILL-PNEUMONIA'));
    const encounter = screen.getByTestId('mdtrt-id') as HTMLInputElement;
    expect(encounter.value).toBe(demo.mdtrt_id);

    await user.clear(encounter);
    await user.tab(); // the field was touched: its error shows
    expect((await screen.findByTestId('mdtrt-id-error')).textContent).toContain('请填写住院号/门诊号');
    press('F4');
    await screen.findByTestId('review');
    const settle = screen.getByTestId('settle') as HTMLButtonElement;
    expect(settle.disabled).toBe(true);
    expect(screen.getByTestId('settle-blocked').textContent).toContain('住院号/门诊号');
    press('F8');
    expect(await ts.db.settlements.count()).toBe(0);

    await user.type(encounter, 'ZY20260630001');
    expect(screen.queryByTestId('review')).toBeNull(); // the bill changed: its preview is gone
    expect(screen.queryByTestId('mdtrt-id-error')).toBeNull();
    press('F4');
    await waitFor(() => expect((screen.getByTestId('settle') as HTMLButtonElement).disabled).toBe(false));
    press('F8');
    const receipt = await screen.findByTestId('receipt');
    expect(receipt.getAttribute('data-status')).toBe('pending');
    expect(screen.getByTestId('receipt-status').textContent).toBe('待平台确认');
    const [row] = await ts.db.settlements.toArray();
    expect(row).toMatchObject({ encounter_no: 'ZY20260630001', opter: 'cashier01' });

    press('Enter');
    await screen.findByText('请刷社保卡或扫码');
    expect(screen.queryByTestId('receipt')).toBeNull();
  });

  it('Esc goes back from the review to the bill, and then to the next patient', async () => {
    const user = personTyping();
    show();
    await user.type(screen.getByTestId('typed-id'), `${person('inpatient-direct').certno}{Enter}`);
    await user.click(await screen.findByTestId('demo-bill-BILL-PNEUMONIA'));
    await user.click(screen.getByTestId('compute'));
    await screen.findByTestId('review');
    press('Escape');
    expect(screen.queryByTestId('review')).toBeNull();
    expect(screen.getByTestId('bill-summary')).toBeTruthy();
    press('Escape');
    expect(screen.queryByTestId('bill-summary')).toBeNull();
    expect(screen.queryByTestId('person-name')).toBeNull();
  });

  it('a line by hand: a bad price is refused with the field named, a good one is added as quantity × price', async () => {
    const user = personTyping();
    show();
    await user.type(screen.getByTestId('typed-id'), `${person('inpatient-direct').certno}{Enter}`);
    const search = await screen.findByTestId('catalog-search');
    await user.type(search, 'XJ01CAA040A001');
    await screen.findByText('XJ01CAA040A001', { selector: '.code' });
    await user.keyboard('{Enter}');
    await user.clear(screen.getByTestId('catalog-cnt'));
    await user.type(screen.getByTestId('catalog-cnt'), '2');
    await user.type(screen.getByTestId('catalog-pric'), '12,50{Enter}');
    expect((await screen.findByTestId('catalog-errors')).textContent).toContain('单价');
    await user.clear(screen.getByTestId('catalog-pric'));
    await user.type(screen.getByTestId('catalog-pric'), '12.5{Enter}');
    expect((await screen.findByTestId('bill-summary')).textContent).toContain('25.00');
    expect(screen.getByTestId('bill-summary').textContent).toContain('手工录入');
  });
});
