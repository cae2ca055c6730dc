// What every screen needs, made once at start (app/bootstrap.ts) and handed down by context. Screens
// import this folder, never app/ (which imports the screens).
import { createContext, useContext } from 'react';
import type { StationConfigView, StationApi } from '../../shared/station-api';
import type { StationDb } from '../db';
import type { SettleService, StationProfile } from '../settle-service';
import type { SyncEngine } from '../sync';
import type { Operator } from './operator';

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
  /** the operator signed in (opter) */
  operator: Operator;
}

export const StationContext = createContext<Station | null>(null);

export function useStation(): Station {
  const s = useContext(StationContext);
  if (!s) throw new Error('StationContext missing');
  return s;
}
