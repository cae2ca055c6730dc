// Contract over real HTTP for 2303 pre-settlement and 8103 per-person rows: 2303 answers what 8201
// would answer now (confirmed, discrepancy with the platform's figures, rejected for a revoked filing
// or an encounter already settled) and, as a property, no sequence of 2303 calls changes anything
// the platform stores: 8101 versions and rows, accumulators, settlements.

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlatformClient } from '../../electron/services/platform-client';
import { createPlatformClient } from '../../electron/services/platform-client';
import type { UploadSettlementInput } from '../../shared/protocol';
import { AdminClient } from '../admin-client';
import type { RunningPlatform } from '../index';
import { billById, settleablePeople, syntheticBill, uploadFor } from '../test-support';
import { HOSPITAL, STATIONS, backends, clientOptions, startTestPlatform, uploadBatch } from './harness';

const A = STATIONS[0].id;
const staleAccumulators = (r: UploadSettlementInput['request']) =>
  void (r.accumulators = { ...r.accumulators, inpatient_admissions: 0, hifp_pay: '0.00' });

describe.each(backends())('2303 pre-settlement and 8103 on $name', (backend) => {
  let platform: RunningPlatform;
  let client: PlatformClient;
  let admin: AdminClient;

  beforeAll(async () => {
    platform = await startTestPlatform(backend, { catalogSize: 300 });
    client = createPlatformClient(clientOptions(platform));
    admin = new AdminClient(platform.url);
  });
  afterAll(async () => platform?.close());

  const preSettle = (s: UploadSettlementInput) => client.call('2303', { data: { settlement: s } });

  /** Everything a 2303 could have changed: the version, every accumulators and filings row, settlements. */
  async function snapshot() {
    const delta = async (dataset: 'accumulators' | 'filings') =>
      client.call('8101', { data: { dataset, since_ver: 0, page_size: 5000 } });
    const state = await admin.state();
    return {
      ver: state.ver,
      settlements: state.settlements,
      accumulators: await delta('accumulators'),
      filings: await delta('filings'),
    };
  }

  it('answers confirmed for agreeing figures, and the same settlement still uploads confirmed', async () => {
    const w = platform.world;
    const up = uploadFor(w, syntheticBill(w, settleablePeople(w)[0]!, 4, HOSPITAL, 1), { stationId: A });
    expect(await preSettle(up)).toEqual({ outcome: 'confirmed' });
    const [res] = await uploadBatch(client, [up]);
    expect(res.outcome).toBe('confirmed');
  });

  it("answers discrepancy with the platform's figures for stale accumulators, storing nothing", async () => {
    const w = platform.world;
    const up = uploadFor(w, billById(w, 'BILL-REFERRAL'), { stationId: A, tweak: staleAccumulators });
    await admin.setAccumulators({
      psn_no: up.request.person.psn_no,
      accumulators: { year: 2026, inpatient_admissions: 2, hifp_pay: '1000.00' },
    });
    const before = await snapshot();
    const answer = await preSettle(up);
    expect(answer.outcome).toBe('discrepancy');
    if (answer.outcome !== 'discrepancy') return;
    expect(answer.differences.map((d) => d.field)).toContain('psn_cash_pay');
    expect(answer.platform_result.accumulators_after.inpatient_admissions).toBe(3);
    expect(await snapshot()).toEqual(before);
    // Settled by the platform's figures, the upload is confirmed.
    const [res] = await uploadBatch(client, [{ ...up, result: answer.platform_result }]);
    expect(res.outcome).toBe('confirmed');
  });

  it('refuses a revoked filing and an encounter already settled, and 8103 shows the tombstone', async () => {
    const w = platform.world;
    const bill = billById(w, 'BILL-RESIDENT');
    const person = w.people.find((p) => p.person.psn_no === bill.psn_no)!;
    const fresh = await client.call('8103', { data: { psn_no: bill.psn_no } });
    expect(fresh.filings.some((f) => !f.deleted && f.key === person.filings[0]!.filing_id)).toBe(true);
    const { ver } = await admin.revokeFiling(person.filings[0]!.filing_id);
    expect(await preSettle(uploadFor(w, bill, { stationId: A }))).toMatchObject({
      outcome: 'rejected',
      reasons: [{ code: 'FILING_REVOKED' }],
    });
    const after = await client.call('8103', { data: { psn_no: bill.psn_no } });
    expect(after.filings.find((f) => f.key === person.filings[0]!.filing_id)).toEqual({
      key: person.filings[0]!.filing_id,
      ver,
      deleted: true,
    });
    expect(after.ver).toBeGreaterThanOrEqual(ver);

    const other = settleablePeople(w)[1]!;
    const done = uploadFor(w, syntheticBill(w, other, 3, HOSPITAL, 2), { stationId: A });
    await uploadBatch(client, [done]);
    const again = uploadFor(w, syntheticBill(w, other, 3, HOSPITAL, 3), {
      stationId: A,
      mdtrtId: done.mdtrt_id,
    });
    expect(await preSettle(again)).toMatchObject({
      outcome: 'rejected',
      reasons: [{ code: 'DUPLICATE_ENCOUNTER' }],
    });
  });

  it('property: any sequence of 2303 calls leaves 8101 versions, accumulators and settlements unchanged', async () => {
    const w = platform.world;
    const people = settleablePeople(w).slice(2, 8);
    const before = await snapshot();
    const op = fc.record({
      person: fc.nat({ max: people.length - 1 }),
      lines: fc.integer({ min: 1, max: 5 }),
      stale: fc.boolean(),
      seq: fc.nat({ max: 50 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 6 }), async (ops) => {
        for (const o of ops) {
          const bill = syntheticBill(w, people[o.person]!, o.lines, HOSPITAL, o.seq);
          const up = uploadFor(w, bill, { stationId: A, ...(o.stale ? { tweak: staleAccumulators } : {}) });
          const answer = await preSettle(up);
          expect(['confirmed', 'discrepancy', 'rejected']).toContain(answer.outcome);
        }
        expect(await snapshot()).toEqual(before);
      }),
      { numRuns: 12 },
    );
  });
});
