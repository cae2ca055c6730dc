// The administrator's settings over the real host operators service (test-station): the operators
// listed, one added (a guessable PIN refused before anything is sent), one disabled (and then refused
// at sign-in), a PIN reset, the idle time changed — each in the audit chain, no PIN in it.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { testStation, type TestStation } from '../../../test/support/test-station';
import { StationContext } from '../../station';
import { SettingsScreen } from './SettingsScreen';

let ts: TestStation;
afterEach(() => ts?.close());

function show() {
  render(
    <StationContext.Provider value={ts.station}>
      <SettingsScreen params={{}} />
    </StationContext.Provider>,
  );
}
const type = (id: string, value: string) => fireEvent.change(screen.getByTestId(id), { target: { value } });
const click = (id: string) => act(() => void fireEvent.click(screen.getByTestId(id)));
const row = (id: string) =>
  screen.getAllByTestId('operator-row').find((r) => r.getAttribute('data-id') === id)!;

describe('settings', () => {
  it('adds, disables, resets a PIN and sets the idle time; each change is in the audit chain', async () => {
    ts = await testStation({ signedIn: 'admin01' });
    show();
    await waitFor(() => expect(screen.getAllByTestId('operator-row')).toHaveLength(4));
    expect(within(row('admin01')).queryByTestId('toggle-admin01')).toBeNull(); // not oneself

    type('add-id', 'cashier03');
    type('add-name', '赵收费');
    type('add-pin', '123456');
    click('add-submit');
    expect((await screen.findByTestId('add-errors')).textContent).toContain('PIN');
    type('add-pin', '470258');
    click('add-submit');
    await waitFor(() => expect(screen.getAllByTestId('operator-row')).toHaveLength(5));
    await expect(ts.operators.signIn('cashier03', '470258')).resolves.toMatchObject({
      operator: { name: '赵收费' },
    });

    click('toggle-cashier02');
    await waitFor(() => expect(row('cashier02').getAttribute('data-disabled')).toBe('true'));
    await expect(ts.operators.signIn('cashier02', '246802')).rejects.toMatchObject({
      code: 'SIGN_IN_FAILED',
    });

    click('reset-cashier01');
    type('reset-pin-input', '358024');
    click('reset-pin-submit');
    await waitFor(() => expect(screen.queryByTestId('reset-pin')).toBeNull());
    await expect(ts.operators.signIn('cashier01', '358024')).resolves.toBeDefined();

    type('idle-seconds', '10');
    click('idle-save');
    expect((await screen.findByTestId('idle-errors')).textContent).toBeTruthy();
    type('idle-seconds', '120');
    click('idle-save');
    await screen.findByTestId('idle-saved');
    expect(ts.station.session.getState().idleLockSeconds).toBe(120);
    expect(ts.operators.getSettings()).toEqual({ idleLockSeconds: 120 });

    const audit = await ts.db.audit.orderBy('id').toArray();
    expect(audit.map((a) => [a.kind, a.opter])).toEqual([
      ['config.operator_added', 'admin01'],
      ['config.operator_disabled', 'admin01'],
      ['config.pin_reset', 'admin01'],
      ['config.idle_lock', 'admin01'],
    ]);
    const text = JSON.stringify(audit);
    for (const pin of ['470258', '358024']) expect(text).not.toContain(pin);
  });

  it('a cashier’s session is refused by the host, whatever the screen does', async () => {
    ts = await testStation({ signedIn: 'cashier01' });
    show();
    expect((await screen.findByTestId('settings-error')).textContent).toContain('无权管理操作员');
  });
});
