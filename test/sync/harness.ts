// One real platform-sim per test file, the real Node platform client as the station's PlatformPort,
// and a fresh fake-indexeddb factory per station, so "restart the station" is a new StationDb over the
// same factory.
import Dexie, { type DBCore, type Middleware } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createPlatformClient } from '../../electron/services/platform-client';
import { AdminClient, startPlatform, type RunningPlatform } from '../../platform-sim';
import { DEMO_DEVICE_SHOP, DEMO_HOSPITAL, demoWorld } from '../../shared/demo-world';
import { cstDate } from '../../shared/protocol';
import { StationDb } from '../../renderer/db';
import type { StationProfile } from '../../renderer/settle-service';
import type { PlatformPort } from '../../renderer/sync';

export const STATION = {
  id: 'SYNC-TEST-01',
  secret: 'sync-test-secret-0123456789abcdef',
  fixmedins_code: DEMO_HOSPITAL,
};
export const OTHER_STATION = {
  id: 'SYNC-TEST-02',
  secret: 'sync-test-secret-fedcba9876543210',
  fixmedins_code: DEMO_HOSPITAL,
};
/** A station of the demo world's device shop (work-injury agreement only). */
export const SHOP_STATION = {
  id: 'SYNC-TEST-SHOP',
  secret: 'sync-test-secret-shop-0123456789',
  fixmedins_code: DEMO_DEVICE_SHOP,
};

export interface TestPlatform {
  platform: RunningPlatform;
  admin: AdminClient;
  today: string;
  station: StationProfile;
  /** A second station of the same institution (OTHER_STATION). */
  otherStation: StationProfile;
  /** The device shop's station (SHOP_STATION) and its port. */
  shopStation: StationProfile;
  shopPort(): PlatformPort;
  port(opts?: { timeoutMs?: number; stationId?: string; secret?: string }): PlatformPort;
  close(): Promise<void>;
}

export async function startTestPlatform(opts: {
  seed: string;
  catalogSize?: number;
  peopleCount?: number;
}): Promise<TestPlatform> {
  const today = cstDate(Date.now());
  const platform = await startPlatform({
    port: 0,
    seed: opts.seed,
    today,
    stations: [STATION, OTHER_STATION, SHOP_STATION],
    admin: true,
    catalogSize: opts.catalogSize ?? 400,
    peopleCount: opts.peopleCount ?? 60,
  });
  const institutions = demoWorld({ seed: opts.seed, today, catalogSize: 1 }).institutions;
  const hospital = institutions.find((i) => i.fixmedins_code === DEMO_HOSPITAL)!;
  const shop = institutions.find((i) => i.fixmedins_code === DEMO_DEVICE_SHOP)!;
  const station: StationProfile = {
    station_id: STATION.id,
    fixmedins_code: hospital.fixmedins_code,
    mdtrtarea_admvs: hospital.institution.mdtrtarea_admvs,
    hosp_lv: hospital.institution.hosp_lv,
  };
  return {
    platform,
    admin: new AdminClient(platform.url),
    today,
    station,
    otherStation: { ...station, station_id: OTHER_STATION.id },
    shopStation: {
      station_id: SHOP_STATION.id,
      fixmedins_code: shop.fixmedins_code,
      mdtrtarea_admvs: shop.institution.mdtrtarea_admvs,
      hosp_lv: shop.institution.hosp_lv,
    },
    shopPort: () =>
      createPlatformClient({
        baseUrl: platform.url,
        stationId: SHOP_STATION.id,
        secret: SHOP_STATION.secret,
        fixmedinsCode: shop.fixmedins_code,
        fixmedinsName: shop.fixmedins_name,
        mdtrtareaAdmvs: shop.institution.mdtrtarea_admvs,
        timeoutMs: 10_000,
      }),
    port: (o = {}) => {
      const which = o.stationId === OTHER_STATION.id ? OTHER_STATION : STATION;
      return createPlatformClient({
        baseUrl: platform.url,
        stationId: which.id,
        secret: o.secret ?? which.secret,
        fixmedinsCode: hospital.fixmedins_code,
        fixmedinsName: hospital.fixmedins_name,
        mdtrtareaAdmvs: hospital.institution.mdtrtarea_admvs,
        timeoutMs: o.timeoutMs ?? 10_000,
      });
    },
    close: () => platform.close(),
  };
}

/** A station's storage: the IndexedDB "disk" survives restarts; each open is a new process. */
export class StationDisk {
  readonly indexedDB = new IDBFactory();
  async open(middleware?: Middleware<DBCore>): Promise<StationDb> {
    const db = new StationDb('station', { indexedDB: this.indexedDB, IDBKeyRange });
    if (middleware) db.use(middleware);
    await db.open();
    return db;
  }
}

export { Dexie };
