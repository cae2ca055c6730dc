// A station for component tests: the real database (fake-indexeddb, filled from the demo world the way
// a pull fills it), the real settle service and sync engine, and a StationApi built by the real client
// (its zod checks included) over an in-memory host that answers what the screens ask (demo bills of the
// demo world, no demo cards, a printer) and lets the test emit host events (a card read). The platform
// is unreachable (the sync engine goes offline), so nothing here needs a network.
import { DEMO_HOSPITAL, type DemoWorld } from '../../shared/demo-world';
import {
  buildStationApi,
  stationError,
  type StationChannel,
  type StationEvent,
  type StationEventPayload,
} from '../../shared/station-api';
import type { StationDb } from '../../renderer/db';
import { createSettleService, type StationProfile } from '../../renderer/settle-service';
import type { Operator, Station } from '../../renderer/station';
import { createSyncEngine } from '../../renderer/sync';
import { seededStationDb } from '../sync/seed-world';
import { openTestJournal } from './test-journal';

export interface TestStation {
  station: Station;
  world: DemoWorld;
  db: StationDb;
  /** a host event, as the reader or the platform monitor would send it */
  emit<E extends StationEvent>(event: E, payload: StationEventPayload<E>): void;
  /** the host calls the page made, in order */
  calls: { channel: StationChannel; input: unknown }[];
  close(): void;
}

export async function testStation(
  opts: {
    today?: string;
    operator?: Operator;
    fixmedins_code?: string;
    /** the test's own answers to host calls, over the defaults (a watched bill folder …) */
    answers?: Partial<Record<StationChannel, (input: never) => unknown>>;
  } = {},
): Promise<TestStation> {
  const today = opts.today ?? '2026-06-30';
  const { db, world } = await seededStationDb({ today });
  const inst = world.institutions.find((i) => i.fixmedins_code === (opts.fixmedins_code ?? DEMO_HOSPITAL))!;
  const profile: StationProfile = {
    station_id: 'ST-UI-TEST',
    fixmedins_code: inst.fixmedins_code,
    mdtrtarea_admvs: inst.institution.mdtrtarea_admvs,
    hosp_lv: inst.institution.hosp_lv,
  };
  const listeners = new Map<StationEvent, Set<(payload: unknown) => void>>();
  const calls: TestStation['calls'] = [];
  const offline = () =>
    Promise.reject(
      stationError('PLATFORM_TRANSIENT', '测试：平台不可达', 'test: the platform is unreachable', {
        kind: 'transient',
      }),
    );
  const answers: Partial<Record<StationChannel, (input: never) => unknown>> = {
    'card.status': () => ({ devices: [], demoTray: null, notice: null }),
    'card.listDemoCards': () => ({ cards: [] }),
    'demo.bills': ({ certno, psn_no }: { certno?: string; psn_no?: string }) => {
      const person = world.people.find((p) => p.person.psn_no === psn_no || p.person.certno === certno);
      return {
        bills: world.bills.filter(
          (b) => b.psn_no === person?.person.psn_no && b.fixmedins_code === profile.fixmedins_code,
        ),
      };
    },
    'print.receiptDialog': () => ({ outcome: 'printed' }),
    'log.write': () => ({ ok: true }),
    ...opts.answers,
  };
  const api = buildStationApi(
    {
      async call(channel, input) {
        calls.push({ channel, input });
        if (channel === 'platform.call') return offline();
        const answer = answers[channel];
        if (!answer)
          throw stationError('NOT_CONFIGURED', `测试主机不处理 ${channel}`, `test host has no ${channel}`);
        return answer(input as never);
      },
      subscribe(event, listener) {
        const set = listeners.get(event) ?? new Set();
        listeners.set(event, set);
        set.add(listener);
        return () => set.delete(listener);
      },
    },
    { validateInput: true, validateOutput: true },
  );
  const sync = createSyncEngine({ db, port: { call: offline }, api });
  const station: Station = {
    api,
    mode: 'browser',
    db,
    config: {
      stationId: profile.station_id,
      institution: { fixmedins_code: inst.fixmedins_code, fixmedins_name: inst.fixmedins_name },
      treatmentPlace: { mdtrtarea_admvs: profile.mdtrtarea_admvs },
      platformUrl: 'http://127.0.0.1:9/',
      secretStorage: 'file',
    },
    profile,
    institutionName: inst.fixmedins_name,
    settle: createSettleService({ db, station: profile, journal: openTestJournal().port }),
    sync,
    today: () => today,
    operator: opts.operator ?? { id: 'cashier01', role: 'cashier' },
  };
  return {
    station,
    world,
    db,
    calls,
    emit(event, payload) {
      for (const l of listeners.get(event) ?? []) l(payload);
    },
    close() {
      sync.stop();
      db.close();
    },
  };
}
