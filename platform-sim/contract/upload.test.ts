// Contract over real HTTP for 8201 / 8202: confirmed, discrepancy with the differing fields,
// rejected (revoked filing, settle() refusals, duplicate encounter across stations, bad settlement),
// idempotent replays, and the same batch sent concurrently ten times.

import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlatformClient } from '../../electron/services/platform-client';
import { createPlatformClient } from '../../electron/services/platform-client';
import { AdminClient } from '../admin-client';
import { dropSchema } from '../db/database';
import type { RunningPlatform } from '../index';
import { startPlatform } from '../index';
import { readStoredPlatformResult, readStoredUpload } from '../settlements/stored';
import { billById, personByScenario, settleablePeople, syntheticBill, uploadFor } from '../test-support';
import { uploadSettlementSchema } from '../../shared/protocol';
import {
  HOSPITAL,
  STATIONS,
  TODAY,
  WINDOW_TO_TODAY,
  backends,
  clientOptions,
  envelope,
  rawCall,
  startTestPlatform,
  uploadBatch,
} from './harness';

const makeClient = (...args: Parameters<typeof clientOptions>) =>
  createPlatformClient(clientOptions(...args));

describe.each(backends())('8201 upload on $name', (backend) => {
  let platform: RunningPlatform;
  let client: PlatformClient;
  let clientB: PlatformClient;
  let admin: AdminClient;
  const A = STATIONS[0].id;

  beforeAll(async () => {
    platform = await startTestPlatform(backend);
    client = makeClient(platform);
    clientB = makeClient(platform, STATIONS[1]);
    admin = new AdminClient(platform.url);
  });
  afterAll(async () => platform?.close());

  const upload = uploadBatch;

  /** The upload and the platform result a settlement row holds (stored compactly, stored.ts). */
  async function storedRow(localSetlId: string) {
    const [row] = await platform.db.query<{ upload_json: string; platform_result_json: string }>(
      'SELECT upload_json, platform_result_json FROM settlements WHERE local_setl_id = $1',
      [localSetlId],
    );
    return {
      upload: readStoredUpload(row!.upload_json),
      platform: readStoredPlatformResult(row!.platform_result_json, row!.upload_json),
      bytes: row!.upload_json.length + row!.platform_result_json.length,
    };
  }

  it('confirms a settlement whose figures agree to the fen, updates accumulators, and answers a replay the same', async () => {
    const w = platform.world;
    const bill = billById(w, 'BILL-PNEUMONIA');
    const before = await admin.accumulators(bill.psn_no, 2026);
    const up = uploadFor(w, bill, { stationId: A, mdtrtId: 'ENC-PNEU' });
    const [first] = await upload(client, [up]);
    expect(first).toMatchObject({ local_setl_id: up.local_setl_id, outcome: 'confirmed' });
    const after = await admin.accumulators(bill.psn_no, 2026);
    expect(after.accumulators).toEqual(up.result.accumulators_after);
    expect(after.ver).toBeGreaterThan(before.ver);
    const [again] = await upload(client, [up]);
    expect(again).toEqual(first);
    expect((await admin.accumulators(bill.psn_no, 2026)).accumulators).toEqual(after.accumulators);
    expect((await client.call('8202', { data: { local_setl_ids: [up.local_setl_id] } })).results).toEqual([
      first,
    ]);
    // Stored whole (the upload as checked, the platform result: here the station's), in few bytes.
    const row = await storedRow(up.local_setl_id);
    expect(row.upload).toEqual(uploadSettlementSchema.parse(up));
    expect(row.platform).toEqual(row.upload.result);
    // less than half of the upload and the platform result stored plainly (the layout before)
    expect(row.bytes).toBeLessThan((JSON.stringify(up).length + JSON.stringify(up.result).length) / 2);
  });

  it('answers discrepancy with the platform result and every differing field when the station figures differ', async () => {
    const w = platform.world;
    // The station worked from stale accumulators: no admission yet this year, so the full deductible.
    const up = uploadFor(w, billById(w, 'BILL-REFERRAL'), {
      stationId: A,
      tweak: (r) => void (r.accumulators = { ...r.accumulators, inpatient_admissions: 0, hifp_pay: '0.00' }),
    });
    await admin.setAccumulators({
      psn_no: up.request.person.psn_no,
      accumulators: { year: 2026, inpatient_admissions: 2, hifp_pay: '1000.00' },
    });
    const [res] = await upload(client, [up]);
    expect(res.outcome).toBe('discrepancy');
    if (res.outcome !== 'discrepancy') return;
    const fields = res.differences.map((d) => d.field);
    expect(fields).toContain('act_pay_dedc');
    expect(fields).toContain('psn_cash_pay');
    for (const d of res.differences) {
      expect(d.station).toBe(up.result.setlinfo[d.field]);
      expect(d.platform).toBe(res.platform_result.setlinfo[d.field]);
      expect(d.station).not.toBe(d.platform);
    }
    expect(res.platform_result.accumulators_after.inpatient_admissions).toBe(3);
    const row = await storedRow(up.local_setl_id);
    expect(row.upload).toEqual(uploadSettlementSchema.parse(up));
    expect(row.platform).toEqual(res.platform_result);
  });

  it('rejects a settlement whose filing was revoked while the station was offline, and settles nothing', async () => {
    const w = platform.world;
    const bill = billById(w, 'BILL-RESIDENT');
    const up = uploadFor(w, bill, { stationId: A });
    const person = w.people.find((p) => p.person.psn_no === bill.psn_no)!;
    await admin.revokeFiling(person.filings[0].filing_id);
    const before = await admin.accumulators(bill.psn_no, 2026);
    const [res] = await upload(client, [up]);
    expect(res).toMatchObject({ outcome: 'rejected', reasons: [{ code: 'FILING_REVOKED' }] });
    expect((await admin.accumulators(bill.psn_no, 2026)).ver).toBe(before.ver);
  });

  it('rejects with settle() refusal codes: expired filing, work injury not confirmed', async () => {
    const w = platform.world;
    const [expired, wi] = await upload(client, [
      uploadFor(w, billById(w, 'BILL-APPENDIX'), { stationId: A }),
      uploadFor(w, billById(w, 'BILL-WI-UNCONFIRMED'), { stationId: A }),
    ]);
    expect(expired).toMatchObject({ outcome: 'rejected', reasons: [{ code: 'FILING_EXPIRED' }] });
    expect(wi).toMatchObject({ outcome: 'rejected', reasons: [{ code: 'WORK_INJURY_NOT_CONFIRMED' }] });
  });

  it('settles a work-injury device against the insured place’s device catalog', async () => {
    const w = platform.world;
    const up = uploadFor(w, billById(w, 'BILL-PROSTHESIS'), { stationId: STATIONS[3].id });
    const deviceClient = makeClient(platform, STATIONS[3]);
    const [res] = await upload(deviceClient, [up]);
    expect(res.outcome).toBe('confirmed');
    expect(up.result.setlinfo).toMatchObject({
      medfee_sumamt: '13780.00',
      overlmt_selfpay: '1500.00',
      fund_pay_sumamt: '12280.00',
    });
  });

  it('rejects the second settlement of one encounter from another station (DUPLICATE_ENCOUNTER)', async () => {
    const w = platform.world;
    const bill = billById(w, 'BILL-CHRONIC-I10');
    const [a] = await upload(client, [uploadFor(w, bill, { stationId: A, mdtrtId: 'ENC-DUP-1' })]);
    const [b] = await upload(clientB, [
      uploadFor(w, bill, { stationId: STATIONS[1].id, mdtrtId: 'ENC-DUP-1' }),
    ]);
    expect(a.outcome).not.toBe('rejected');
    expect(b).toMatchObject({ outcome: 'rejected', reasons: [{ code: 'DUPLICATE_ENCOUNTER' }] });
  });

  it('rejects a malformed settlement alone, and one signed by another station, keeping the rest of the batch', async () => {
    const w = platform.world;
    const good = uploadFor(w, billById(w, 'BILL-LOCAL'), { stationId: A });
    const broken = {
      ...uploadFor(w, billById(w, 'BILL-LOCAL'), { stationId: A }),
      request: { contract: 'settle/v1', lines: 'no' },
    };
    const foreign = uploadFor(w, billById(w, 'BILL-LOCAL'), { stationId: STATIONS[1].id });
    const [g, bad, f] = await upload(client, [good, broken, foreign]);
    expect(g.outcome).toBe('confirmed');
    expect(bad).toMatchObject({ outcome: 'rejected', reasons: [{ code: 'INVALID_INPUT' }] });
    expect(f).toMatchObject({ outcome: 'rejected', reasons: [{ code: 'STATION_MISMATCH' }] });
    expect(
      (await client.call('8202', { data: { local_setl_ids: [broken.local_setl_id] } })).results[0].outcome,
    ).toBe('unknown');
  });

  it('the same batch sent concurrently 10 times creates each settlement once and answers the same every time', async () => {
    const w = platform.world;
    const people = settleablePeople(w)
      .filter((p) => p.scenario === null)
      .slice(0, 8);
    expect(people.length).toBe(8);
    const batch = people.map((p, i) =>
      uploadFor(w, syntheticBill(w, p, 12, HOSPITAL, i), { stationId: A, mdtrtId: `ENC-CONC-${i}` }),
    );
    const before = await Promise.all(people.map((p) => admin.accumulators(p.person.psn_no, 2026)));
    const clients = Array.from({ length: 10 }, () => makeClient(platform));
    const answers = await Promise.all(clients.map((c) => upload(c, batch)));
    for (const a of answers) expect(a).toEqual(answers[0]);
    expect(answers[0].every((r) => r.outcome === 'confirmed' || r.outcome === 'discrepancy')).toBe(true);
    const stored = (await admin.settlements()).settlements.filter((s) =>
      batch.some((b) => b.local_setl_id === s.local_setl_id),
    );
    expect(stored).toHaveLength(batch.length);
    for (const [i, p] of people.entries()) {
      const after = await admin.accumulators(p.person.psn_no, 2026);
      const s = stored.find((x) => x.psn_no === p.person.psn_no)!;
      expect(after.accumulators).toEqual(s.accumulators_after);
      expect(s.accumulators_before).toMatchObject({
        hifp_pay: before[i].accumulators.hifp_pay,
        inpatient_admissions: before[i].accumulators.inpatient_admissions,
      });
    }
  });

  it('confirms a settle result that carries only the contract’s fields (no items[].med_list_codg, basis, trace, reduction, cross_province)', async () => {
    const w = platform.world;
    const up = uploadFor(w, billById(w, 'BILL-OUTPATIENT'), { stationId: A });
    const { reduction: _r, cross_province: _c, trace: _t, ...pure } = up.result;
    const contractOnly = {
      ...pure,
      refusal: pure.refusal.map(({ code, message }) => ({ code, message })),
      items: pure.items?.map(({ med_list_codg: _m, basis: _b, ...item }) => item),
    };
    const [res] = await upload(client, [{ ...up, result: contractOnly }]);
    expect(res).toMatchObject({ local_setl_id: up.local_setl_id, outcome: 'confirmed' });
  });

  it('refuses an empty batch and one over 500 settlements as INPUT_INVALID', async () => {
    await expect(upload(client, [])).rejects.toMatchObject({ errCode: 'INPUT_INVALID', kind: 'permanent' });
    const many = Array.from({ length: 501 }, (_, i) => ({ local_setl_id: `X${i}` }));
    await expect(upload(client, many)).rejects.toMatchObject({ errCode: 'INPUT_INVALID' });
  });

  it('8202 reports the outcome of a rejected upload too', async () => {
    const w = platform.world;
    const up = uploadFor(w, billById(w, 'BILL-DESIGNATED'), { stationId: A });
    const [res] = await upload(client, [up]);
    expect(res).toMatchObject({ outcome: 'rejected', reasons: [{ code: 'NOT_DESIGNATED' }] });
    expect((await client.call('8202', { data: { local_setl_ids: [up.local_setl_id] } })).results).toEqual([
      res,
    ]);
    expect(personByScenario(w, 'designated-elsewhere').person.psn_no).toBe(up.request.person.psn_no);
  });
});

// Two platform processes on one PostgreSQL: they migrate and seed the same schema at once without
// clashing, settle each settlement of a batch sent to both once, and refuse at one a nonce already
// used at the other. Registered only when TEST_DATABASE_URL names a server (CI sets it): PGlite is one
// process per data directory, so there is nothing to share there.
const sharedUrl = process.env.TEST_DATABASE_URL;
if (sharedUrl) {
  const url = sharedUrl;
  const schema = `shared_${randomBytes(6).toString('hex')}`;
  describe('two platforms sharing one PostgreSQL', () => {
    let a: RunningPlatform;
    let b: RunningPlatform;

    beforeAll(async () => {
      const start = () =>
        startPlatform({
          seed: 'shared',
          today: TODAY,
          stations: STATIONS,
          maxOfflineDays: WINDOW_TO_TODAY,
          databaseUrl: url,
          databaseSchema: schema,
          catalogSize: 500,
        });
      [a, b] = await Promise.all([start(), start()]);
    });
    afterAll(async () => {
      await a?.close();
      await b?.close();
      await dropSchema(url, schema);
    });

    it('seeded the world once', () => {
      expect([a.seeded, b.seeded].sort()).toEqual([false, true]);
      expect(a.settings).toEqual(b.settings);
    });

    it('settles a batch sent to both processes at once exactly once, with the same answers', async () => {
      const w = a.world;
      const people = settleablePeople(w).slice(0, 6);
      const batch = people.map((p, i) =>
        uploadFor(w, syntheticBill(w, p, 8, HOSPITAL, i), {
          stationId: STATIONS[0].id,
          mdtrtId: `SHARED-${i}`,
        }),
      );
      const clients = [a, b, a, b, a, b].map((p) => createPlatformClient(clientOptions(p)));
      const answers = await Promise.all(clients.map((c) => c.call('8201', { data: { settlements: batch } })));
      for (const ans of answers) expect(ans).toEqual(answers[0]);
      const [{ n }] = await a.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM settlements WHERE local_setl_id = ANY($1::text[])',
        [batch.map((s) => s.local_setl_id)],
      );
      expect(n).toBe(batch.length);
    });

    it('refuses at one process a nonce already used at the other', async () => {
      const signNo = await createPlatformClient(clientOptions(a)).signIn();
      const body = JSON.stringify(envelope('8202', { data: { local_setl_ids: ['X'] } }, signNo));
      const nonce = randomBytes(16).toString('hex');
      expect((await rawCall(a, body, { nonce })).json?.infcode).toBe(0);
      expect((await rawCall(b, body, { nonce })).json?.err_code).toBe('SIGNATURE_INVALID');
    });
  });
}
