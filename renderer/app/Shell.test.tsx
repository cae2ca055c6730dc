import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { demoPin, testStation, type DemoOperatorId, type TestStation } from '../../test/support/test-station';
import { counterStoreOf } from '../features/counter/use-counter';
import {
  defineRoute,
  defineScreen,
  memoryRouter,
  registryProblems,
  RouterContext,
  type Router,
} from '../navigation';
import { StationContext } from '../station';
import { SCREENS } from './screens';
import { Shell } from './Shell';

let ts: TestStation;
afterEach(() => {
  vi.useRealTimers();
  ts?.close();
});

async function start(signedIn: DemoOperatorId | null = 'cashier01') {
  ts = await testStation({ signedIn });
}

function renderShell(router: Router, screens = SCREENS) {
  return render(
    <StationContext.Provider value={ts.station}>
      <RouterContext.Provider value={router}>
        <Shell screens={screens} />
      </RouterContext.Provider>
    </StationContext.Provider>,
  );
}

const type = (testId: string, value: string) =>
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
const submit = (form: string) => act(() => void fireEvent.click(screen.getByTestId(`${form}-submit`)));
const auditKinds = async () => (await ts.db.audit.orderBy('id').toArray()).map((a) => [a.kind, a.opter]);

describe('the shell, driven by the screen registry', () => {
  it('the station registry has unique ids, routes and hotkeys, and every screen is open to someone', () => {
    expect(registryProblems(SCREENS)).toEqual([]);
  });

  it('lists the screens with their hotkeys, opens the counter at start, and switches with F6 and F1', async () => {
    await start();
    const router = memoryRouter('');
    renderShell(router);
    expect(router.path()).toBe('counter'); // no route yet: the role's first screen
    expect(screen.getByTestId('nav-counter').textContent).toBe('收费 F1');
    expect(screen.getByTestId('nav-queue').textContent).toBe('上传队列 F6');
    expect(screen.getByTestId('nav-counter').className).toBe('active');
    expect(screen.getByText('请刷社保卡或扫码')).toBeTruthy();

    act(() => void fireEvent.keyDown(window, { key: 'F6' }));
    expect(router.path()).toBe('queue');
    expect(await screen.findByTestId('queue')).toBeTruthy();
    expect(screen.getByTestId('nav-queue').className).toBe('active');

    act(() => void fireEvent.click(screen.getByTestId('nav-counter')));
    expect(router.path()).toBe('counter');
    act(() => void fireEvent.keyDown(window, { key: 'F1' }));
    expect(screen.queryByTestId('queue')).toBeNull();
    expect(screen.getByTestId('operator').textContent).toContain('王收费 cashier01 (收费员)');
  });

  it('F9 asks the sync engine for a cycle (offline here: the indicator says so)', async () => {
    await start();
    renderShell(memoryRouter('#/counter'));
    act(() => void fireEvent.keyDown(window, { key: 'F9' }));
    await screen.findByText('离线');
    expect(screen.getByTestId('sync-indicator').getAttribute('data-connection')).toBe('offline');
  });
});

describe('signing in, locking, taking over', () => {
  it('shows only the sign-in screen until the host accepts an operator id and PIN', async () => {
    await start(null);
    renderShell(memoryRouter('#/queue'));
    expect(screen.getByTestId('sign-in')).toBeTruthy();
    expect(screen.queryByTestId('nav-counter')).toBeNull();
    expect(screen.queryByTestId('queue')).toBeNull();
    type('sign-in-form-id', 'cashier01');
    type('sign-in-form-pin', '000000');
    submit('sign-in-form');
    expect((await screen.findByTestId('sign-in-form-error')).textContent).toContain('工号或 PIN 不正确');
    expect((screen.getByTestId('sign-in-form-pin') as HTMLInputElement).value).toBe(''); // emptied
    type('sign-in-form-id', 'cashier01');
    type('sign-in-form-pin', demoPin('cashier01'));
    submit('sign-in-form');
    expect(await screen.findByTestId('queue')).toBeTruthy();
    expect(screen.getByTestId('operator').getAttribute('data-operator')).toBe('cashier01');
    expect(await auditKinds()).toEqual([
      ['operator.sign_in_refused', null],
      ['operator.signed_in', 'cashier01'],
    ]);
  });

  it('F12 locks; the patient’s bill is kept but not shown; only the same PIN unlocks', async () => {
    await start();
    renderShell(memoryRouter('#/counter'));
    const counter = counterStoreOf(ts.station);
    const bill = ts.world.bills.find((b) => b.fixmedins_code === ts.station.profile.fixmedins_code)!;
    act(() => counter.getState().actions.setBill({ lines: bill.lines, mdtrtId: 'ZY-LOCK-1' }));
    act(() => void fireEvent.keyDown(window, { key: 'F12' }));
    expect(await screen.findByTestId('lock-screen')).toBeTruthy();
    expect(screen.queryByTestId('nav-counter')).toBeNull();
    expect(screen.queryByText('请刷社保卡或扫码')).toBeNull();
    // screen hotkeys do nothing while locked
    act(() => void fireEvent.keyDown(window, { key: 'F6' }));
    expect(screen.queryByTestId('queue')).toBeNull();
    type('unlock-form-pin', demoPin('cashier02'));
    submit('unlock-form');
    expect((await screen.findByTestId('unlock-form-error')).textContent).toContain('PIN');
    type('unlock-form-pin', demoPin('cashier01'));
    submit('unlock-form');
    await screen.findByText('请刷社保卡或扫码');
    expect(counter.getState().lines).toBe(bill.lines);
    expect(counter.getState().mdtrtId).toBe('ZY-LOCK-1');
    expect(await auditKinds()).toEqual([
      ['operator.locked', 'cashier01'],
      ['operator.unlock_refused', 'cashier01'],
      ['operator.unlocked', 'cashier01'],
    ]);
  });

  it('locks by itself after the idle time', async () => {
    await start();
    act(() => ts.station.session.getState().actions.setIdleLockSeconds(30));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    renderShell(memoryRouter('#/counter'));
    act(() => vi.advanceTimersByTime(20_000));
    act(() => void fireEvent.keyDown(window, { key: 'a' })); // activity starts the wait again
    act(() => vi.advanceTimersByTime(20_000));
    expect(screen.queryByTestId('lock-screen')).toBeNull();
    act(() => vi.advanceTimersByTime(11_000));
    vi.useRealTimers();
    expect((await screen.findByTestId('lock-screen')).getAttribute('data-locked-by')).toBe('idle');
  });

  it('another operator signing in at the locked screen ends the first one’s session', async () => {
    await start();
    renderShell(memoryRouter('#/counter'));
    act(() => void fireEvent.click(screen.getByTestId('lock')));
    act(() => void fireEvent.click(screen.getByTestId('take-over')));
    type('take-over-form-id', 'cashier02');
    type('take-over-form-pin', demoPin('cashier02'));
    submit('take-over-form');
    await waitFor(() =>
      expect(screen.getByTestId('operator').getAttribute('data-operator')).toBe('cashier02'),
    );
    expect(screen.queryByTestId('lock-screen')).toBeNull();
    expect(await auditKinds()).toEqual([
      ['operator.locked', 'cashier01'],
      ['operator.signed_in', 'cashier02'],
      ['operator.signed_out', 'cashier01'],
    ]);
    const [, , out] = await ts.db.audit.orderBy('id').toArray();
    expect(out!.detail).toEqual({ reason: 'takeover', by: 'cashier02' });
  });

  it('signing out returns to the sign-in screen and ends the session in the host', async () => {
    await start();
    renderShell(memoryRouter('#/counter'));
    act(() => void fireEvent.click(screen.getByTestId('sign-out')));
    expect(await screen.findByTestId('sign-in')).toBeTruthy();
    await expect(ts.station.session.getState().actions.withSession(async () => 'x')).rejects.toMatchObject({
      code: 'SESSION_INVALID',
    });
  });
});

describe('the role guard in the shell', () => {
  const Operators = () => <p data-testid="operators-screen">operators</p>;
  const withAdminScreen = [
    ...SCREENS,
    defineScreen({
      id: 'operators',
      title: 'nav.queue',
      hotkey: 'F11',
      route: defineRoute('operators'),
      component: Operators,
      roles: ['admin'],
    }),
  ];

  it('a cashier does not see a screen of another role, and is refused it by address and by hotkey', async () => {
    await start();
    const router = memoryRouter('#/operators');
    renderShell(router, withAdminScreen);
    expect(screen.queryByTestId('nav-operators')).toBeNull();
    expect(screen.queryByTestId('operators-screen')).toBeNull();
    expect(screen.getByTestId('forbidden').textContent).toContain('无权打开');
    act(() => void fireEvent.keyDown(window, { key: 'F1' }));
    expect(screen.queryByTestId('forbidden')).toBeNull();
    act(() => void fireEvent.keyDown(window, { key: 'F11' }));
    expect(screen.getByTestId('forbidden')).toBeTruthy();
    expect(screen.queryByTestId('operators-screen')).toBeNull();
  });

  it('an administrator sees it and opens it, and is refused the counter', async () => {
    await start('admin01');
    renderShell(memoryRouter('#/counter'), withAdminScreen);
    expect(screen.getByTestId('forbidden')).toBeTruthy();
    expect(screen.queryByTestId('nav-counter')).toBeNull();
    act(() => void fireEvent.click(screen.getByTestId('nav-operators')));
    expect(screen.getByTestId('operators-screen')).toBeTruthy();
    expect(screen.queryByTestId('forbidden')).toBeNull();
  });
});
