// 8201 settles a batch in one transaction over one view of the platform's data (settlements/batch.ts):
// a later settlement of the batch builds on the earlier ones exactly as if each had committed alone
// (a person's accumulators, a stay's parts, an encounter, a repeated local_setl_id), concurrent
// batches racing for one encounter settle it once, and the pure recomputation answers a preview
// (settlements/preview.ts) without storing or locking anything.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlatformClient } from '../../electron/services/platform-client';
import { createPlatformClient } from '../../electron/services/platform-client';
import { parseUploadSettlement } from '../../shared/protocol';
import { AdminClient } from '../admin-client';
import type { RunningPlatform } from '../index';
import { previewSettlement } from '../settlements/preview';
import { billById, settleablePeople, syntheticBill, uploadFor } from '../test-support';
import {
  HOSPITAL,
  STATIONS,
  TODAY,
  backends,
  clientOptions,
  startTestPlatform,
  uploadBatch,
  WINDOW_TO_TODAY,
} from './harness';

const [A, B] = STATIONS;
const YEAR = Number(TODAY.slice(0, 4));

describe.each(backends())('8201 batches on $name', (backend) => {
  let platform: RunningPlatform;
  let client: PlatformClient;
  let clientB: PlatformClient;
  let admin: AdminClient;

  beforeAll(async () => {
    platform = await startTestPlatform(backend, { catalogSize: 400 });
    client = createPlatformClient(clientOptions(platform));
    clientB = createPlatformClient(clientOptions(platform, B));
    admin = new AdminClient(platform.url);
  });
  afterAll(async () => platform?.close());

  it('builds each settlement of a batch on the earlier ones: accumulators, stay parts, encounters, ids', async () => {
    const w = platform.world;
    const person = settleablePeople(w)[3];
    const psnNo = person.person.psn_no;
    const first = uploadFor(w, syntheticBill(w, person, 6, HOSPITAL, 1), { stationId: A.id });
    // the station settled the second bill after the first, on the first's accumulators_after
    const second = uploadFor(w, syntheticBill(w, person, 4, HOSPITAL, 2), {
      stationId: A.id,
      tweak: (r) => void (r.accumulators = first.result.accumulators_after),
    });
    const b1 = billById(w, 'BILL-REHAB-PART1');
    const b2 = billById(w, 'BILL-REHAB-PART2');
    const part1 = uploadFor(w, b1, { stationId: A.id, mdtrtId: 'ZY-BATCH' });
    const part2 = uploadFor(w, b2, {
      stationId: A.id,
      mdtrtId: 'ZY-BATCH',
      earlier: [{ request: part1.request, result: part1.result }],
    });
    const sameEncounter = uploadFor(w, syntheticBill(w, settleablePeople(w)[4], 3, HOSPITAL, 3), {
      stationId: A.id,
      mdtrtId: first.mdtrt_id,
    });
    const answers = await uploadBatch(client, [first, second, part1, part2, sameEncounter, first]);
    expect(answers.map((a) => a.outcome)).toEqual([
      'confirmed',
      'confirmed',
      'confirmed',
      'confirmed',
      'rejected',
      'confirmed',
    ]);
    expect(answers[4]).toMatchObject({ reasons: [{ code: 'DUPLICATE_ENCOUNTER' }] });
    expect(answers[5]).toEqual(answers[0]);
    expect((await admin.accumulators(psnNo, YEAR)).accumulators).toEqual(second.result.accumulators_after);
    const stored = (await admin.settlements(psnNo)).settlements;
    expect(stored.filter((s) => s.local_setl_id === first.local_setl_id)).toHaveLength(1);
  });

  it('settles an encounter once when two batches race for it from two stations', async () => {
    const w = platform.world;
    const person = settleablePeople(w)[5];
    const up = (station: string, seq: number) =>
      uploadFor(w, syntheticBill(w, person, 5, HOSPITAL, seq), { stationId: station, mdtrtId: 'ZY-RACE' });
    const before = (await admin.accumulators(person.person.psn_no, YEAR)).accumulators;
    const [[a], [b]] = await Promise.all([
      uploadBatch(client, [up(A.id, 7)]),
      uploadBatch(clientB, [up(B.id, 8)]),
    ]);
    const outcomes = [a.outcome, b.outcome].sort();
    expect(outcomes).toEqual(['confirmed', 'rejected']);
    expect([a, b].find((r) => r.outcome === 'rejected')).toMatchObject({
      reasons: [{ code: 'DUPLICATE_ENCOUNTER' }],
    });
    const winner = a.outcome === 'confirmed' ? up(A.id, 7) : up(B.id, 8);
    const after = (await admin.accumulators(person.person.psn_no, YEAR)).accumulators;
    expect(after).not.toEqual(before);
    expect(after).toEqual(winner.result.accumulators_after);
  });

  it('previews a settlement with the pure recomputation: the figures 8201 confirms, nothing stored', async () => {
    const w = platform.world;
    const person = settleablePeople(w)[6];
    const up = uploadFor(w, syntheticBill(w, person, 8, HOSPITAL, 9), { stationId: A.id });
    const parsed = parseUploadSettlement(up);
    if (!parsed.ok) throw new Error(parsed.message);
    const input = {
      upload: parsed.upload,
      part: parsed.part,
      fixmedinsCode: HOSPITAL,
      now: Date.now(),
      maxOfflineDays: WINDOW_TO_TODAY,
    };
    const accBefore = await admin.accumulators(person.person.psn_no, YEAR);
    const preview = await platform.db.transaction((tx) => previewSettlement(tx, input), { snapshot: true });
    expect(preview.kind).toBe('settled');
    if (preview.kind !== 'settled') return;
    expect(preview.differences).toEqual([]);
    expect(preview.platform.setlinfo).toEqual(up.result.setlinfo);
    expect((await admin.settlements(person.person.psn_no)).settlements).toEqual([]);
    expect(await admin.accumulators(person.person.psn_no, YEAR)).toEqual(accBefore);
    // a preview twice is the same preview (nothing moved), and 8201 then confirms those figures
    expect(await platform.db.transaction((tx) => previewSettlement(tx, input))).toEqual(preview);
    expect((await uploadBatch(client, [up]))[0]).toMatchObject({ outcome: 'confirmed' });
    const after = await platform.db.transaction((tx) => previewSettlement(tx, input));
    expect(after).toMatchObject({ kind: 'rejected', reasons: [{ code: 'DUPLICATE_ENCOUNTER' }] });
  });
});
