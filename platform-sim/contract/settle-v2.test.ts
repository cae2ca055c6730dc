// Contract over real HTTP for the settle/v2 rules (settlement-contract.md "settle/v2"): one upload
// per new rule. Each is confirmed when the station computed it from the same data as the platform
// (the demo world's own rows, as a station that pulled them would), and the platform applies the rule
// from its own data when the station's copy was stale: emergency regarded as filed, the work-injury
// filing window, work-injury confirmations, meal and transport lines, serious illness, medical
// assistance, a mid-stay part 2 (the platform's own earlier part) and INSTITUTION_NOT_CONTRACTED.
// 2305 gives the new funds back; 3201 counts them.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlatformClient } from '../../electron/services/platform-client';
import { createPlatformClient } from '../../electron/services/platform-client';
import { demoSettleRequest } from '../../shared/demo-world';
import { settle, type SettleRequestInput } from '../../shared/settlement';
import { AdminClient } from '../admin-client';
import type { RunningPlatform } from '../index';
import { billById, personByScenario, uploadFor } from '../test-support';
import { STATIONS, backends, clientOptions, startTestPlatform, uploadBatch } from './harness';

const [A, , , F] = STATIONS;
const YEAR = 2026;

describe.each(backends())('settle/v2 uploads on $name', (backend) => {
  let platform: RunningPlatform;
  let hospital: PlatformClient;
  let shop: PlatformClient;
  let admin: AdminClient;

  beforeAll(async () => {
    platform = await startTestPlatform(backend);
    hospital = createPlatformClient(clientOptions(platform, A));
    shop = createPlatformClient(clientOptions(platform, F));
    admin = new AdminClient(platform.url);
  });
  afterAll(async () => platform?.close());

  const one = async (client: PlatformClient, up: unknown) => (await uploadBatch(client, [up]))[0]!;

  it('emergency regarded as filed: an expired filing is waived at the emergency reduction, confirmed', async () => {
    const w = platform.world;
    const up = uploadFor(w, billById(w, 'BILL-EMERGENCY-EXPIRED'), { stationId: A.id });
    expect(up.result.emergency_waived?.map((r) => r.code)).toEqual(['FILING_EXPIRED']);
    expect(await one(hospital, up)).toMatchObject({ outcome: 'confirmed' });
  });

  it('work-injury filing window: a referral is settled within 3 months and refused after, whatever its end date', async () => {
    const w = platform.world;
    const within = uploadFor(w, billById(w, 'BILL-WI-REFERRAL'), { stationId: A.id });
    expect(within.result.trace!.map((t) => t.rule)).toContain('WI_FILING_WINDOW');
    expect(await one(hospital, within)).toMatchObject({ outcome: 'confirmed' });
    // A station whose copy of the filing began later would settle; the platform's filing is past 3 months.
    const lapsed = uploadFor(w, billById(w, 'BILL-WI-LAPSED'), {
      stationId: A.id,
      tweak: (r) => void (r.filing = { ...r.filing!, begndate: w.today }),
    });
    expect(lapsed.result.status).toBe('settled');
    expect(await one(hospital, lapsed)).toMatchObject({
      outcome: 'rejected',
      reasons: [{ code: 'FILING_EXPIRED' }],
    });
  });

  it('work-injury confirmation: an inpatient stay needs "injury" or "recurrence", checked on the platform’s filing', async () => {
    const w = platform.world;
    const person = personByScenario(w, 'wi-inpatient');
    const row = person.filings.find((f) => f.scheme === 'work_injury')!;
    const put = (wi_confirmations: ('injury' | 'recurrence' | 'rehab' | 'device')[]) =>
      admin.putFiling({
        key: row.filing_id,
        scheme: row.scheme,
        person: row.person,
        filing: { ...row.filing, wi_confirmations },
      });
    const bill = billById(w, 'BILL-FRACTURE');
    await put(['recurrence']);
    const recurrence = uploadFor(w, bill, {
      stationId: A.id,
      tweak: (r) => void (r.filing = { ...r.filing!, wi_confirmations: ['recurrence'] }),
    });
    expect(recurrence.result.trace!.map((t) => t.rule)).toContain('WI_CONFIRMATION');
    expect(await one(hospital, recurrence)).toMatchObject({ outcome: 'confirmed' });
    // the insured place now confirms rehabilitation only; the station still has the old copy
    await put(['rehab']);
    const stale = uploadFor(w, bill, {
      stationId: A.id,
      tweak: (r) => void (r.filing = { ...r.filing!, wi_confirmations: ['recurrence'] }),
    });
    expect(await one(hospital, stale)).toMatchObject({
      outcome: 'rejected',
      reasons: [{ code: 'WORK_INJURY_NOT_CONFIRMED' }],
    });
  });

  it('meal and transport lines are wholly self-paid, even when the catalog lists them, confirmed', async () => {
    const w = platform.world;
    // The treatment place's work-injury catalog happens to list the transport item (seed 003 still
    // keeps it out of direct settlement).
    const entry = { name: '转诊转院交通费', pric_uplmt_amt: null, med_chrgitm_type: '14' as const };
    await admin.publishCatalog({
      dataset: 'wi_catalog',
      upserts: [{ key: 'JT-ZZJT-0001', entry }],
      deletes: [],
    });
    const listed = (r: SettleRequestInput) =>
      void (r.wi_catalog = { ...r.wi_catalog, 'JT-ZZJT-0001': entry });
    const up = uploadFor(w, billById(w, 'BILL-WI-REFERRAL'), { stationId: A.id, tweak: listed });
    const kinds = up.result.items!.filter((i) => i.basis === 'MEAL' || i.basis === 'TRANSPORT');
    expect(kinds.map((i) => i.fulamt_ownpay_amt)).toEqual(['300.00', '460.00']);
    expect(await one(hospital, up)).toMatchObject({ outcome: 'confirmed' });
    // A station whose engine paid the listed transport line from the fund (as settle/v1 did) uploads
    // the same counter facts: the platform excludes the line and answers with its own figures.
    const paid = uploadFor(w, billById(w, 'BILL-WI-REFERRAL'), { stationId: A.id, tweak: listed });
    paid.result = settle({
      ...paid.request,
      lines: paid.request.lines.map((l) => (l.fee_kind === 'transport' ? { ...l, fee_kind: undefined } : l)),
    });
    const res = await one(hospital, paid);
    expect(res.outcome).toBe('discrepancy');
    if (res.outcome === 'discrepancy')
      expect(res.differences.find((d) => d.field === 'fulamt_ownpay_amt')).toMatchObject({
        station: '300.00',
        platform: '760.00',
      });
  });

  it('serious illness: a resident is paid hifmi_pay, kept per person and year; 2305 gives it back', async () => {
    const w = platform.world;
    const bill = billById(w, 'BILL-SERIOUS');
    const up = uploadFor(w, bill, { stationId: A.id });
    expect(Number(up.result.setlinfo.hifmi_pay)).toBeGreaterThan(0);
    const res = await one(hospital, up);
    expect(res).toMatchObject({ outcome: 'confirmed' });
    const after = (await admin.accumulators(bill.psn_no, YEAR)).accumulators;
    expect(after).toMatchObject({
      hifmi_base: up.result.accumulators_after.hifmi_base,
      hifmi_pay: up.result.setlinfo.hifmi_pay,
    });
    if (res.outcome !== 'confirmed') return;
    const reversal = await hospital.call('2305', { data: { setl_id: res.setl_id, psn_no: bill.psn_no } });
    const given = (v: string) => (Number(v) === 0 ? '0.00' : `-${v}`);
    expect(reversal).toMatchObject({
      setlinfo: {
        hifmi_pay: given(up.result.setlinfo.hifmi_pay!),
        maf_pay: given(up.result.setlinfo.maf_pay!),
      },
    });
    expect((await admin.accumulators(bill.psn_no, YEAR)).accumulators).toMatchObject({
      hifmi_base: '13500.00',
      hifmi_pay: '0.00',
      hifp_pay: '9860.00',
      inpatient_admissions: 1,
    });
  });

  it('medical assistance: a low-income patient is paid maf_pay, kept per person and year; 3201 counts it', async () => {
    const w = platform.world;
    const bill = billById(w, 'BILL-ASSIST');
    const up = uploadFor(w, bill, { stationId: A.id });
    const maf = up.result.setlinfo.maf_pay;
    expect(Number(maf)).toBeGreaterThan(0);
    expect(await one(hospital, up)).toMatchObject({ outcome: 'confirmed' });
    expect((await admin.accumulators(bill.psn_no, YEAR)).accumulators).toMatchObject({ maf_pay: maf });
    const totals = await hospital.call('3201', {
      data: {
        insutype: '390',
        clr_type: '21',
        stmt_begndate: w.today,
        stmt_enddate: w.today,
        medfee_sumamt: '0.00',
        fund_pay_sumamt: '0.00',
        acct_pay: '0.00',
        fixmedins_setl_cnt: 0,
      },
    });
    // every resident inpatient settlement of today that stands: this one (the serious-illness one was cancelled)
    expect(totals.stmtinfo.platform).toMatchObject({
      fixmedins_setl_cnt: 1,
      fund_pay_sumamt: up.result.setlinfo.fund_pay_sumamt,
      funds: { hifp_pay: up.result.setlinfo.hifp_pay, hifmi_pay: '0.00', maf_pay: maf },
    });
  });

  it('mid-stay part 2: the platform takes the deductible left and the cumulative amount from its own part 1', async () => {
    const w = platform.world;
    const b1 = billById(w, 'BILL-REHAB-PART1');
    const b2 = billById(w, 'BILL-REHAB-PART2');
    const part1 = uploadFor(w, b1, { stationId: A.id, mdtrtId: b1.mdtrt_id });
    // part 2 before part 1: nothing to follow
    const early = uploadFor(w, b2, {
      stationId: A.id,
      mdtrtId: b2.mdtrt_id,
      earlier: [{ request: part1.request, result: part1.result }],
    });
    expect(await one(hospital, early)).toMatchObject({
      outcome: 'rejected',
      reasons: [{ code: 'STAY_PART_OUT_OF_ORDER' }],
    });
    expect(await one(hospital, part1)).toMatchObject({ outcome: 'confirmed' });
    // A station that got the stay's figures wrong: the platform settles part 2 by its own part 1.
    const wrong = uploadFor(w, b2, {
      stationId: A.id,
      mdtrtId: b2.mdtrt_id,
      earlier: [{ request: part1.request, result: part1.result }],
      tweak: (r) => void (r.stay = { part: 2, dedc_left: '1300.00', inscp_before: '0.00' }),
    });
    const res = await one(hospital, wrong);
    expect(res.outcome).toBe('discrepancy');
    if (res.outcome !== 'discrepancy') return;
    expect(res.platform_result.setlinfo).toEqual(early.result.setlinfo);
    expect(res.platform_result.stay_part).toBe(2);
    expect(res.platform_result.accumulators_after.inpatient_admissions).toBe(
      part1.result.accumulators_after.inpatient_admissions,
    );
  });

  it('mid-stay part 2 computed from the same part 1 is confirmed (a fresh stay of the same person)', async () => {
    const w = platform.world;
    const b1 = billById(w, 'BILL-REHAB-PART1');
    const b2 = billById(w, 'BILL-REHAB-PART2');
    // the accumulators as the platform holds them now (after the stay above): the station pulled them
    const acc = (await admin.accumulators(b1.psn_no, YEAR)).accumulators;
    const request1 = { ...demoSettleRequest(w, b1), accumulators: acc };
    const result1 = settle(request1);
    const p1 = uploadFor(w, b1, {
      stationId: A.id,
      mdtrtId: 'ZY-REHAB-2ND',
      tweak: (r) => void (r.accumulators = acc),
    });
    expect(p1.result.setlinfo).toEqual(result1.setlinfo);
    expect(await one(hospital, p1)).toMatchObject({ outcome: 'confirmed' });
    const p2 = uploadFor(w, b2, {
      stationId: A.id,
      mdtrtId: 'ZY-REHAB-2ND',
      earlier: [{ request: request1, result: result1 }],
    });
    expect(p2.request.stay).toMatchObject({ part: 2, inscp_before: result1.setlinfo.inscp_scp_amt });
    expect(await one(hospital, p2)).toMatchObject({ outcome: 'confirmed' });
  });

  it('INSTITUTION_NOT_CONTRACTED: the device shop settles no medical bill, even when the station thought it could', async () => {
    const w = platform.world;
    const up = uploadFor(w, billById(w, 'BILL-SHOP-MEDICAL'), {
      stationId: F.id,
      // the station's copy of its institution row said nothing about schemes
      tweak: (r) => void delete r.institution.schemes,
    });
    expect(up.result.status).toBe('settled');
    expect(await one(shop, up)).toMatchObject({
      outcome: 'rejected',
      reasons: [{ code: 'INSTITUTION_NOT_CONTRACTED' }],
    });
  });
});
