// Acceptance: network faults injected through the platform's admin endpoints (dropped connections,
// answers lost after the platform committed, 5xx, 429, timeouts, a partition): the queue drains once
// the faults stop, every person's settlements reach the platform in the station's order, no duplicate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPusher, inProcessWriterLock, pullAll, type PlatformPort } from '../../renderer/sync';
import { offlineSettler, settleablePeople } from './bills';
import { StationDisk, startTestPlatform, type TestPlatform } from './harness';

let tp: TestPlatform;
beforeAll(async () => {
  tp = await startTestPlatform({ seed: 'sync-faults' });
});
afterAll(async () => {
  await tp?.admin.clearFaults().catch(() => undefined);
  await tp?.close();
});

function counting(port: PlatformPort) {
  const failures: string[] = [];
  let calls = 0;
  let concurrent = 0;
  let maxConcurrent = 0;
  return {
    failures,
    get calls() {
      return calls;
    },
    get maxConcurrent() {
      return maxConcurrent;
    },
    port: {
      async call(infno: string, input: unknown) {
        calls++;
        concurrent++;
        maxConcurrent = Math.max(maxConcurrent, concurrent);
        try {
          return await port.call(infno, input);
        } catch (e) {
          failures.push((e as { errCode?: string }).errCode ?? 'unknown');
          throw e;
        } finally {
          concurrent--;
        }
      },
    } satisfies PlatformPort,
  };
}

async function until(cond: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('network faults', () => {
  it('drains through drops, lost answers, 5xx, 429, timeouts and a partition; order per person kept; no duplicate', async () => {
    const db = await new StationDisk().open();
    await pullAll(db, tp.port());
    const people = (await settleablePeople(db, tp.station, tp.today)).slice(0, 8);
    const settler = offlineSettler(db, tp.station, tp.today);
    // Three settlements per person, interleaved: the second and third depend on the first's
    // accumulators, so a reordering would show up as a discrepancy on the platform.
    for (let round = 0; round < 3; round++) {
      for (const psn_no of people)
        expect(await settler.settle(psn_no, 'inpatient', { days: 2 + round })).not.toBeNull();
    }
    const order = (await db.outbox.orderBy('seq').toArray()).map((e) => e.local_setl_id);

    await tp.admin.setFaults({ drop_next: 2, drop_response_next: 3, error_next: 2, error_status: 503 });
    const c = counting(tp.port({ timeoutMs: 800 }));
    const pusher = createPusher({
      db,
      port: c.port,
      lock: inProcessWriterLock(),
      batchSize: 3,
      backoff: { baseMs: 40, capMs: 300 },
    });
    // Phase 1: the one-shot faults, then a 429, a timeout and a 1.5 s partition while it retries.
    const draining = pusher.drainWithRetry();
    await until(() => c.failures.filter((f) => f === 'HTTP_503').length >= 2);
    await tp.admin.setFaults({ error_next: 1, error_status: 429, timeout_next: 1 });
    await tp.admin.setFaults({ partition_seconds: 1.5 });
    const report = await draining;
    expect(report.outcome).toBe('drained');
    expect(await db.outbox.count()).toBe(0);

    const kinds = new Set(c.failures);
    expect(c.failures.length).toBeGreaterThanOrEqual(6);
    for (const kind of ['NETWORK', 'HTTP_503', 'HTTP_429', 'TIMEOUT']) expect(kinds, kind).toContain(kind);
    expect(c.maxConcurrent).toBe(1);

    const station = await db.settlements.toArray();
    expect(station.filter((s) => s.status !== 'confirmed')).toEqual([]);
    const onPlatform = (await tp.admin.settlements()).settlements.filter(
      (s) => s.station_id === tp.station.station_id,
    );
    const ids = onPlatform.map((s) => s.local_setl_id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(order.length);
    for (const psn_no of people) {
      const stationOrder = order.filter(
        (id) => station.find((s) => s.local_setl_id === id)!.psn_no === psn_no,
      );
      const platformOrder = onPlatform.filter((s) => s.psn_no === psn_no).map((s) => s.local_setl_id);
      expect(platformOrder, psn_no).toEqual(stationOrder);
    }
    db.close();
  }, 60_000);

  it('keeps one writer: two pushers over the same queue never send at once, the second is turned away', async () => {
    const db = await new StationDisk().open();
    await pullAll(db, tp.port());
    const people = (await settleablePeople(db, tp.station, tp.today)).slice(8, 14);
    const settler = offlineSettler(db, tp.station, tp.today);
    for (const psn_no of people) await settler.settle(psn_no, 'outpatient');
    await tp.admin.setFaults({ latency_ms: 30 });
    const lock = inProcessWriterLock();
    const c = counting(tp.port());
    const a = createPusher({ db, port: c.port, lock, batchSize: 1 });
    const b = createPusher({ db, port: c.port, lock, batchSize: 1 });
    const [ra, rb] = await Promise.all([a.drain(), b.drain()]);
    await tp.admin.clearFaults();
    expect([ra.outcome, rb.outcome].sort()).toEqual(['busy', 'drained']);
    expect(c.maxConcurrent).toBe(1);
    expect(await db.outbox.count()).toBe(0);
    expect((await db.settlements.toArray()).every((s) => s.status === 'confirmed')).toBe(true);
    db.close();
  });
});
