// Acceptance: the push is killed at 200 random points — before a call leaves, after the platform
// acted but before the answer arrived, inside any IndexedDB write transaction — and restarted each
// time from the same database. The platform ends with every settlement exactly once, all confirmed,
// and the accumulators agree.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accumulatorsSchema } from '../../shared/settlement';
import { createPusher, inProcessWriterLock, pullAll } from '../../renderer/sync';
import { offlineSettler, seededRandom, settleablePeople } from './bills';
import { CrashPlan, crashingPort, crashingWrites } from './crash';
import { StationDisk, startTestPlatform, type TestPlatform } from './harness';
import { getRow } from '../../renderer/db';

let tp: TestPlatform;
beforeAll(async () => {
  tp = await startTestPlatform({ seed: 'sync-crash' });
});
afterAll(async () => tp?.close());

const CRASHES = 200;

describe('crash anywhere in the push, restart from the same database', () => {
  it(`every settlement reaches the platform exactly once across ${CRASHES} crashes`, async () => {
    const disk = new StationDisk();
    const port = tp.port();
    let db = await disk.open();
    await pullAll(db, port);
    const people = await settleablePeople(db, tp.station, tp.today);
    db.close();

    const random = seededRandom(20261123);
    const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
    const rounds = Array.from({ length: CRASHES }, () => [random(), int(0, 3), int(1, 8)] as const);
    const where = new Map<string, number>();
    let crashed = 0;
    let settled = 0;
    let attempts = 0;
    for (const [where01, newSettlements, batchSize] of rounds) {
      // Counter work goes on between crashes (no crash while settling: that is the settle service's
      // own atomic commit, tested elsewhere).
      db = await disk.open();
      const settler = offlineSettler(db, tp.station, tp.today);
      for (let k = 0; k < newSettlements; k++) {
        const psn_no = people[(attempts * 7) % people.length]!;
        attempts++;
        if (
          await settler.settle(psn_no, attempts % 3 === 0 ? 'inpatient' : 'outpatient', {
            days: 2 + (attempts % 5),
          })
        )
          settled++;
      }
      const queued = await db.outbox.count();
      db.close();

      // The station process that will die at a random step of this drain: a drain of n entries takes
      // about 8 steps per entry (port calls and writes) plus a few for recovery and its state row.
      const plan = new CrashPlan(1 + Math.floor(where01 * (4 + 8 * queued)));
      db = await disk.open(crashingWrites(plan));
      const pusher = createPusher({
        db,
        port: crashingPort(port, plan),
        lock: inProcessWriterLock(),
        batchSize,
      });
      await pusher.drain();
      if (plan.where) {
        crashed++;
        const kind = plan.where.replace(/ .*/, '');
        where.set(kind, (where.get(kind) ?? 0) + 1);
      }
      db.close();
    }
    // Crashes hit every kind of place.
    expect(crashed).toBeGreaterThan(CRASHES * 0.5);
    expect(where.get('before-send')).toBeGreaterThan(5);
    expect(where.get('after-answer')).toBeGreaterThan(5);
    expect(where.get('write')).toBeGreaterThan(5);

    // Final restart, no crash: the queue drains.
    db = await disk.open();
    const final = await createPusher({ db, port, lock: inProcessWriterLock() }).drain();
    expect(final.outcome).toBe('drained');
    expect(await db.outbox.count()).toBe(0);

    const station = await db.settlements.toArray();
    expect(station.length).toBe(settled);
    expect(settled).toBeGreaterThan(100);
    expect(station.filter((s) => s.status !== 'confirmed')).toEqual([]);
    const onPlatform = (await tp.admin.settlements()).settlements.filter(
      (s) => s.station_id === tp.station.station_id,
    );
    const ids = onPlatform.map((s) => s.local_setl_id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(station.map((s) => s.local_setl_id).sort());
    expect(onPlatform.every((s) => s.outcome === 'confirmed')).toBe(true);
    for (const s of station) {
      const answers = await db.audit
        .where('local_setl_id')
        .equals(s.local_setl_id)
        .filter((a) => a.kind.startsWith('settlement.') && a.kind !== 'settlement.committed')
        .count();
      expect(answers, s.local_setl_id).toBe(1);
    }
    const year = Number(tp.today.slice(0, 4));
    for (const psn_no of new Set(station.map((s) => s.psn_no))) {
      const platformAcc = accumulatorsSchema.parse((await tp.admin.accumulators(psn_no, year)).accumulators);
      expect(
        accumulatorsSchema.parse((await getRow(db, 'accumulators', `${psn_no}:${year}`))!.local),
        psn_no,
      ).toEqual(platformAcc);
    }
    db.close();
  }, 120_000);
});
