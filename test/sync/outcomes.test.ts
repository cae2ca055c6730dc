// Acceptance: a filing revoked while the station was offline → rejected; accumulators changed
// elsewhere → discrepancy with the differing fields; both are open tasks, neither is retried.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPusher,
  inProcessWriterLock,
  openTasks,
  pullAll,
  queueStatus,
  type PlatformPort,
} from '../../renderer/sync';
import { findFilings } from '../../renderer/db';
import { resolveTask } from '../../renderer/settle-service';
import { offlineSettler, settleablePeople } from './bills';
import { StationDisk, startTestPlatform, type TestPlatform } from './harness';
import { getRow } from '../../renderer/db';

let tp: TestPlatform;
beforeAll(async () => {
  tp = await startTestPlatform({ seed: 'sync-outcomes' });
});
afterAll(async () => tp?.close());

describe('platform outcomes become tasks', () => {
  it('revoked filing → rejected, accumulators changed elsewhere → discrepancy; tasks; no retry', async () => {
    const db = await new StationDisk().open();
    const port = tp.port();
    await pullAll(db, port);
    const [revokedPsn, changedPsn, okPsn] = await settleablePeople(db, tp.station, tp.today);
    const year = Number(tp.today.slice(0, 4));

    // Offline at the counter.
    const settler = offlineSettler(db, tp.station, tp.today);
    expect(await settler.settle(revokedPsn!, 'inpatient')).not.toBeNull();
    expect(await settler.settle(changedPsn!, 'inpatient')).not.toBeNull();
    expect(await settler.settle(okPsn!, 'outpatient')).not.toBeNull();

    // Meanwhile, elsewhere: the insured place revokes one filing, another station's settlement
    // changes the other person's year-to-date figures.
    const filing = (await findFilings(db, { psn_no: revokedPsn! })).find((f) => f.scheme === 'medical')!;
    await tp.admin.revokeFiling(filing.key);
    const current = (await tp.admin.accumulators(changedPsn!, year)).accumulators as Record<string, unknown>;
    await tp.admin.setAccumulators({
      psn_no: changedPsn!,
      accumulators: { ...current, year, inpatient_admissions: 2, hifp_pay: '30000.00' },
    });

    let calls = 0;
    const counted: PlatformPort = { call: (i, x) => (calls++, port.call(i, x)) };
    const pusher = createPusher({ db, port: counted, lock: inProcessWriterLock() });
    expect((await pusher.drain()).outcome).toBe('drained');

    const rejected = (await db.settlements.where('psn_no').equals(revokedPsn!).first())!;
    expect(rejected.status).toBe('rejected');
    expect(rejected.reasons.map((r) => r.code)).toContain('FILING_REVOKED');
    const discrepancy = (await db.settlements.where('psn_no').equals(changedPsn!).first())!;
    expect(discrepancy.status).toBe('discrepancy');
    const fields = discrepancy.differences.map((d) => d.field);
    expect(fields).toContain('act_pay_dedc');
    type Field = keyof typeof discrepancy.result.setlinfo;
    for (const d of discrepancy.differences) {
      expect(d.station).toBe(discrepancy.result.setlinfo[d.field as Field]);
      expect(d.platform).toBe(discrepancy.platform_result!.setlinfo[d.field as Field]);
    }
    expect((await db.settlements.where('psn_no').equals(okPsn!).first())!.status).toBe('confirmed');
    // The platform's figures count: the person's local accumulators follow them.
    expect((await getRow(db, 'accumulators', `${changedPsn}:${year}`))!.local).toEqual(
      discrepancy.platform_result!.accumulators_after,
    );

    const tasks = await openTasks(db);
    expect(tasks.map((t) => [t.psn_no, t.status]).sort()).toEqual(
      [
        [changedPsn, 'discrepancy'],
        [revokedPsn, 'rejected'],
      ].sort(),
    );
    expect((await queueStatus(db)).open_tasks).toBe(2);

    // Neither is retried: the queue is empty, another drain sends nothing.
    const before = calls;
    expect(await pusher.drain()).toMatchObject({ outcome: 'drained', answered: 0 });
    expect(calls).toBe(before);
    expect((await tp.admin.settlements(revokedPsn)).settlements).toHaveLength(1);

    await resolveTask(db, discrepancy.local_setl_id, 'collected the difference in cash', 'supervisor-1');
    expect((await openTasks(db)).map((t) => t.status)).toEqual(['rejected']);
    expect(await db.audit.where('kind').equals('task.resolved').count()).toBe(1);
    await expect(resolveTask(db, discrepancy.local_setl_id, 'again', 'x')).rejects.toThrow(
      /not an open task/,
    );
    db.close();
  });

  it('a settlement the platform refuses as a message is narrowed down and rejected alone; the rest go through', async () => {
    const db = await new StationDisk().open();
    const port = tp.port();
    await pullAll(db, port);
    const people = (await settleablePeople(db, tp.station, tp.today)).slice(3, 6);
    const settler = offlineSettler(db, tp.station, tp.today);
    for (const p of people) await settler.settle(p, 'outpatient');
    // Damage the middle one's stored request so the platform client refuses to send it (INPUT_INVALID
    // is permanent for the message), as a corrupted row would.
    const middle = (await db.outbox.orderBy('seq').toArray())[1]!;
    await db.settlements.update(middle.local_setl_id, {
      local_setl_id: middle.local_setl_id,
      station_id: '',
    });
    const report = await createPusher({ db, port, lock: inProcessWriterLock(), batchSize: 10 }).drain();
    expect(report.outcome).toBe('drained');
    const rows = await db.settlements.toArray();
    expect(rows.find((s) => s.local_setl_id === middle.local_setl_id)!.status).toBe('rejected');
    expect(rows.filter((s) => s.status === 'confirmed')).toHaveLength(2);
    expect((await openTasks(db)).map((t) => t.local_setl_id)).toEqual([middle.local_setl_id]);
    db.close();
  });

  it('a station-level refusal (wrong secret) blocks the queue without rejecting anyone', async () => {
    const db = await new StationDisk().open();
    await pullAll(db, tp.port());
    const people = (await settleablePeople(db, tp.station, tp.today)).slice(6, 8);
    const settler = offlineSettler(db, tp.station, tp.today);
    for (const p of people) await settler.settle(p, 'outpatient');
    const report = await createPusher({
      db,
      port: tp.port({ secret: 'not-the-station-secret-0000000000' }),
      lock: inProcessWriterLock(),
    }).drainWithRetry();
    expect(report).toMatchObject({ outcome: 'blocked', error: { code: 'SIGNATURE_INVALID' } });
    expect(await db.outbox.count()).toBe(2);
    expect((await db.settlements.toArray()).map((s) => s.status)).toEqual(['pending', 'pending']);
    expect((await queueStatus(db)).push).toMatchObject({ outcome: 'blocked' });
    // Fixed configuration: the same queue drains.
    expect((await createPusher({ db, port: tp.port(), lock: inProcessWriterLock() }).drain()).outcome).toBe(
      'drained',
    );
    expect((await db.settlements.toArray()).map((s) => s.status)).toEqual(['confirmed', 'confirmed']);
    db.close();
  });

  it('the same encounter settled at two stations of one institution: one confirmed, one DUPLICATE_ENCOUNTER task', async () => {
    const first = await new StationDisk().open();
    const second = await new StationDisk().open();
    const portA = tp.port();
    const portB = tp.port({ stationId: tp.otherStation.station_id });
    await pullAll(first, portA);
    await pullAll(second, portB);
    const [psn_no] = (await settleablePeople(first, tp.station, tp.today)).slice(10, 11);
    // One bill, admission ZY-DUP-0001, settled offline at both counters of the hospital.
    expect(
      await offlineSettler(first, tp.station, tp.today).settle(psn_no!, 'inpatient', {
        encounter_no: 'ZY-DUP-0001',
      }),
    ).not.toBeNull();
    expect(
      await offlineSettler(second, tp.otherStation, tp.today).settle(psn_no!, 'inpatient', {
        encounter_no: 'ZY-DUP-0001',
      }),
    ).not.toBeNull();
    // Locally, each station refuses a second settlement of the encounter it has.
    await expect(
      offlineSettler(first, tp.station, tp.today).settle(psn_no!, 'inpatient', {
        encounter_no: 'ZY-DUP-0001',
      }),
    ).rejects.toMatchObject({ code: 'ALREADY_SETTLED' });

    expect(
      (await createPusher({ db: first, port: portA, lock: inProcessWriterLock() }).drain()).outcome,
    ).toBe('drained');
    expect(
      (await createPusher({ db: second, port: portB, lock: inProcessWriterLock() }).drain()).outcome,
    ).toBe('drained');

    const a = (await first.settlements.toArray())[0]!;
    const b = (await second.settlements.toArray())[0]!;
    expect(a.status).toBe('confirmed');
    expect(b.status).toBe('rejected');
    expect(b.reasons.map((r) => r.code)).toEqual(['DUPLICATE_ENCOUNTER']);
    expect((await openTasks(second)).map((t) => t.local_setl_id)).toEqual([b.local_setl_id]);
    expect(await openTasks(first)).toEqual([]);
    const onPlatform = (await tp.admin.settlements(psn_no)).settlements;
    expect(onPlatform.filter((x) => x.local_setl_id === a.local_setl_id)).toHaveLength(1);
    first.close();
    second.close();
  });
});
