// What every screen needs, made once at start (app/bootstrap.ts) and handed down by context. Screens
// import this folder, never app/ (which imports the screens).
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { StationConfigView, StationApi } from '../../shared/station-api';
import type { StationDb } from '../db';
import type { SettleService, StationProfile } from '../settle-service';
import type { SyncEngine } from '../sync';
import type { Operator } from './operator';
import type { SessionActions, SessionState, SessionStore } from './session';

export interface Station {
  api: StationApi;
  mode: 'electron' | 'browser';
  db: StationDb;
  config: StationConfigView;
  profile: StationProfile;
  institutionName: string;
  settle: SettleService;
  sync: SyncEngine;
  /** today as the station sees it, YYYY-MM-DD in China time */
  today: () => string;
  /** who is signed in, whether the screen is locked (session.ts) */
  session: SessionStore;
}

export const StationContext = createContext<Station | null>(null);

export function useStation(): Station {
  const s = useContext(StationContext);
  if (!s) throw new Error('StationContext missing');
  return s;
}

/** The session, or a part of it chosen by the selector; renders again when that part changes. */
export function useSession<T>(selector: (s: SessionState & { actions: SessionActions }) => T): T {
  return useStore(useStation().session, selector);
}

/** The operator signed in. The shell shows screens only then, so a screen can rely on one. */
export function useOperator(): Operator {
  const operator = useSession((s) => s.operator);
  if (!operator) throw new Error('no operator signed in');
  return operator;
}
