// A station for component tests: the real database (fake-indexeddb, filled from the demo world the way
// a pull fills it), the real settle service and sync engine, and a StationApi built by the real client
// (its zod checks included) over an in-memory host that answers what the screens ask (demo bills of the
// demo world, no demo cards, a printer) and lets the test emit host events (a card read). The platform
// is unreachable (the sync engine goes offline), so nothing here needs a network. The operators'
// channels are the real host's, over a real operators service with the demo operators (in a temporary
// folder, scrypt at a low cost); the station starts signed in as cashier01 unless told otherwise.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createOperatorsService, type OperatorsService } from '../../electron/services/operators';
import { operatorHandlers } from '../../electron/services/station-host/operator-handlers';
import { DEMO_OPERATORS } from '../../scripts/station-files';
import { DEMO_HOSPITAL, demoSettleRequest, type DemoWorld } from '../../shared/demo-world';
import {
  buildStationApi,
  stationError,
  type StationChannel,
  type StationEvent,
  type StationEventPayload,
} from '../../shared/station-api';
import type { StationDb } from '../../renderer/db';
import { createSettleService, type StationProfile } from '../../renderer/settle-service';
import { createSessionStore, type Station } from '../../renderer/station';
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
  /** the host's operators service (accounts, sessions) */
  operators: OperatorsService;
  close(): void;
}

export type DemoOperatorId = (typeof DEMO_OPERATORS)[number]['id'];
export const demoPin = (id: DemoOperatorId): string => DEMO_OPERATORS.find((o) => o.id === id)!.pin;

export async function testStation(
  opts: {
    today?: string;
    signedIn?: DemoOperatorId | null;
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
  const operatorsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'test-station-operators-'));
  const operators = createOperatorsService({ dir: operatorsDir, scrypt: { N: 1024, r: 8, p: 1 } });
  await operators.provision(DEMO_OPERATORS);
  const operatorAnswers = operatorHandlers(operators, { write: () => undefined });
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
    ...(operatorAnswers as Partial<Record<StationChannel, (input: never) => unknown>>),
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
  const who = opts.signedIn === undefined ? 'cashier01' : opts.signedIn;
  const open = who ? await operators.signIn(who, demoPin(who)) : null;
  const session = createSessionStore(
    { api, db },
    open
      ? { token: open.session, operator: open.operator, idleLockSeconds: open.idleLockSeconds }
      : undefined,
  );
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
    session,
  };
  return {
    station,
    world,
    db,
    calls,
    operators,
    emit(event, payload) {
      for (const l of listeners.get(event) ?? []) l(payload);
    },
    close() {
      sync.stop();
      db.close();
      fs.rmSync(operatorsDir, { recursive: true, force: true });
    },
  };
}

/** Settles a demo bill of the station's world at its counter (the real settle service), as cashier01
 * unless told otherwise; the encounter number defaults to the bill's. */
export async function settleDemoBill(
  ts: TestStation,
  billId: string,
  opts: { encounter_no?: string; opter?: string } = {},
) {
  const bill = ts.world.bills.find((b) => b.bill_id === billId)!;
  const { preview, commit } = ts.station.settle;
  const request = demoSettleRequest(ts.world, bill);
  return commit(
    await preview({
      who: { psn_no: bill.psn_no },
      scheme: bill.scheme,
      setl_type: bill.setl_type,
      settle_date: bill.settle_date,
      admission_date: bill.admission_date,
      lines: request.lines,
    }),
    { opter: opts.opter ?? 'cashier01', encounter_no: opts.encounter_no ?? bill.mdtrt_id! },
  );
}
