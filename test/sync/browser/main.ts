// Runs in real Chromium, driven by test/sync/browser.test.ts: the parts of renderer/db and
// renderer/sync that only a browser has — Web Locks across tabs, a real quota, a real blocked
// upgrade, navigator.storage.persist().
import Dexie from 'dexie';
import {
  declareVersions,
  openStationDb,
  requestPersistence,
  type StationDb,
  type StationDbError,
} from '../../../renderer/db';
import { createSettleService, type StationProfile } from '../../../renderer/settle-service';
import { createPusher, pullAll, queueStatus } from '../../../renderer/sync';
import { relayPort, relayStationApi } from '../../../scripts/bench-station/relay-port';
import { journalPort } from '../../../renderer/journal';
import { outpatientLines } from '../bills-lines';
import { getRow, readRows } from '../../../renderer/db';

let db: StationDb | null = null;
let station: StationProfile;
let today: string;
let oldDb: Dexie | null = null;
let opening: Promise<StationDb> | null = null;
let blocked: string[] = [];

async function settleSome(n: number, from = 0): Promise<number> {
  const service = createSettleService({ db: db!, station, journal: journalPort(relayStationApi()) });
  const people = [
    ...new Set(
      [...(await readRows(db!, 'filings')).values()]
        .filter((f) => f.scheme === 'medical')
        .map((f) => f.psn_no),
    ),
  ];
  let done = 0;
  for (const psn_no of people.slice(from)) {
    if (done >= n) break;
    const p = await service
      .preview({
        who: { psn_no },
        scheme: 'medical',
        setl_type: 'outpatient',
        settle_date: today,
        lines: outpatientLines(),
      })
      .catch(() => null);
    if (p?.result.status !== 'settled') continue;
    await service.commit(p, { opter: 'browser', encounter_no: `BROWSER-${crypto.randomUUID()}` });
    done++;
  }
  return done;
}

const api = {
  async setup(params: {
    station: StationProfile;
    today: string;
    name: string;
    pull: boolean;
    settle: number;
  }) {
    station = params.station;
    today = params.today;
    db = await openStationDb({ name: params.name });
    if (params.pull) await pullAll(db, relayPort());
    return {
      settled: params.settle > 0 ? await settleSome(params.settle) : 0,
      queued: await db.outbox.count(),
    };
  },
  async drain() {
    const r = await createPusher({ db: db!, port: relayPort() }).drain();
    return { outcome: r.outcome, answered: r.answered, queued: await db!.outbox.count() };
  },
  async statuses() {
    return (await db!.settlements.toArray()).map((s) => s.status);
  },
  async usage() {
    return (await navigator.storage.estimate()).usage ?? 0;
  },
  /** Commits until the disk is full; reports the error and what is stored. */
  async fillUp(max: number) {
    const before = await db!.settlements.count();
    let committed = 0;
    let error: { name: string; code?: string; zh?: string } | null = null;
    try {
      for (let i = 0; i < max; i++) {
        if ((await settleSome(1, i % 20)) === 1) committed++;
      }
    } catch (e) {
      error = {
        name: (e as Error).name,
        code: (e as StationDbError).code,
        zh: (e as StationDbError).message_zh,
      };
    }
    const settlements = await db!.settlements.count();
    const outbox = await db!.outbox.count();
    const committedAudit = await db!.audit.where('kind').equals('settlement.committed').count();
    return { error, committed, before, settlements, outbox, committedAudit, status: await queueStatus(db!) };
  },
  async persist() {
    return requestPersistence();
  },
  async openOld(name: string) {
    oldDb = new Dexie(name);
    declareVersions(oldDb, 1);
    oldDb.on('versionchange', () => false); // an old window that does not let go
    await oldDb.open();
    await oldDb.table('filings').put({ key: 'F1', certno: 'X', psn_no: 'P1' });
    return oldDb.verno;
  },
  startOpen(name: string) {
    blocked = [];
    opening = openStationDb({ name, onUpgradeBlocked: (e) => blocked.push(`${e.code}: ${e.message_zh}`) });
    opening.catch(() => undefined);
    return true;
  },
  blocked() {
    return blocked;
  },
  closeOld() {
    oldDb!.close();
    return true;
  },
  async finishOpen() {
    const upgraded = await opening!;
    const row = await getRow(upgraded, 'filings', 'F1');
    const verno = upgraded.verno;
    upgraded.close();
    return { verno, row };
  },
};

export type BrowserChecks = typeof api;
(window as unknown as { checks: BrowserChecks }).checks = api;
document.getElementById('status')!.textContent = 'ready';
