// 8201 messages are limited by bytes as well as by count: every message fits the agent's WebSocket
// frame (the browser-mode path: the page's platform.call travels as one frame of at most
// RPC_MAX_FRAME_BYTES), a settlement larger than the per-message limit goes alone, and one larger
// than any transport carries is held as a task instead of failing the queue forever.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RPC_MAX_FRAME_BYTES } from '../../shared/station-api';
import type { BillLine } from '../../shared/settlement';
import type { StationDb } from '../../renderer/db';
import { openTestJournal } from '../support/test-journal';
import { createSettleService, type StationProfile } from '../../renderer/settle-service';
import {
  createPusher,
  inProcessWriterLock,
  MAX_UPLOAD_MESSAGE_BYTES,
  openTasks,
  pullAll,
  type PlatformPort,
} from '../../renderer/sync';
import { settleablePeople } from './bills';
import { StationDisk, startTestPlatform, type TestPlatform } from './harness';

let tp: TestPlatform;
beforeAll(async () => {
  tp = await startTestPlatform({ seed: 'sync-upload-size', peopleCount: 120 });
});
afterAll(async () => tp?.close());

const encoder = new TextEncoder();
const bytes = (v: unknown) => encoder.encode(JSON.stringify(v)).length;

/** Records every 8201 message: its settlements' sizes and the frame the bridge would send for it. */
function recording(port: PlatformPort) {
  const messages: { ids: string[]; settlementBytes: number[]; frameBytes: number }[] = [];
  return {
    messages,
    port: {
      call(infno: string, input: unknown) {
        if (infno === '8201') {
          const list = (input as { data: { settlements: { local_setl_id: string }[] } }).data.settlements;
          messages.push({
            ids: list.map((s) => s.local_setl_id),
            settlementBytes: list.map((s) => bytes(s) + 1),
            frameBytes: bytes({ type: 'call', id: 1, channel: 'platform.call', input: { infno, input } }),
          });
        }
        return port.call(infno, input);
      },
    } satisfies PlatformPort,
  };
}

/** An outpatient bill of n drug lines (about 310 bytes of upload per line). */
const lines = (n: number): BillLine[] =>
  Array.from({ length: n }, (_, i) => ({
    feedetl_sn: String(i + 1),
    med_list_codg: 'XJ01CAA040A001',
    cnt: '1',
    pric: '15.50',
    det_item_fee_sumamt: '15.50',
  }));

async function settleLines(
  db: StationDb,
  station: StationProfile,
  psn_no: string,
  n: number,
): Promise<string> {
  const service = createSettleService({ db, station, journal: openTestJournal().port });
  const preview = await service.preview({
    who: { psn_no },
    scheme: 'medical',
    setl_type: 'outpatient',
    settle_date: tp.today,
    lines: lines(n),
  });
  expect(preview.result.status).toBe('settled');
  const row = await service.commit(preview, {
    opter: 'cashier-01',
    encounter_no: `MZ-${crypto.randomUUID()}`,
  });
  return row.local_setl_id;
}

describe('8201 messages by bytes', () => {
  it('keep each message under the byte limit; a settlement over it goes alone', async () => {
    const db = await new StationDisk().open();
    await pullAll(db, tp.port());
    const people = (await settleablePeople(db, tp.station, tp.today)).slice(0, 10);
    const sizes = [3, 3, 400, 3, 400, 2000, 3, 3, 400, 3];
    const ids: string[] = [];
    for (const [i, n] of sizes.entries()) ids.push(await settleLines(db, tp.station, people[i]!, n));
    const limit = 300_000;
    const r = recording(tp.port());
    const report = await createPusher({
      db,
      port: r.port,
      lock: inProcessWriterLock(),
      maxBatchBytes: limit,
    }).drain();
    expect(report.outcome).toBe('drained');
    expect((await db.settlements.toArray()).every((s) => s.status === 'confirmed')).toBe(true);
    for (const m of r.messages) {
      const total = m.settlementBytes.reduce((a, b) => a + b, 0);
      if (m.ids.length > 1) expect(total).toBeLessThanOrEqual(limit);
    }
    const big = ids[5]!;
    expect(r.messages.find((m) => m.ids.includes(big))!.ids).toEqual([big]);
    expect(r.messages.length).toBeGreaterThan(1);
    // Order: the messages together carry the queue in its order.
    expect(r.messages.flatMap((m) => m.ids)).toEqual(ids);
    db.close();
  }, 120_000);

  it('fit the agent frame with the default limit, even for 40 settlements of 400 lines', async () => {
    const db = await new StationDisk().open();
    await pullAll(db, tp.port());
    const people = (await settleablePeople(db, tp.station, tp.today)).slice(10, 50);
    expect(people).toHaveLength(40);
    for (const p of people) await settleLines(db, tp.station, p, 400);
    const r = recording(tp.port());
    expect((await createPusher({ db, port: r.port, lock: inProcessWriterLock() }).drain()).outcome).toBe(
      'drained',
    );
    expect((await db.settlements.toArray()).every((s) => s.status === 'confirmed')).toBe(true);
    const largest = Math.max(...r.messages.map((m) => m.frameBytes));
    expect(largest).toBeLessThanOrEqual(RPC_MAX_FRAME_BYTES);
    console.log(`40 × 400 lines: ${r.messages.length} messages, largest frame ${largest} bytes`);
    db.close();
  }, 180_000);

  it('holds a settlement too large for any transport as a task, and sends everyone else', async () => {
    const db = await new StationDisk().open();
    await pullAll(db, tp.port());
    const [big, small] = (await settleablePeople(db, tp.station, tp.today)).slice(50, 52);
    const lineCount = Math.ceil(MAX_UPLOAD_MESSAGE_BYTES / 300);
    const tooLarge = await settleLines(db, tp.station, big!, lineCount);
    const other = await settleLines(db, tp.station, small!, 3);
    const r = recording(tp.port());
    expect((await createPusher({ db, port: r.port, lock: inProcessWriterLock() }).drain()).outcome).toBe(
      'drained',
    );
    expect(r.messages.flatMap((m) => m.ids)).toEqual([other]);
    expect((await db.settlements.get(other))!.status).toBe('confirmed');
    const tasks = await openTasks(db);
    expect(tasks.map((t) => [t.local_setl_id, t.reasons[0]!.code])).toEqual([[tooLarge, 'UPLOAD_TOO_LARGE']]);
    expect(tasks[0]!.reasons[0]!.message_en).toMatch(/too large/);
    db.close();
  }, 180_000);
});
