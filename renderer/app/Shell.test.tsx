import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testStation, type TestStation } from '../../test/support/test-station';
import {
  defineRoute,
  defineScreen,
  memoryRouter,
  registryProblems,
  RouterContext,
  type Router,
} from '../navigation';
import { StationContext, type Operator } from '../station';
import { SCREENS } from './screens';
import { Shell } from './Shell';

let ts: TestStation;
afterEach(() => ts?.close());

function renderShell(router: Router, screens = SCREENS, operator?: Operator) {
  const station = operator ? { ...ts.station, operator } : ts.station;
  return render(
    <StationContext.Provider value={station}>
      <RouterContext.Provider value={router}>
        <Shell screens={screens} />
      </RouterContext.Provider>
    </StationContext.Provider>,
  );
}

describe('the shell, driven by the screen registry', () => {
  beforeEach(async () => {
    ts = await testStation();
  });

  it('the station registry has unique ids, routes and hotkeys, and every screen is open to someone', () => {
    expect(registryProblems(SCREENS)).toEqual([]);
  });

  it('lists the screens with their hotkeys, opens the counter at start, and switches with F6 and F1', async () => {
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
    expect(screen.getByTestId('operator').textContent).toContain('cashier01 (收费员)');
  });

  it('F9 asks the sync engine for a cycle (offline here: the indicator says so)', async () => {
    renderShell(memoryRouter('#/counter'));
    act(() => void fireEvent.keyDown(window, { key: 'F9' }));
    await screen.findByText('离线');
    expect(screen.getByTestId('sync-indicator').getAttribute('data-connection')).toBe('offline');
  });
});

describe('the role guard in the shell', () => {
  const Operators = () => <p data-testid="operators-screen">operators</p>;
  const withAdminScreen = [
    ...SCREENS,
    defineScreen({
      id: 'operators',
      title: 'nav.queue',
      hotkey: 'F10',
      route: defineRoute('operators'),
      component: Operators,
      roles: ['admin'],
    }),
  ];

  beforeEach(async () => {
    ts = await testStation();
  });

  it('a cashier does not see a screen of another role, and is refused it by address and by hotkey', () => {
    const router = memoryRouter('#/operators');
    renderShell(router, withAdminScreen);
    expect(screen.queryByTestId('nav-operators')).toBeNull();
    expect(screen.queryByTestId('operators-screen')).toBeNull();
    expect(screen.getByTestId('forbidden').textContent).toContain('无权打开');
    act(() => void fireEvent.keyDown(window, { key: 'F1' }));
    expect(screen.queryByTestId('forbidden')).toBeNull();
    act(() => void fireEvent.keyDown(window, { key: 'F10' }));
    expect(screen.getByTestId('forbidden')).toBeTruthy();
    expect(screen.queryByTestId('operators-screen')).toBeNull();
  });

  it('an administrator sees it and opens it', () => {
    renderShell(memoryRouter('#/counter'), withAdminScreen, { id: 'admin01', role: 'admin' });
    act(() => void fireEvent.click(screen.getByTestId('nav-operators')));
    expect(screen.getByTestId('operators-screen')).toBeTruthy();
    expect(screen.queryByTestId('forbidden')).toBeNull();
  });
});
