import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testStation, type TestStation } from '../../../test/support/test-station';
import type { DatasetName } from '../../db';
import { setLanguage } from '../../i18n';
import { StationContext } from '../../station';
import { DATASETS, type DatasetPull, type PullState } from '../../sync';
import { SyncIndicator } from './SyncIndicator';

let ts: TestStation;
beforeEach(async () => {
  ts = await testStation();
});
afterEach(async () => {
  ts.close();
  await setLanguage('zh-CN');
});

function show() {
  render(
    <StationContext.Provider value={ts.station}>
      <SyncIndicator />
    </StationContext.Provider>,
  );
}

const done = (n: number): DatasetPull => ({ state: 'done', stored: n, announced: n });
const waiting: DatasetPull = { state: 'waiting', stored: 0, announced: null };

/** A first sync with the counter's datasets in, the catalogs to come. */
function firstSync(patch: Partial<Record<DatasetName, DatasetPull>>, incomplete: DatasetName[]): PullState {
  return {
    datasets: {
      ...(Object.fromEntries(DATASETS.map((d) => [d, waiting])) as Record<DatasetName, DatasetPull>),
      ...patch,
    },
    incomplete,
  };
}

describe('the pull progress under the status bar', () => {
  it('shows one bar per dataset during a first sync, and that the counter waits for its datasets', () => {
    show();
    act(() =>
      ts.station.sync.state.setState({
        pull: firstSync(
          {
            institutions: done(9),
            policies: done(40),
            filings: { state: 'pulling', stored: 50_000, announced: 200_000 },
          },
          ['filings', 'accumulators', 'wi_catalog', 'catalog'],
        ),
      }),
    );
    const bars = DATASETS.map((d) => screen.getByTestId(`sync-bar-${d}`));
    expect(bars.map((b) => b.dataset.state)).toEqual([
      'done',
      'done',
      'pulling',
      'waiting',
      'waiting',
      'waiting',
    ]);
    expect(screen.getByTestId('sync-bar-figure-filings').textContent).toBe('25%（50,000 / 200,000）');
    expect(screen.getByTestId('sync-bar-figure-catalog').textContent).toBe('等待');
    expect(screen.getByTestId('sync-bar-filings').querySelector('progress')!.value).toBe(25);
    expect(screen.getByTestId('sync-counter-ready').dataset.ready).toBe('false');
    expect(screen.getByTestId('sync-counter-ready').textContent).toContain(
      '备案、政策、累计数据下载完成后才能结算',
    );
  });

  it('says the counter can settle once its datasets are in, while the catalog still comes (in English too)', async () => {
    show();
    await act(() => setLanguage('en'));
    act(() =>
      ts.station.sync.state.setState({
        pull: firstSync(
          {
            institutions: done(9),
            policies: done(40),
            filings: done(200_000),
            accumulators: done(200_000),
            wi_catalog: done(75_000),
            catalog: { state: 'pulling', stored: 5_000, announced: 300_000 },
          },
          ['catalog'],
        ),
      }),
    );
    expect(screen.getByTestId('sync-counter-ready').dataset.ready).toBe('true');
    expect(screen.getByTestId('sync-counter-ready').textContent).toContain(
      'The counter can read cards and settle',
    );
    expect(screen.getByTestId('sync-bar-catalog').textContent).toContain('Medical catalog');
    expect(screen.getByTestId('sync-bar-figure-catalog').textContent).toBe('1% (5,000 / 300,000)');
  });

  it('a pull cut short says so on its bar', () => {
    show();
    act(() =>
      ts.station.sync.state.setState({
        pull: firstSync({ catalog: { state: 'failed', stored: 10_000, announced: 300_000 } }, ['catalog']),
      }),
    );
    expect(screen.getByTestId('sync-bar-figure-catalog').textContent).toBe('中断，将自动重试');
  });

  it('is gone once every dataset is whole and nothing big is being pulled', () => {
    show();
    const whole = firstSync(Object.fromEntries(DATASETS.map((d) => [d, done(0)])), []);
    act(() => ts.station.sync.state.setState({ pull: whole }));
    expect(screen.queryByTestId('sync-progress')).toBeNull();
    // a large change (more than a page) being pulled shows it again
    act(() =>
      ts.station.sync.state.setState({
        pull: {
          ...whole,
          datasets: { ...whole.datasets, catalog: { state: 'pulling', stored: 0, announced: 12_000 } },
        },
      }),
    );
    expect(screen.getByTestId('sync-bar-figure-catalog').textContent).toBe('0%（0 / 12,000）');
  });
});
