// Cancels (红冲, 2305) against the real platform-sim over HTTP: online at once; offline queued behind
// their settlement so the platform sees the settlement and then its cancel, once each, and the bill
// settled again for the same encounter after both; a crash at every step of sending a cancel and
// storing its answer, recovered without a second cancel; a settlement the platform rejected needs no
// 2305; a refusal becomes a task. The local accumulators and the platform's end equal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permanentError } from '../../electron/services/platform-client';
import { accumulatorsSchema } from '../../shared/settlement';
import { findFilings, verifyAudit, type StationDb } from '../../renderer/db';
import type { SettleService } from '../../renderer/settle-service';
import {
  createPusher,
  inProcessWriterLock,
  openTasks,
  pullAll,
  queueStatus,
  type PlatformPort,
} from '../../renderer/sync';
import { offlineSettler, settleablePeople } from './bills';
import { CrashPlan, crashingPort, crashingWrites } from './crash';
import { StationDisk, startTestPlatform, type TestPlatform } from './harness';
import { openTestJournal } from '../support/test-journal';
import { getRow } from '../../renderer/db';

let tp: TestPlatform;
let people: string[];
let seedDb: StationDb;
beforeAll(async () => {
  tp = await startTestPlatform({ seed: 'sync-cancel' });
  seedDb = await new StationDisk().open();
  await pullAll(seedDb, tp.port());
  people = await settleablePeople(seedDb, tp.station, tp.today);
});
afterAll(async () => {
  seedDb?.close();
  await tp?.close();
});

const year = () => Number(tp.today.slice(0, 4));
let next = 0;
const person = () => people[next++]!;

function counting(port: PlatformPort) {
  const calls: { infno: string; ids: string[] }[] = [];
  const counted: PlatformPort = {
    call(infno, input) {
      const data = (input as { data?: { settlements?: { local_setl_id: string }[]; local_setl_id?: string } })
        .data;
      const ids =
        data?.settlements?.map((s) => s.local_setl_id) ?? (data?.local_setl_id ? [data.local_setl_id] : []);
      calls.push({ infno, ids });
      return port.call(infno, input);
    },
  };
  return { port: counted, calls };
}

const cancelInput = (local_setl_id: string, today: string) => ({
  local_setl_id,
  reason_code: 'bill_error' as const,
  reason_text: '账单有误，更正后重新结算',
  operator: { id: 'cashier-01', role: 'cashier' as const },
  approval: null,
  today,
});

async function stationWith(disk = new StationDisk()) {
  const db = await disk.open();
  await pullAll(db, tp.port());
  const journal = openTestJournal();
  const settler = offlineSettler(db, tp.station, tp.today, journal.port);
  return { db, disk, settler, journal };
}

async function rowOf(db: StationDb, encounter_no: string) {
  return (await db.settlements.where('encounter_no').equals(encounter_no).toArray()).at(-1)!;
}

async function platformAccumulators(psn_no: string) {
  return accumulatorsSchema.parse((await tp.admin.accumulators(psn_no, year())).accumulators);
}

describe('cancel and refund on the platform', () => {
  it('online: 2305 at once; the platform and the station lose exactly its effect; the encounter is free', async () => {
    const { db, settler, journal } = await stationWith();
    const psn = person();
    const before = await platformAccumulators(psn);
    await settler.settle(psn, 'inpatient', { encounter_no: 'ZY-ONLINE-1' });
    const { port, calls } = counting(tp.port());
    const pusher = createPusher({ db, port, lock: inProcessWriterLock(), journal: journal.port });
    expect((await pusher.drain()).outcome).toBe('drained');
    const settled = await rowOf(db, 'ZY-ONLINE-1');
    expect(settled.status).toBe('confirmed');

    const cancelled = await settler.service.cancel(cancelInput(settled.local_setl_id, tp.today));
    expect(cancelled.cancel).toMatchObject({
      platform: 'pending',
      status_before: 'confirmed',
      opter: 'cashier-01',
    });
    expect((await getRow(db, 'accumulators', `${psn}:${year()}`))!.local).toEqual(
      accumulatorsSchema.parse({ ...before, year: year() }),
    );
    expect((await db.encounters.get('ZY-ONLINE-1'))!.local_setl_id).toBeNull();
    expect((await pusher.drain()).outcome).toBe('drained');
    const after = await rowOf(db, 'ZY-ONLINE-1');
    expect(after.status).toBe('cancelled');
    expect(after.cancel!.platform).toBe('cancelled');
    expect(after.cancel!.reversal!.psn_cash_pay).toBe(`-${settled.result.setlinfo.psn_cash_pay}`);
    expect(calls.filter((c) => c.infno === '2305')).toHaveLength(1);
    const onPlatform = (await tp.admin.settlements(psn)).settlements;
    expect(onPlatform).toHaveLength(1);
    expect(onPlatform[0]).toMatchObject({ cancel_setl_id: after.cancel!.reversal!.setl_id });
    expect(await platformAccumulators(psn)).toEqual(accumulatorsSchema.parse({ ...before, year: year() }));
    // the journal has the settlement, its answer, the cancel and the platform's cancel
    expect(
      journal.journal
        .index()
        .filter((r) => r.id === settled.local_setl_id)
        .map((r) => [r.kind, r.outcome]),
    ).toEqual([
      ['settlement', undefined],
      ['outcome', 'confirmed'],
      ['cancel', undefined],
      ['outcome', 'cancelled'],
    ]);
    expect(await verifyAudit(db)).toMatchObject({ intact: true });
    db.close();
  });

  it('offline: settle, cancel, settle the corrected bill again; back online the platform sees each once, in order', async () => {
    const { db, settler, journal } = await stationWith();
    const psn = person();
    const before = await platformAccumulators(psn);
    await settler.settle(psn, 'inpatient', { encounter_no: 'ZY-OFFLINE-1', days: 5 });
    const first = await rowOf(db, 'ZY-OFFLINE-1');
    await settler.service.cancel(cancelInput(first.local_setl_id, tp.today));
    await settler.settle(psn, 'inpatient', { encounter_no: 'ZY-OFFLINE-1', days: 3 }); // the corrected bill
    const second = await rowOf(db, 'ZY-OFFLINE-1');
    expect(second.local_setl_id).not.toBe(first.local_setl_id);
    expect((await queueStatus(db)).queued).toBe(3); // two settlements and a cancel

    const { port, calls } = counting(tp.port());
    const pusher = createPusher({ db, port, lock: inProcessWriterLock(), journal: journal.port });
    expect((await pusher.drain()).outcome).toBe('drained');
    const order = calls.filter((c) => c.infno !== '8202').map((c) => [c.infno, c.ids]);
    expect(order).toEqual([
      ['8201', [first.local_setl_id]],
      ['2305', [first.local_setl_id]],
      ['8201', [second.local_setl_id]],
    ]);
    const onPlatform = (await tp.admin.settlements(psn)).settlements;
    expect(onPlatform.map((s) => [s.local_setl_id, s.outcome, s.cancel_setl_id !== null])).toEqual([
      [first.local_setl_id, 'confirmed', true],
      [second.local_setl_id, 'confirmed', false],
    ]);
    expect((await db.settlements.get(first.local_setl_id))!).toMatchObject({
      status: 'cancelled',
      cancel: { platform: 'cancelled', upload_outcome: 'confirmed' },
    });
    expect((await db.settlements.get(second.local_setl_id))!.status).toBe('confirmed');
    // the second settlement's figures agree with the platform's: it never saw the first one's effect
    const local = accumulatorsSchema.parse((await getRow(db, 'accumulators', `${psn}:${year()}`))!.local);
    expect(await platformAccumulators(psn)).toEqual(local);
    expect(local.inpatient_admissions).toBe(before.inpatient_admissions + 1);
    db.close();
  });

  it('a crash at any step of sending 2305 and storing its answer is recovered without a second cancel', async () => {
    // Every step of the drain is a crash point, one run each, until a drain runs through without one.
    const points: string[] = [];
    for (let at = 1; ; at++) {
      const disk = new StationDisk();
      const { db, settler, journal } = await stationWith(disk);
      const psn = person();
      const before = await platformAccumulators(psn);
      await settler.settle(psn, 'outpatient', { encounter_no: `ZY-CRASH-${at}` });
      await createPusher({ db, port: tp.port(), lock: inProcessWriterLock() }).drain();
      const row = await rowOf(db, `ZY-CRASH-${at}`);
      await settler.service.cancel(cancelInput(row.local_setl_id, tp.today));
      db.close();

      const plan = new CrashPlan(at);
      const dying = await disk.open(crashingWrites(plan));
      const { port, calls } = counting(crashingPort(tp.port(), plan));
      await createPusher({ db: dying, port, lock: inProcessWriterLock(), journal: journal.port })
        .drain()
        .catch(() => undefined);
      dying.close();
      if (!plan.dead) {
        db.close();
        break;
      }
      points.push(plan.where!);

      const restarted = await disk.open();
      const { port: healthy, calls: after } = counting(tp.port());
      expect(
        (await createPusher({ db: restarted, port: healthy, lock: inProcessWriterLock() }).drain()).outcome,
      ).toBe('drained');
      const done = (await restarted.settlements.get(row.local_setl_id))!;
      expect(done.cancel!.platform, plan.where!).toBe('cancelled');
      const onPlatform = (await tp.admin.settlements(psn)).settlements;
      expect(onPlatform).toHaveLength(1);
      expect(onPlatform[0]!.cancel_setl_id).toBe(done.cancel!.reversal!.setl_id);
      // reverted once: the platform's figures are the ones from before the settlement
      expect(await platformAccumulators(psn), plan.where!).toEqual(
        accumulatorsSchema.parse({ ...before, year: year() }),
      );
      expect(await restarted.audit.where('kind').equals('cancel.cancelled').count()).toBe(1);
      expect(await verifyAudit(restarted)).toMatchObject({ intact: true });
      // 2305 went out at most twice in all (the one the crash cut off, and the one that was answered)
      expect(
        calls.filter((c) => c.infno === '2305').length + after.filter((c) => c.infno === '2305').length,
      ).toBeLessThanOrEqual(2);
      restarted.close();
    }
    expect(points).toEqual(
      expect.arrayContaining([
        'before-send 2305',
        'after-answer 2305',
        'write cancels.put',
        'write audit.add',
      ]),
    );
    expect(points.filter((p) => p.startsWith('write settlements')).length).toBeGreaterThan(0);
  }, 120_000);

  it('a settlement the platform rejected needs no 2305; a refused cancel becomes a task', async () => {
    const { db, settler, journal } = await stationWith();
    const [revoked, refused] = [person(), person()];
    await settler.settle(revoked, 'outpatient', { encounter_no: 'ZY-REVOKED' });
    await settler.settle(refused, 'outpatient', { encounter_no: 'ZY-REFUSED' });
    const filing = (await findFilings(db, { psn_no: revoked })).find((f) => f.scheme === 'medical')!;
    await tp.admin.revokeFiling(filing.key);
    await settler.service.cancel(cancelInput((await rowOf(db, 'ZY-REVOKED')).local_setl_id, tp.today));
    await settler.service.cancel(cancelInput((await rowOf(db, 'ZY-REFUSED')).local_setl_id, tp.today));

    // The platform's refusal as its client reports it (already cleared between the provinces: the
    // simulator has no way to clear a settlement, so this one answer is stood in for).
    const real = tp.port();
    const { port, calls } = counting({
      call: (infno, input) =>
        infno === '2305'
          ? Promise.reject(
              permanentError(
                'SETTLEMENT_NOT_CANCELLABLE',
                '该结算不可撤销 / this settlement cannot be cancelled: cleared',
              ),
            )
          : real.call(infno, input),
    });
    expect(
      (await createPusher({ db, port, lock: inProcessWriterLock(), journal: journal.port }).drain()).outcome,
    ).toBe('drained');
    const r = await rowOf(db, 'ZY-REVOKED');
    expect(r.cancel).toMatchObject({ platform: 'not_needed', upload_outcome: 'rejected' });
    expect(calls.filter((c) => c.infno === '2305').map((c) => c.ids)).toEqual([
      [(await rowOf(db, 'ZY-REFUSED')).local_setl_id],
    ]);
    const task = await rowOf(db, 'ZY-REFUSED');
    expect(task.cancel).toMatchObject({
      platform: 'refused',
      refusal: { code: 'SETTLEMENT_NOT_CANCELLABLE' },
    });
    expect((await openTasks(db)).map((t) => t.local_setl_id)).toContain(task.local_setl_id);
    await (settler.service as SettleService).resolveTask(
      task.local_setl_id,
      '已联系参保地，线下处理',
      'supervisor01',
    );
    expect((await openTasks(db)).map((t) => t.local_setl_id)).not.toContain(task.local_setl_id);
    expect((await db.settlements.get(task.local_setl_id))!.cancel!.resolution).toBe('已联系参保地，线下处理');
    db.close();
  });
});
