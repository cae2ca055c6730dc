// The sync loop against the real platform-sim over HTTP (test/sync/harness.ts): a cycle pulls and
// uploads, concurrent requests share one cycle, a network failure is a state and never a rejection,
// and the host's "platform is back" event starts a cycle at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StationApi, StationEvent } from '../../shared/station-api';
import { offlineSettler, settleablePeople } from '../../test/sync/bills';
import { StationDisk, startTestPlatform, type TestPlatform } from '../../test/sync/harness';
import type { PlatformPort } from './platform-port';
import { createSyncEngine } from './sync-engine';
import { openTestJournal } from '../../test/support/test-journal';

let tp: TestPlatform;
beforeAll(async () => {
  tp = await startTestPlatform({ seed: 'sync-engine', peopleCount: 30 });
});
afterAll(async () => tp?.close());

/** The host's event side: what the engine listens to, and a way to send it an event. */
function fakeHost() {
  const listeners = new Map<string, (payload: unknown) => void>();
  const api = {
    on: (event: StationEvent, listener: (payload: unknown) => void) => {
      listeners.set(event, listener);
      return () => listeners.delete(event);
    },
  } as unknown as Pick<StationApi, 'on'>;
  return { api, emit: (event: StationEvent, payload: unknown) => listeners.get(event)?.(payload), listeners };
}

/** The real platform client, behind a switch that cuts the network. */
function switchablePort(): PlatformPort & { down: boolean; calls: number } {
  const real = tp.port();
  const port = {
    down: false,
    calls: 0,
    call(infno: string, input: unknown) {
      port.calls++;
      if (port.down)
        return Promise.reject(
          Object.assign(new Error('network down'), { kind: 'transient', errCode: 'NETWORK' }),
        );
      return real.call(infno, input);
    },
  };
  return port;
}

describe('the sync engine', () => {
  it('one cycle pulls every dataset and uploads what waits; the state says online and when', async () => {
    const db = await new StationDisk().open();
    const engine = createSyncEngine({
      db,
      port: tp.port(),
      api: fakeHost().api,
      now: () => new Date('2026-06-30T02:00:00Z'),
    });
    expect(engine.state.getState()).toMatchObject({
      connection: 'unknown',
      running: false,
      lastCycleAt: null,
    });
    await engine.runOnce();
    expect(engine.state.getState()).toMatchObject({
      connection: 'online',
      running: false,
      lastError: null,
      lastCycleAt: '2026-06-30T02:00:00.000Z',
    });
    expect(await db.checkpoints.count()).toBe(6);

    const [psn_no] = await settleablePeople(db, tp.station, tp.today);
    expect(await offlineSettler(db, tp.station, tp.today).settle(psn_no!, 'outpatient')).not.toBeNull();
    expect(await db.outbox.count()).toBe(1);
    await engine.runOnce();
    expect(await db.outbox.count()).toBe(0);
    expect((await db.settlements.toArray()).map((s) => s.status)).toEqual(['confirmed']);
    db.close();
  });

  it('requests made while a cycle runs share it', async () => {
    const db = await new StationDisk().open();
    const port = switchablePort();
    const engine = createSyncEngine({ db, port, api: fakeHost().api });
    const a = engine.runOnce();
    const b = engine.runOnce();
    expect(b).toBe(a);
    expect(engine.state.getState().running).toBe(true);
    await Promise.all([a, b]);
    const callsOfTheSharedCycle = port.calls;
    await engine.runOnce();
    // a cycle on its own asks the platform as often as the shared one did: the two requests made one
    expect(port.calls).toBe(2 * callsOfTheSharedCycle);
    db.close();
  });

  it('a network failure is a state (offline, with the code), never a rejection', async () => {
    const db = await new StationDisk().open();
    const port = switchablePort();
    port.down = true;
    const engine = createSyncEngine({ db, port, api: fakeHost().api });
    await expect(engine.runOnce()).resolves.toBeUndefined();
    expect(engine.state.getState()).toMatchObject({
      connection: 'offline',
      running: false,
      lastError: { code: 'NETWORK', message: 'network down' },
    });
    db.close();
  });

  it('when the host says the platform is back, a cycle starts at once; stop() stops listening', async () => {
    const db = await new StationDisk().open();
    const port = switchablePort();
    port.down = true;
    const host = fakeHost();
    const engine = createSyncEngine({ db, port, api: host.api, intervalMs: 3_600_000 });
    engine.start();
    await engine.runOnce(); // joins the cycle start() began
    expect(engine.state.getState().connection).toBe('offline');

    port.down = false;
    host.emit('platform.status', {
      state: 'online',
      lastSuccessAt: null,
      lastFailureAt: null,
      lastError: null,
    });
    await engine.runOnce(); // joins the cycle the event started
    expect(engine.state.getState().connection).toBe('online');
    expect(await db.checkpoints.count()).toBe(6);

    engine.stop();
    expect(host.listeners.size).toBe(0);
    db.close();
  });
  it('a platform that refuses this station is blocked — never online — and says why', async () => {
    const db = await new StationDisk().open();
    const port = tp.port({ secret: 'not-the-station-secret-0123456789' });
    const logged: string[] = [];
    const engine = createSyncEngine({
      db,
      port,
      api: fakeHost().api,
      log: (level, message) => logged.push(`${level} ${message}`),
    });
    await engine.runOnce();
    expect(engine.state.getState()).toMatchObject({
      connection: 'blocked',
      lastError: { code: 'SIGNATURE_INVALID' },
      offlineSince: null,
    });
    expect(logged).toContain('warn sync: unknown → blocked');
    db.close();
  });

  it('offline since: the moment the platform became unreachable, kept while offline, gone once back', async () => {
    const db = await new StationDisk().open();
    const port = switchablePort();
    let clock = Date.parse('2026-06-30T02:00:00Z');
    const engine = createSyncEngine({ db, port, api: fakeHost().api, now: () => new Date(clock) });
    await engine.runOnce();
    port.down = true;
    clock += 60_000;
    await engine.runOnce();
    expect(engine.state.getState().offlineSince).toBe('2026-06-30T02:01:00.000Z');
    clock += 60_000;
    await engine.runOnce();
    expect(engine.state.getState().offlineSince).toBe('2026-06-30T02:01:00.000Z');
    port.down = false;
    await engine.runOnce();
    expect(engine.state.getState()).toMatchObject({ connection: 'online', offlineSince: null });
    db.close();
  });

  it('reports a journal that cannot be written, and one the host cannot reach', async () => {
    const db = await new StationDisk().open();
    const journal = openTestJournal({
      io: {
        write: async () => {
          throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        },
      },
    });
    await journal.port
      .append({
        entries: [
          {
            kind: 'outcome',
            id: 'X',
            at: new Date().toISOString(),
            body: { outcome: 'confirmed', setl_id: 'S' },
          },
        ],
      })
      .catch(() => undefined);
    const engine = createSyncEngine({ db, port: tp.port(), api: fakeHost().api, journal: journal.port });
    await engine.runOnce();
    expect(engine.state.getState().journal).toMatchObject({ writable: false, lastError: { code: 'ENOSPC' } });
    const gone = {
      ...journal.port,
      status: () => Promise.reject(Object.assign(new Error('no journal'), { code: 'JOURNAL_UNAVAILABLE' })),
    };
    const engine2 = createSyncEngine({ db, port: tp.port(), api: fakeHost().api, journal: gone });
    await engine2.checkJournal();
    expect(engine2.state.getState().journalError).toMatchObject({ code: 'JOURNAL_UNAVAILABLE' });
    db.close();
    await journal.remove();
  });
});
