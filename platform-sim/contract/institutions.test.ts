// A station acts only for its institution (issue 10, finding 1), encounters are keyed by institution,
// mdtrt_id and stay part (finding 3), and a local_setl_id is answered only to the station that used it.
// Each attack is played the way the issue reproduced it, over real HTTP.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatformClient } from '../../electron/services/platform-client';
import type { PlatformClient } from '../../electron/services/platform-client';
import type { RunningPlatform, StationRegistration } from '../index';
import { billById, uploadFor } from '../test-support';
import {
  HOSPITAL,
  OTHER_HOSPITAL,
  STATIONS,
  backends,
  clientOptions,
  envelope,
  rawCall,
  startTestPlatform,
  uploadBatch,
} from './harness';

const [A, B, C] = STATIONS;

describe.each(backends())('stations bound to institutions on $name', (backend) => {
  let platform: RunningPlatform;
  let hospitalA: PlatformClient;
  let hospitalB: PlatformClient;
  let otherHospital: PlatformClient;

  beforeAll(async () => {
    platform = await startTestPlatform(backend);
    hospitalA = createPlatformClient(clientOptions(platform, A));
    hospitalB = createPlatformClient(clientOptions(platform, B));
    otherHospital = createPlatformClient(clientOptions(platform, C));
  });
  afterAll(async () => platform?.close());

  const upload = uploadBatch;

  it("refuses a station signing in as another hospital, so it cannot cancel that hospital's settlement", async () => {
    const w = platform.world;
    const bill = billById(w, 'BILL-PNEUMONIA');
    const [mine] = await upload(hospitalA, [uploadFor(w, bill, { stationId: A.id })]);
    expect(mine.outcome).toBe('confirmed');
    if (mine.outcome !== 'confirmed') return;

    // Station C (another hospital) poses as the demo hospital, as the attacker did.
    const impostor = createPlatformClient({ ...clientOptions(platform, C), fixmedinsCode: HOSPITAL });
    await expect(impostor.signIn()).rejects.toMatchObject({ errCode: 'STATION_INSTITUTION_MISMATCH' });
    await expect(
      impostor.call('2305', { data: { setl_id: mine.setl_id, psn_no: bill.psn_no } }),
    ).rejects.toMatchObject({ errCode: 'STATION_INSTITUTION_MISMATCH', httpStatus: 403 });
    const status = await hospitalA.call('8202', { data: { local_setl_ids: [mine.local_setl_id] } });
    expect(status.results[0]).toEqual(mine);
  });

  it("refuses, before any handler, a later envelope naming another institution than the station's", async () => {
    const signNo = await otherHospital.signIn();
    const asHospital = (infno: string, input: unknown) =>
      rawCall(platform, JSON.stringify(envelope(infno, input, signNo, HOSPITAL)), { station: C });
    for (const [infno, input] of [
      ['8202', { data: { local_setl_ids: ['X'] } }],
      ['2305', { data: { setl_id: 'S1', psn_no: 'P1' } }],
      [
        '3201',
        {
          data: {
            insutype: '310',
            clr_type: '99',
            stmt_begndate: '2026-01-01',
            stmt_enddate: '2026-12-31',
            medfee_sumamt: '0',
            fund_pay_sumamt: '0',
            acct_pay: '0',
            fixmedins_setl_cnt: 0,
          },
        },
      ],
      ['1101', { data: { mdtrt_cert_type: '02', mdtrt_cert_no: platform.world.people[0]!.person.certno } }],
    ] as const) {
      const r = await asHospital(infno, input);
      expect([r.status, r.json?.err_code], infno).toEqual([403, 'STATION_INSTITUTION_MISMATCH']);
      expect(r.json?.output).toBeNull();
    }
    // Its own institution still works with the same sign_no.
    const own = await rawCall(
      platform,
      JSON.stringify(envelope('8202', { data: { local_setl_ids: ['X'] } }, signNo, OTHER_HOSPITAL)),
      { station: C },
    );
    expect([own.status, own.json?.infcode]).toEqual([200, 0]);
  });

  it('refuses an upload in another hospital’s name (whole message) and stores nothing', async () => {
    const w = platform.world;
    const up = uploadFor(w, billById(w, 'BILL-LOCAL'), { stationId: C.id });
    const impostor = createPlatformClient({ ...clientOptions(platform, C), fixmedinsCode: HOSPITAL });
    await expect(upload(impostor, [up])).rejects.toMatchObject({ errCode: 'STATION_INSTITUTION_MISMATCH' });
    const status = await hospitalA.call('8202', { data: { local_setl_ids: [up.local_setl_id] } });
    expect(status.results[0]!.outcome).toBe('unknown');
  });

  it("answers another station's re-used local_setl_id with LOCAL_SETL_ID_TAKEN, not the first station's record", async () => {
    const w = platform.world;
    const first = uploadFor(w, billById(w, 'BILL-RESIDENT'), { stationId: A.id });
    const [a] = await upload(hospitalA, [first]);
    expect(a.outcome).not.toBe('rejected');
    const reuse = uploadFor(w, billById(w, 'BILL-CHRONIC-I10'), {
      stationId: B.id,
      localSetlId: first.local_setl_id,
    });
    const [b] = await upload(hospitalB, [reuse]);
    expect(b).toMatchObject({
      local_setl_id: first.local_setl_id,
      outcome: 'rejected',
      reasons: [{ code: 'LOCAL_SETL_ID_TAKEN' }],
    });
    expect(JSON.stringify(b)).not.toContain(a.outcome === 'rejected' ? '-' : a.setl_id);
    // The first station still gets its own answer.
    expect((await upload(hospitalA, [first]))[0]).toEqual(a);
  });

  it('requires mdtrt_id and keys the encounter by institution, mdtrt_id and stay part', async () => {
    const w = platform.world;
    const bill = billById(w, 'BILL-HIP');
    const { mdtrt_id: _none, ...noEncounter } = uploadFor(w, bill, { stationId: A.id });
    const [missing] = await upload(hospitalA, [noEncounter]);
    expect(missing).toMatchObject({
      outcome: 'rejected',
      reasons: [{ code: 'INVALID_INPUT', path: 'mdtrt_id' }],
    });

    const part = (n: number | null, station: StationRegistration = A, id = 'ZY-STAY-1') =>
      uploadFor(w, bill, {
        stationId: station.id,
        mdtrtId: id,
        tweak: (r) => {
          if (n !== null) Object.assign(r, { stay: { part: n, dedc_left: '0.00', inscp_before: '0.00' } });
        },
      });
    const [whole, second, third] = await upload(hospitalA, [part(null), part(2), part(3)]);
    for (const r of [whole, second, third]) expect(r.outcome).not.toBe('rejected');
    const [firstAgain, secondAgain, otherEncounter] = await upload(hospitalB, [
      part(1, B),
      part(2, B),
      // another encounter number is another stay (its part 1; a part 2 needs its own part 1 first)
      part(1, B, 'ZY-STAY-2'),
    ]);
    expect(firstAgain).toMatchObject({ outcome: 'rejected', reasons: [{ code: 'DUPLICATE_ENCOUNTER' }] });
    expect(secondAgain).toMatchObject({ outcome: 'rejected', reasons: [{ code: 'DUPLICATE_ENCOUNTER' }] });
    expect(secondAgain.outcome === 'rejected' && secondAgain.reasons[0]!.message).toContain('part 2');
    expect(otherEncounter.outcome).not.toBe('rejected');
  });

  it('lets two institutions use the same encounter number', async () => {
    const w = platform.world;
    const bill = billById(w, 'BILL-REFERRAL');
    const [here] = await upload(hospitalA, [uploadFor(w, bill, { stationId: A.id, mdtrtId: 'ZY-SHARED' })]);
    expect(here.outcome).not.toBe('rejected');
    const elsewhereBill = { ...bill, fixmedins_code: OTHER_HOSPITAL };
    const [there] = await upload(otherHospital, [
      uploadFor(w, elsewhereBill, { stationId: C.id, mdtrtId: 'ZY-SHARED' }),
    ]);
    expect(there.outcome === 'rejected' ? there.reasons.map((r) => r.code) : []).not.toContain(
      'DUPLICATE_ENCOUNTER',
    );
  });
});
