// Acceptance: pull, settle offline for 50 people, reconnect, push: every settlement confirmed once,
// and the platform's accumulators equal the station's. Real platform-sim over HTTP, the Node
// platform client, Dexie over fake-indexeddb.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accumulatorsSchema } from '../../shared/settlement';
import {
  createPusher,
  inProcessWriterLock,
  openTasks,
  pullAll,
  pullDataset,
  queueStatus,
  type PlatformPort,
} from '../../renderer/sync';
import { offlineSettler, settleablePeople } from './bills';
import { StationDisk, startTestPlatform, type TestPlatform } from './harness';
import { getRow } from '../../renderer/db';

let tp: TestPlatform;
beforeAll(async () => {
  tp = await startTestPlatform({ seed: 'sync-full-cycle', peopleCount: 90 });
});
afterAll(async () => tp?.close());

/** A port that refuses every call, as a station whose network is down. */
const offline: PlatformPort = {
  call: async () => {
    throw Object.assign(new Error('network down'), { kind: 'transient', errCode: 'NETWORK' });
  },
};

describe('full cycle', () => {
  it('pull, settle offline for 50 people, reconnect, push: every settlement confirmed once, accumulators agree', async () => {
    const db = await new StationDisk().open();
    const port = tp.port();
    await pullAll(db, port);
    const people = (await settleablePeople(db, tp.station, tp.today)).slice(0, 50);
    expect(people).toHaveLength(50);

    // Offline: 50 people, ten of them twice (the second settlement sees the first one's accumulators).
    const settler = offlineSettler(db, tp.station, tp.today);
    for (const [i, psn_no] of people.entries()) {
      expect(
        await settler.settle(psn_no, i % 2 === 0 ? 'inpatient' : 'outpatient', { days: 3 + (i % 7) }),
      ).not.toBeNull();
    }
    for (const psn_no of people.slice(0, 10)) {
      const second = await settler.settle(psn_no, 'inpatient', { days: 4 });
      expect(second).not.toBeNull();
      const first = await db.settlements.where('psn_no').equals(psn_no).first();
      expect(second!.request.accumulators).toEqual(first!.result.accumulators_after);
    }
    // A pull while settlements are still queued must not roll the local figures back to the
    // platform's (which do not include them yet).
    const lastOfFirst = (await db.settlements.where('psn_no').equals(people[0]!).sortBy('settled_at')).at(
      -1,
    )!;
    await pullDataset(db, port, 'accumulators');
    expect((await getRow(db, 'accumulators', `${people[0]}:${tp.today.slice(0, 4)}`))!.local).toEqual(
      lastOfFirst.result.accumulators_after,
    );

    const offlinePush = await createPusher({ db, port: offline, lock: inProcessWriterLock() }).drain();
    expect(offlinePush.outcome).toBe('transient');
    const waiting = await queueStatus(db);
    // The first batch counts as possibly sent (a refused connection and a lost answer look alike
    // from here); the next drain asks 8202 about it before anything else.
    expect(waiting).toMatchObject({ queued: 60, in_flight: 50 });
    expect(waiting.push).toMatchObject({ outcome: 'transient', error: { code: 'NETWORK' } });
    expect(waiting.last_pull_at).not.toBeNull();
    expect(waiting.oldest_age_ms).toBeGreaterThanOrEqual(0);

    // Reconnect.
    const report = await createPusher({ db, port, lock: inProcessWriterLock(), batchSize: 8 }).drainWithRetry(
      { maxAttempts: 3 },
    );
    expect(report.outcome).toBe('drained');
    const status = await queueStatus(db);
    expect(status).toMatchObject({ queued: 0, in_flight: 0, open_tasks: 0 });
    expect(await openTasks(db)).toEqual([]);

    const station = await db.settlements.toArray();
    expect(station).toHaveLength(60);
    expect(station.every((s) => s.status === 'confirmed' && s.setl_id)).toBe(true);
    const onPlatform = (await tp.admin.settlements()).settlements.filter(
      (s) => s.station_id === tp.station.station_id,
    );
    expect(onPlatform.map((s) => s.local_setl_id).sort()).toEqual(station.map((s) => s.local_setl_id).sort());
    expect(onPlatform.every((s) => s.outcome === 'confirmed')).toBe(true);
    // Each answer was stored exactly once.
    for (const s of station) {
      expect(
        await db.audit
          .where('local_setl_id')
          .equals(s.local_setl_id)
          .filter((a) => a.kind === 'settlement.confirmed')
          .count(),
      ).toBe(1);
    }

    const year = Number(tp.today.slice(0, 4));
    for (const psn_no of people) {
      const platformAcc = accumulatorsSchema.parse((await tp.admin.accumulators(psn_no, year)).accumulators);
      const local = await getRow(db, 'accumulators', `${psn_no}:${year}`);
      expect(accumulatorsSchema.parse(local!.local), psn_no).toEqual(platformAcc);
    }
    // A pull afterwards brings the platform's figures, which are the station's.
    await pullDataset(db, port, 'accumulators');
    for (const psn_no of people) {
      const row = await getRow(db, 'accumulators', `${psn_no}:${year}`);
      expect(accumulatorsSchema.parse(row!.local)).toEqual(accumulatorsSchema.parse(row!.platform));
    }
    db.close();
  });
});
