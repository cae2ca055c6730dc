import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordAudit } from '../db';
import { memoryStationDb } from '../../test/support/memory-db';
import { AsyncView, useAction, useAsync, useLiveData, type AsyncOptions } from './async';
import { BilingualAlert } from './Bilingual';

function Loader({ load, options }: { load: () => Promise<string>; options?: AsyncOptions }) {
  const state = useAsync(load, [load], options);
  return (
    <AsyncView state={state} errorTestId="err">
      {(text) => <p data-testid="data">{text}</p>}
    </AsyncView>
  );
}

afterEach(() => vi.useRealTimers());

describe('useAsync + AsyncView', () => {
  it('shows loading, then the data', async () => {
    render(<Loader load={() => Promise.resolve('二号病人')} />);
    expect(screen.getByTestId('loading')).toBeTruthy();
    expect((await screen.findByTestId('data')).textContent).toBe('二号病人');
    expect(screen.queryByTestId('loading')).toBeNull();
  });

  it('shows a rejection as an error box with its code, and tries again on request', async () => {
    let calls = 0;
    const load = () => {
      calls++;
      return calls === 1
        ? Promise.reject(Object.assign(new Error('no reader'), { code: 'DEVICE_GONE' }))
        : Promise.resolve('ok');
    };
    render(<Loader load={load} />);
    const box = await screen.findByTestId('err');
    expect(box.getAttribute('data-code')).toBe('DEVICE_GONE');
    expect(screen.queryByTestId('loading')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect((await screen.findByTestId('data')).textContent).toBe('ok');
    expect(calls).toBe(2);
  });

  it('never spins forever: a load that does not answer becomes a TIMEOUT error', async () => {
    vi.useFakeTimers();
    render(<Loader load={() => new Promise<string>(() => undefined)} options={{ timeoutMs: 5_000 }} />);
    expect(screen.getByTestId('loading')).toBeTruthy();
    await act(() => vi.advanceTimersByTimeAsync(5_001));
    const box = screen.getByTestId('err');
    expect(box.getAttribute('data-code')).toBe('TIMEOUT');
    expect(box.textContent).toContain('5 秒内没有响应');
    expect(screen.queryByTestId('loading')).toBeNull();
  });

  it('drops an answer that arrives after its inputs changed', async () => {
    let resolveFirst: (v: string) => void = () => undefined;
    const first = () => new Promise<string>((r) => (resolveFirst = r));
    const second = () => Promise.resolve('second');
    const { rerender } = render(<Loader load={first} />);
    rerender(<Loader load={second} />);
    expect((await screen.findByTestId('data')).textContent).toBe('second');
    await act(async () => resolveFirst('first'));
    expect(screen.getByTestId('data').textContent).toBe('second');
  });
});

describe('useLiveData', () => {
  it('follows a Dexie live query: a new row shows without a reload', async () => {
    const db = await memoryStationDb('live');
    function Count() {
      const state = useLiveData(() => db.audit.count(), []);
      return <AsyncView state={state}>{(n) => <p data-testid="n">{n}</p>}</AsyncView>;
    }
    render(<Count />);
    expect((await screen.findByTestId('n')).textContent).toBe('0');
    await act(async () => {
      await recordAudit(db, { at: 'x', kind: 'probe', opter: null, detail: {} });
    });
    await vi.waitFor(() => expect(screen.getByTestId('n').textContent).toBe('1'));
    db.close();
  });

  it('shows a failing query as an error, not as loading', async () => {
    const db = await memoryStationDb('broken');
    function Count() {
      // a table this database does not have: Dexie rejects the query
      const state = useLiveData(() => db.table('no_such_table').count(), []);
      return (
        <AsyncView state={state} errorTestId="err">
          {(n) => <p>{n}</p>}
        </AsyncView>
      );
    }
    render(<Count />);
    expect(await screen.findByTestId('err')).toBeTruthy();
    expect(screen.queryByTestId('loading')).toBeNull();
    db.close();
  });
});

describe('useAction', () => {
  it('is busy while it runs, refuses a second press, and keeps the failure for an alert', async () => {
    let calls = 0;
    let fail: (e: unknown) => void = () => undefined;
    function Print() {
      const [n, setN] = useState(0);
      const print = useAction(() => {
        calls++;
        setN((x) => x + 1);
        return new Promise((_, reject) => (fail = reject));
      });
      return (
        <>
          <button type="button" onClick={() => print.run()} disabled={print.busy}>
            print {n}
          </button>
          {print.error !== null && <BilingualAlert error={print.error} testId="err" />}
        </>
      );
    }
    render(<Print />);
    const button = screen.getByRole('button');
    fireEvent.click(button);
    fireEvent.click(button);
    expect(calls).toBe(1);
    expect((button as HTMLButtonElement).disabled).toBe(true);
    await act(async () => fail({ code: 'PRINTER_OFFLINE', zh: '打印机未连接', en: 'Printer offline' }));
    expect(screen.getByTestId('err').textContent).toContain('打印机未连接');
    expect((button as HTMLButtonElement).disabled).toBe(false);
  });
});
