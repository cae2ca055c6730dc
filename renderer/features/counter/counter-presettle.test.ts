// The counter store's online steps (issue 18) over the real settle service and station database: the
// card read's live read (freshness, the person looked up again when rows changed) and F8's
// pre-settlement (a difference waits for F8 again and commits the platform's figures; a refusal
// commits nothing; no answer commits offline, marked). The platform's answers are given here; the
// real platform's are proven in test/sync/stale-cache.test.ts and test/e2e/presettle.test.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { typedIdRead } from '../../../shared/card';
import { cardReadSchema, type CardReadEvent } from '../../../shared/station-api';
import { testStation, type TestStation } from '../../../test/support/test-station';
import type { PreSettlement, Preview } from '../../settle-service';
import type { PersonFreshness } from '../../sync';
import { commitCheck, createCounterStore, demoBillInputs, type CounterStore } from './counter-store';
import { resolvePerson } from './resolve-person';

const TODAY = '2026-06-30';
const waitFor = (f: () => void) => vi.waitFor(f, { timeout: 5000 });
const AT = '2026-06-30T02:00:00.000Z';
let ts: TestStation;
beforeEach(async () => {
  ts = await testStation({ today: TODAY });
});
afterEach(() => ts.close());

const offlinePort = { call: () => Promise.reject(new Error('offline')) };

function storeWith(
  answer: (p: Preview) => PreSettlement<Preview> | null,
  fresh: PersonFreshness | null = null,
): { store: CounterStore; lookups: () => number } {
  let lookups = 0;
  const store = createCounterStore({
    settle: {
      ...ts.station.settle,
      online: true,
      refresh: () => Promise.resolve(fresh),
      preSettle: (p) => Promise.resolve(answer(p)),
    },
    resolvePerson: (card) => (lookups++, resolvePerson(ts.db, offlinePort, card)),
    today: () => TODAY,
    operator: () => 'cashier01',
    afterCommit: () => undefined,
  });
  return { store, lookups: () => lookups };
}

async function previewed(store: CounterStore) {
  const b = ts.world.bills.find((x) => x.bill_id === 'BILL-PNEUMONIA')!;
  const person = ts.world.people.find((p) => p.person.psn_no === b.psn_no)!;
  const card: CardReadEvent = cardReadSchema.parse(typedIdRead(person.person.certno, { today: TODAY }));
  await store.getState().actions.startPatient(card);
  await waitFor(() => expect(store.getState().freshness).not.toBe('checking'));
  store.getState().actions.loadBill(demoBillInputs(b));
  await store.getState().actions.compute();
  expect(store.getState().preview?.result.status).toBe('settled');
}

describe('card read, online', () => {
  it('says live, and looks the person up again when the live read changed rows', async () => {
    const { store, lookups } = storeWith(() => null, { source: 'live', at: AT, changed: 2 });
    await previewed(store);
    expect(store.getState().freshness).toEqual({ source: 'live', at: AT, changed: 2 });
    expect(lookups()).toBe(2);
    expect(store.getState().person.status).toBe('found');
  });

  it('says cache and how old when the platform did not answer, without a second lookup', async () => {
    const fresh: PersonFreshness = { source: 'cache', asOf: AT, reason: 'TIMEOUT' };
    const { store, lookups } = storeWith(() => null, fresh);
    await previewed(store);
    expect(store.getState().freshness).toEqual(fresh);
    expect(lookups()).toBe(1);
  });
});

describe('F8 with the pre-settlement', () => {
  it('a difference is shown and nothing committed; F8 again commits the platform figures', async () => {
    const { store } = storeWith((p) => ({
      kind: 'differs',
      mark: { outcome: 'platform_figures', at: AT },
      differences: [{ field: 'psn_cash_pay', station: p.result.setlinfo.psn_cash_pay, platform: '1.00' }],
      station: p.result,
      preview: { ...p, result: { ...p.result, setlinfo: { ...p.result.setlinfo, psn_cash_pay: '1.00' } } },
    }));
    await previewed(store);
    await store.getState().actions.commit();
    expect(store.getState().presettle?.kind).toBe('differs');
    expect(store.getState().receiptId).toBeNull();
    expect(await ts.db.settlements.count()).toBe(0);

    await store.getState().actions.commit();
    const id = store.getState().receiptId!;
    const row = (await ts.db.settlements.get(id))!;
    expect(row.result.setlinfo.psn_cash_pay).toBe('1.00');
    expect(row.presettle).toEqual({ outcome: 'platform_figures', at: AT });
  });

  it('a refusal commits nothing and stops F8 until the bill changes', async () => {
    const { store } = storeWith(() => ({
      kind: 'refused',
      reasons: [{ code: 'FILING_REVOKED', message: '备案已撤销' }],
    }));
    await previewed(store);
    await store.getState().actions.commit();
    expect(store.getState().presettle?.kind).toBe('refused');
    expect(commitCheck(store.getState()).ok).toBe(false);
    await store.getState().actions.commit();
    expect(await ts.db.settlements.count()).toBe(0);
    store.getState().actions.setBill({ acctUsed: true });
    expect(store.getState().presettle).toBeNull();
  });

  it('no answer in time commits offline, and the row says so', async () => {
    const { store } = storeWith(() => ({ kind: 'offline', mark: { outcome: 'offline', reason: 'TIMEOUT' } }));
    await previewed(store);
    await store.getState().actions.commit();
    const row = (await ts.db.settlements.get(store.getState().receiptId!))!;
    expect(row.presettle).toEqual({ outcome: 'offline', reason: 'TIMEOUT' });
  });
});
