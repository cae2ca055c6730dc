// What every handler of the platform sees: the database, the registered stations (each bound to its
// institution), the seeded world's settings, the clock (injectable, so tests can move it), the offline
// window for settle dates and the fault switchboard.

import type { ErrCode } from '../shared/protocol';
import { errMessage } from '../shared/protocol';
import type { Database } from './db/database';
import type { WorldSettings } from './db/seed';
import type { Faults } from './http/faults';
import type { StationRegistration } from './stations';

export interface PlatformContext {
  db: Database;
  stations: ReadonlyMap<string, StationRegistration>;
  settings: WorldSettings;
  now(): number;
  /** an uploaded settle_date may be at most this many days before the platform's today */
  maxOfflineDays: number;
  faults: Faults;
}

/** A refusal of the whole message: infcode -1 with a stable err_code. */
export class PlatformRefusal extends Error {
  constructor(
    readonly errCode: ErrCode,
    detail?: string,
    readonly httpStatus = 200,
  ) {
    super(errMessage(errCode, detail));
    this.name = 'PlatformRefusal';
  }
}

/** JSON already serialised (8101 pages splice stored row text instead of parsing and re-encoding it). */
export class RawJson {
  constructor(readonly json: string) {}
}
