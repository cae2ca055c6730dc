// The one pattern for data a screen waits for. useAsync runs a promise (a host call, a search),
// useLiveData follows a Dexie live query (it runs again whenever the tables it read change). Both end
// in a state a screen can always show: loading, ok or error. A rejection becomes an error state, never
// an unhandled promise; a result that arrives after its inputs changed is dropped; and a load that does
// not answer within the time limit becomes a TIMEOUT error, so no spinner runs forever.
//
// useAction is the same for something a person starts (print, resolve a task, insert a demo card):
// `run` returns nothing to forget, so no promise floats; while it runs `busy` is true (a button can say
// so and refuse a second press), and a failure stays in `error` for a BilingualAlert until the next run.
import { liveQuery } from 'dexie';
import { codedError } from '../../shared/errors';
import { useCallback, useEffect, useRef, useState, type DependencyList, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { en } from '../i18n/en';
import { zh } from '../i18n/zh';
import { BilingualAlert } from './Bilingual';

export type AsyncState<T> =
  { status: 'loading' } | { status: 'ok'; data: T } | { status: 'error'; error: unknown };

export interface AsyncOptions {
  /** how long a load may take before it is reported as TIMEOUT (default 15 s) */
  timeoutMs?: number;
  /** false: do nothing and stay loading (the inputs are not there yet) */
  enabled?: boolean;
}

export const DEFAULT_TIMEOUT_MS = 15_000;

/** A load that gave no answer in time: coded and bilingual like every other failure, in the
 * screens' own words (i18n async.timeout). */
export class AsyncTimeoutError extends codedError('AsyncTimeoutError', {
  TIMEOUT: { zh: zh.async.timeout, en: en.async.timeout },
}) {}

const timeoutError = (ms: number) =>
  new AsyncTimeoutError('TIMEOUT', { values: { seconds: String(Math.round(ms / 1000)) } });

/** Resolves or rejects with the promise, or rejects with AsyncTimeoutError after `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(timeoutError(ms)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error || (e && typeof e === 'object') ? e : new Error(String(e)));
      },
    );
  });
}

export function useAsync<T>(
  load: () => Promise<T>,
  deps: DependencyList,
  options: AsyncOptions = {},
): AsyncState<T> & { retry: () => void } {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const enabled = options.enabled ?? true;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  useEffect(() => {
    setState({ status: 'loading' });
    if (!enabled) return;
    let live = true;
    withTimeout(load(), timeoutMs).then(
      (data) => live && setState({ status: 'ok', data }),
      (error: unknown) => live && setState({ status: 'error', error }),
    );
    return () => {
      live = false;
    };
  }, [...deps, attempt, enabled, timeoutMs]);
  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  return { ...state, retry };
}

export function useLiveData<T>(
  query: () => Promise<T>,
  deps: DependencyList,
  options: AsyncOptions = {},
): AsyncState<T> {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const enabled = options.enabled ?? true;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  useEffect(() => {
    setState({ status: 'loading' });
    if (!enabled) return;
    let answered = false;
    const timer = setTimeout(() => {
      if (!answered) setState({ status: 'error', error: timeoutError(timeoutMs) });
    }, timeoutMs);
    // an async querier: a query that throws at once becomes a rejection (an error state) rather than
    // an exception out of subscribe()
    const subscription = liveQuery(async () => query()).subscribe({
      next: (data) => {
        answered = true;
        setState({ status: 'ok', data });
      },
      error: (error: unknown) => {
        answered = true;
        setState({ status: 'error', error });
      },
    });
    return () => {
      clearTimeout(timer);
      subscription.unsubscribe();
    };
  }, [...deps, enabled, timeoutMs]);
  return state;
}

export interface Action<A extends unknown[]> {
  run: (...args: A) => void;
  busy: boolean;
  error: unknown;
}

export function useAction<A extends unknown[]>(fn: (...args: A) => Promise<unknown>): Action<A> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const latest = useRef(fn);
  latest.current = fn;
  const running = useRef(false);
  const run = useCallback((...args: A) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setError(null);
    latest
      .current(...args)
      .catch((e: unknown) => setError(e))
      .finally(() => {
        running.current = false;
        setBusy(false);
      });
  }, []);
  return { run, busy, error };
}

/** What a screen shows for an async state: a loading line, the error box (with retry when there is
 * one), or the data. */
export function AsyncView<T>({
  state,
  children,
  loading,
  errorTestId,
}: {
  state: AsyncState<T> & { retry?: () => void };
  children: (data: T) => ReactNode;
  loading?: ReactNode;
  errorTestId?: string;
}) {
  const { t } = useTranslation();
  if (state.status === 'loading')
    return (
      <p className="muted" role="status" data-testid="loading">
        {loading ?? t('async.loading')}
      </p>
    );
  if (state.status === 'error')
    return (
      <BilingualAlert error={state.error} testId={errorTestId}>
        {state.retry && (
          <button type="button" onClick={state.retry}>
            {t('async.retry')}
          </button>
        )}
      </BilingualAlert>
    );
  return <>{children(state.data)}</>;
}
