// Start-up: connect to the host (Electron preload or the loopback agent), open the station database,
// ask the browser to keep it, pull the institutions when missing, and start the sync engine. Each
// failure becomes a StationError the fatal screen explains in both languages.
import { browserEnvironment, connectStation, hostLog, platformPort, type LogWrite } from '../bridge';
import { openStationDb, requestPersistence, warmSegments } from '../db';
import { initI18n } from '../i18n';
import { journalPort, reconcileWithJournal, releasePendingCancels } from '../journal';
import { cstDate } from '../../shared/protocol';
import { createSettleService, type StationProfile } from '../settle-service';
import { createSessionStore, type Station } from '../station';
import { createSyncEngine, failureCode, fetchCatalogEntries, pullDataset } from '../sync';
import { notify } from '../ui';

export async function bootstrap(): Promise<Station> {
  await initI18n(localStorage.getItem('station.lang') === 'en' ? 'en' : 'zh-CN');
  // Until the bridge exists nothing can be logged; a malformed host event after that goes to the log.
  let log: LogWrite = () => undefined;
  const { api, mode } = connectStation({
    ...browserEnvironment(),
    onInvalidEvent: (event, message) => log('warn', `dropped malformed ${event} event`, { message }),
  });
  log = hostLog(api);
  const config = await api.config.get();
  const db = await openStationDb({
    onUpgradeBlocked: () => notify('warn', 'db.upgradeBlocked'),
    onClosedForUpgrade: () => notify('warn', 'db.closedForUpgrade'),
  });
  const persistence = await requestPersistence(navigator.storage);
  if (persistence.outcome === 'denied') notify('warn', 'db.notPersistent');

  // The journal first: what a lost or older IndexedDB lacks comes back before anything is pulled
  // or settled (docs/sync.md, "Journal"). A journal the host cannot read stops nothing here; the
  // status bar says so and a settlement is then refused at commit.
  const journal = journalPort(api);
  try {
    const restored = await reconcileWithJournal(db, journal);
    if (restored.restored > 0) notify('info', 'sync.restored', { n: String(restored.restored) });
    if (restored.restored + restored.appended > 0) log('info', 'journal reconciled', { ...restored });
    const cancels = await releasePendingCancels(db, journal);
    if (cancels > 0) log('info', 'journal: cancels a crash left unjournaled appended', { cancels });
  } catch (e) {
    log('error', 'journal: could not reconcile with IndexedDB', { code: failureCode(e) });
  }

  const port = platformPort(api);
  const sync = createSyncEngine({ db, port, api, journal: api.journal, log });
  // The institution's level comes from the pulled institutions dataset; pull that one (a page) first
  // when missing. Not the whole first sync: that runs behind the counter, whose progress the status
  // bar shows, and the counter settles as soon as its datasets are in (docs/sync.md, "First sync").
  let institution = await db.institutions.get(config.institution.fixmedins_code);
  if (!institution) {
    try {
      await pullDataset(db, port, 'institutions');
    } catch (e) {
      log('warn', 'institutions not pulled at start', { code: failureCode(e) });
    }
    institution = await db.institutions.get(config.institution.fixmedins_code);
  }
  const profile: StationProfile = {
    station_id: config.stationId,
    fixmedins_code: config.institution.fixmedins_code,
    mdtrtarea_admvs: institution?.institution.mdtrtarea_admvs ?? config.treatmentPlace.mdtrtarea_admvs,
    hosp_lv: institution?.institution.hosp_lv ?? 3,
  };
  const settle = createSettleService({
    db,
    station: profile,
    journal,
    // a bill's codes not stored yet while the first catalog pull runs are asked of the platform (8102)
    catalogSource: { entries: (dataset, codes) => fetchCatalogEntries(port, dataset, codes) },
    platform: port,
    ...(config.onlineTimeoutMs ? { onlineTimeoutMs: config.onlineTimeoutMs } : {}),
  });
  // Load the lookup segments now, so the first card read or catalog search does not pay for it; a
  // failure here is not fatal (the first lookup tries again and reports its own error).
  warmSegments(db).catch((e: unknown) => log('warn', 'lookup segments not warmed', { code: failureCode(e) }));
  sync.start();
  const session = createSessionStore({ api, db });
  // Closing or reloading the window ends the session (the host signs the operator out of the
  // platform); the page keeps no token to come back with.
  window.addEventListener('pagehide', () => void session.getState().actions.signOut('exit'));
  return {
    api,
    mode,
    db,
    config,
    profile,
    institutionName: institution?.fixmedins_name ?? config.institution.fixmedins_name,
    settle,
    sync,
    today: () => cstDate(Date.now()),
    session,
  };
}
