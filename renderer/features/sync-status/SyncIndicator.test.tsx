import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testStation, type TestStation } from '../../../test/support/test-station';
import { StationContext } from '../../station';
import { SyncIndicator } from './SyncIndicator';

let ts: TestStation;
beforeEach(async () => {
  ts = await testStation();
});
afterEach(() => ts.close());

function show() {
  render(
    <StationContext.Provider value={ts.station}>
      <SyncIndicator />
    </StationContext.Provider>,
  );
  return screen.getByTestId('sync-indicator');
}

describe('the status bar says in words what the station is doing', () => {
  it('blocked by the platform: not online, the refusal and its words', async () => {
    const bar = show();
    act(() =>
      ts.station.sync.state.setState({
        connection: 'blocked',
        lastError: { code: 'CLOCK_SKEW', message: '本机时钟与平台相差约 12 分钟 …' },
      }),
    );
    expect(bar.dataset.connection).toBe('blocked');
    expect(bar.textContent).not.toContain('在线');
    expect(screen.getByTestId('sync-blocked').textContent).toMatch(
      /上传受阻|平台拒绝（CLOCK_SKEW）.*相差约 12 分钟/,
    );
  });

  it('offline since when', async () => {
    const bar = show();
    act(() =>
      ts.station.sync.state.setState({
        connection: 'offline',
        offlineSince: new Date(Date.now() - 600_000).toISOString(),
      }),
    );
    expect(bar.textContent).toContain('离线');
    expect(screen.getByTestId('sync-offline-since').textContent).toMatch(/^自 \d{2}:\d{2}/);
  });

  it('a journal that cannot be written pauses settling, and says so', async () => {
    show();
    act(() =>
      ts.station.sync.state.setState({
        journal: {
          writable: false,
          lastError: { code: 'ENOSPC', message: 'no space', at: new Date().toISOString() },
        },
      }),
    );
    expect(screen.getByTestId('sync-journal').textContent).toBe(
      '结算日志无法写入（ENOSPC）：暂停结算，请通知信息科',
    );
  });
});
