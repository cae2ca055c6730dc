// Start-up: connect to the host (Electron preload or the loopback agent), open the station database,
// ask the browser to keep it, pull once, and start the sync engine. Each failure becomes a
// StationError the fatal screen explains in both languages.
import { browserEnvironment, connectStation, platformPort } from '../bridge';
import { openStationDb, requestPersistence, warmSegments } from '../db';
import { initI18n } from '../i18n';
import { journalPort } from '../journal';
import { chinaDate, createSettleService, type StationProfile } from '../settle-service';
import type { Station } from '../station';
import { createSyncEngine } from '../sync';
import { notify } from '../ui';

export async function bootstrap(): Promise<Station> {
  await initI18n(localStorage.getItem('station.lang') === 'en' ? 'en' : 'zh-CN');
  const { api, mode } = connectStation(browserEnvironment());
  const config = await api.config.get();
  const db = await openStationDb({
    onUpgradeBlocked: () => notify('warn', 'db.upgradeBlocked'),
    onClosedForUpgrade: () => notify('warn', 'db.closedForUpgrade'),
  });
  const persistence = await requestPersistence(navigator.storage);
  if (persistence.outcome === 'denied') notify('warn', 'db.notPersistent');

  const port = platformPort(api);
  const sync = createSyncEngine({ db, port, api });
  // The institution's level comes from the pulled institutions dataset; pull it first when missing.
  let institution = await db.institutions.get(config.institution.fixmedins_code);
  if (!institution) {
    await sync.runOnce();
    institution = await db.institutions.get(config.institution.fixmedins_code);
  }
  const profile: StationProfile = {
    station_id: config.stationId,
    fixmedins_code: config.institution.fixmedins_code,
    mdtrtarea_admvs: institution?.institution.mdtrtarea_admvs ?? config.treatmentPlace.mdtrtarea_admvs,
    hosp_lv: institution?.institution.hosp_lv ?? 3,
  };
  const settle = createSettleService({ db, station: profile, journal: journalPort(api) });
  // Load the lookup segments now, so the first card read or catalog search does not pay for it; a
  // failure here is not fatal (the first lookup tries again and reports its own error).
  warmSegments(db).catch(() => undefined);
  sync.start();
  return {
    api,
    mode,
    db,
    config,
    profile,
    institutionName: institution?.fixmedins_name ?? config.institution.fixmedins_name,
    settle,
    sync,
    today: () => chinaDate(new Date()),
    // every operator is a cashier until sign-in exists (issue 12, part 2)
    operator: { id: localStorage.getItem('station.cashier') || 'cashier01', role: 'cashier' },
  };
}
