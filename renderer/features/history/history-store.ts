// The history's search, kept per station (like the counter's patient) so that opening a settlement
// and coming back finds the same list. Named actions: search with criteria the form checked, or
// start over.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { useStation, type Station } from '../../station';
import { NO_CRITERIA, type HistoryCriteria } from './history-query';

export interface HistoryState {
  criteria: HistoryCriteria;
  actions: { search(criteria: HistoryCriteria): void; reset(): void };
}
export type HistoryStore = StoreApi<HistoryState>;

export function createHistoryStore(): HistoryStore {
  return createStore<HistoryState>((set) => ({
    criteria: NO_CRITERIA,
    actions: {
      search: (criteria) => set({ criteria }),
      reset: () => set({ criteria: NO_CRITERIA }),
    },
  }));
}

const stores = new WeakMap<Station, HistoryStore>();

export function useHistory<T>(selector: (s: HistoryState) => T): T {
  const station = useStation();
  let store = stores.get(station);
  if (!store) {
    store = createHistoryStore();
    stores.set(station, store);
  }
  return useStore(store, selector);
}
