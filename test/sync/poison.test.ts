// Acceptance: a settlement the platform keeps failing on (an admin fault: every 8201 whose batch holds
// it answers HTTP 500, committing nothing) in the middle of 100 queued ones. The push splits the
// failing message until it has the one settlement, holds it as a task, and everyone else's
// settlements flow: the other 99 confirmed, per-person order on the platform equal to the station's,
// one task with the reason in Chinese and English. Later settlements of the same person wait behind
// it; once a person releases it (resolveTask), it and they go through in order. A platform that
// fails every upload holds nobody.
import { resolveTask } from '../../renderer/settle-service';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createPusher,
  inProcessWriterLock,
  openTasks,
  pullAll,
  queueStatus,
  type PlatformPort,
} from '../../renderer/sync';
import type { StationDb } from '../../renderer/db';
import { offlineSettler, settleablePeople } from './bills';
import { StationDisk, startTestPlatform, type TestPlatform } from './harness';

let tp: TestPlatform;
// The platform runs in this process: its internal-error log (one line per injected failure) is
// captured, which also lets the last test read what it printed.
const platformLog = vi.spyOn(console, 'error').mockImplementation(() => undefined);
beforeAll(async () => {
  tp = await startTestPlatform({ seed: 'sync-poison', peopleCount: 90 });
});
afterAll(async () => {
  await tp?.admin.clearFaults().catch(() => undefined);
  await tp?.close();
  platformLog.mockRestore();
});

function counting(port: PlatformPort) {
  const calls: { infno: string; ids: string[]; error?: string }[] = [];
  return {
    calls,
    port: {
      async call(infno: string, input: unknown) {
        const ids =
          (input as { data?: { settlements?: { local_setl_id: string }[] } }).data?.settlements?.map(
            (s) => s.local_setl_id,
          ) ?? [];
        const record: (typeof calls)[number] = { infno, ids };
        calls.push(record);
        try {
          return await port.call(infno, input);
        } catch (e) {
          record.error = (e as { errCode?: string }).errCode ?? 'unknown';
          throw e;
        }
      },
    } satisfies PlatformPort,
  };
}

const quick = { backoff: { baseMs: 1, capMs: 5 } };

async function platformOrderMatches(db: StationDb): Promise<void> {
  const station = await db.settlements.orderBy('settled_at').toArray();
  const onPlatform = (await tp.admin.settlements()).settlements.filter(
    (s) => s.station_id === tp.station.station_id,
  );
  for (const psn_no of new Set(onPlatform.map((s) => s.psn_no))) {
    const platformOrder = onPlatform.filter((s) => s.psn_no === psn_no).map((s) => s.local_setl_id);
    const stationOrder = station
      .filter((s) => s.psn_no === psn_no && platformOrder.includes(s.local_setl_id))
      .map((s) => s.local_setl_id);
    expect(platformOrder, String(psn_no)).toEqual(stationOrder);
  }
}

describe('a settlement the platform keeps failing on', () => {
  it('is isolated among 100 queued: 99 confirmed, per-person order kept, one task; its person waits, others flow', async () => {
    const db = await new StationDisk().open();
    await pullAll(db, tp.port());
    const people = (await settleablePeople(db, tp.station, tp.today)).slice(0, 41);
    expect(people).toHaveLength(41);
    const [poisonedPerson, ...others] = people as [string, ...string[]];
    const settler = offlineSettler(db, tp.station, tp.today);

    // 100 settlements: 48 of 40 people, the poisoned person's first and second, 50 more of the 40.
    const settle = async (psn_no: string, days: number) =>
      expect(await settler.settle(psn_no, 'inpatient', { days })).not.toBeNull();
    for (let i = 0; i < 48; i++) await settle(others[i % 40]!, 2 + (i % 3));
    await settle(poisonedPerson, 2);
    await settle(poisonedPerson, 3); // the 50th: the platform will keep failing on this one
    for (let i = 48; i < 98; i++) await settle(others[i % 40]!, 2 + (i % 3));
    const queue = await db.outbox.orderBy('seq').toArray();
    expect(queue).toHaveLength(100);
    const poisoned = queue[49]!;
    expect(poisoned.psn_no).toBe(poisonedPerson);

    await tp.admin.setFaults({ fail_8201_with: [poisoned.local_setl_id] });
    const c = counting(tp.port());
    const pusher = createPusher({ db, port: c.port, lock: inProcessWriterLock(), ...quick });
    // Bounded, so a pusher that cannot isolate it ends with 'transient' instead of retrying forever.
    const report = await pusher.drainWithRetry({ maxAttempts: 60 });
    expect(report.outcome).toBe('drained');

    const rows = await db.settlements.toArray();
    expect(rows.filter((s) => s.status === 'confirmed')).toHaveLength(99);
    const held = rows.find((s) => s.local_setl_id === poisoned.local_setl_id)!;
    expect(held.status).toBe('pending');
    const tasks = await openTasks(db);
    expect(tasks.map((t) => t.local_setl_id)).toEqual([poisoned.local_setl_id]);
    expect(tasks[0]!.reasons).toEqual([
      {
        code: 'PLATFORM_KEEPS_FAILING',
        message: expect.stringMatching(/^平台多次处理此结算均失败.*HTTP_500/),
        message_en: expect.stringMatching(/^The platform keeps failing on this settlement.*HTTP_500/),
      },
    ]);
    expect(await queueStatus(db)).toMatchObject({ queued: 1, held: 1, in_flight: 0, open_tasks: 1 });
    await platformOrderMatches(db);
    expect((await tp.admin.settlements(poisonedPerson)).settlements).toHaveLength(1);
    // Never sent again once held: every 8201 after the hold leaves it out.
    const lastWithIt = c.calls.map((x) => x.ids.includes(poisoned.local_setl_id)).lastIndexOf(true);
    expect(c.calls.slice(lastWithIt + 1).every((x) => !x.ids.includes(poisoned.local_setl_id))).toBe(true);
    console.log(
      `poison isolated: ${c.calls.filter((x) => x.infno === '8201').length} 8201 calls, ` +
        `${c.calls.filter((x) => x.error === 'HTTP_500').length} failed with HTTP 500`,
    );

    // The same person settles again: it waits behind the held one; another person's goes through.
    await settle(poisonedPerson, 4);
    await settle(others[0]!, 4);
    expect((await pusher.drainWithRetry()).outcome).toBe('drained');
    const waiting = (await db.settlements.where('psn_no').equals(poisonedPerson).sortBy('settled_at')).at(
      -1,
    )!;
    expect(waiting.status).toBe('pending');
    expect((await tp.admin.settlements(poisonedPerson)).settlements).toHaveLength(1);
    expect((await tp.admin.settlements(others[0]!)).settlements).toHaveLength(4);

    // The platform is fixed; a supervisor records it: the held one and the one behind it go, in order.
    await tp.admin.setFaults({ fail_8201_with: [] });
    await resolveTask(db, poisoned.local_setl_id, 'platform fixed its recompute', 'supervisor-1');
    expect(await openTasks(db)).toEqual([]);
    expect((await pusher.drainWithRetry()).outcome).toBe('drained');
    expect((await db.settlements.toArray()).every((s) => s.status === 'confirmed')).toBe(true);
    expect(await db.outbox.count()).toBe(0);
    await platformOrderMatches(db);
    expect((await tp.admin.settlements(poisonedPerson)).settlements).toHaveLength(3);
    expect(await db.audit.where('kind').anyOf(['settlement.held', 'task.resolved']).count()).toBe(2);
    db.close();
  }, 240_000);

  it('holds nobody when the platform fails every upload, and drains once it recovers', async () => {
    const db = await new StationDisk().open();
    await pullAll(db, tp.port());
    const people = (await settleablePeople(db, tp.station, tp.today)).slice(50, 56);
    const settler = offlineSettler(db, tp.station, tp.today);
    for (const p of people) await settler.settle(p, 'outpatient');
    const ids = (await db.outbox.toArray()).map((e) => e.local_setl_id);
    // Every 8201 fails, 8202 still answers: the worst case for telling a settlement from the platform.
    await tp.admin.setFaults({ fail_8201_with: ids });
    const pusher = createPusher({ db, port: tp.port(), lock: inProcessWriterLock(), ...quick });
    const report = await pusher.drainWithRetry({ maxAttempts: 40 });
    expect(report).toMatchObject({ outcome: 'transient', error: { code: 'HTTP_500' } });
    expect(await openTasks(db)).toEqual([]);
    expect(await db.outbox.where('state').equals('held').count()).toBe(0);
    // And every call failing, 8202 included.
    await tp.admin.setFaults({ fail_8201_with: [], error_next: 30, error_status: 500 });
    expect((await pusher.drainWithRetry({ maxAttempts: 12 })).outcome).toBe('transient');
    expect(await openTasks(db)).toEqual([]);
    await tp.admin.clearFaults();
    expect((await pusher.drainWithRetry()).outcome).toBe('drained');
    expect((await db.settlements.toArray()).map((s) => s.status)).toEqual(people.map(() => 'confirmed'));
    db.close();
  }, 120_000);

  it("is logged by the platform with ID numbers masked (platform-sim's internal-error log)", async () => {
    // A local_setl_id may be any 1–64 letters and digits: here it looks like an ID number, and the
    // injected failure quotes it in its message.
    const idLike = '11010519491231002X';
    await tp.admin.setFaults({ fail_8201_with: [idLike] });
    platformLog.mockClear();
    await expect(
      tp.port().call('8201', { data: { settlements: [{ local_setl_id: idLike }] } }),
    ).rejects.toMatchObject({ errCode: 'HTTP_500' });
    await tp.admin.clearFaults();
    const printed = platformLog.mock.calls.map((args) => args.map((a) => inspect(a, { depth: 8 })).join(' '));
    expect(printed.some((l) => l.includes('[platform] internal error in'))).toBe(true);
    expect(printed.join('\n')).toContain('110105********002X');
    expect(printed.join('\n')).not.toContain(idLike);
  });
});
