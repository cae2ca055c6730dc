// One counter store per station (made on first use and kept while the station runs), so the patient's
// work survives a visit to another screen and a locked screen. Components read it with a
// selector and change it only through its actions.
import { useStore } from 'zustand';
import { platformPort } from '../../bridge';
import type { Station } from '../../station';
import { useStation } from '../../station';
import {
  createCounterStore,
  type CounterActions,
  type CounterState,
  type CounterStore,
} from './counter-store';
import { resolvePerson } from './resolve-person';

const stores = new WeakMap<Station, CounterStore>();

export function counterStoreOf(station: Station): CounterStore {
  let store = stores.get(station);
  if (!store) {
    const port = platformPort(station.api);
    store = createCounterStore({
      settle: station.settle,
      resolvePerson: (card) => resolvePerson(station.db, port, card),
      today: station.today,
      operator: () => {
        const op = station.session.getState().operator;
        if (!op) throw new Error('no operator signed in');
        return op.id;
      },
      afterCommit: () => void station.sync.runOnce(),
    });
    stores.set(station, store);
  }
  return store;
}

export function useCounter<T>(selector: (s: CounterState) => T): T {
  return useStore(counterStoreOf(useStation()), selector);
}

export function useCounterActions(): CounterActions {
  return useStore(counterStoreOf(useStation()), (s) => s.actions);
}
