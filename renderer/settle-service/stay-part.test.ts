// settle/v2 at the station: a mid-stay part follows this station's own earlier parts of the encounter
// (dedc_left and inscp_before from them, the platform's figures after a discrepancy), a part out of
// order is refused, the local encounter guard keys on encounter + part; the request carries the
// institution's schemes, the filing's work-injury confirmations and the person's assistance; the
// local accumulators become accumulators_after with the new funds.
import { describe, expect, it } from 'vitest';
import { demoSettleRequest, type DemoBill, type DemoWorld } from '../../shared/demo-world';
import { settle } from '../../shared/settlement';
import { seededStationDb } from '../../test/sync/seed-world';
import { createSettleService, type SettleInput } from './index';
import { openTestJournal } from '../../test/support/test-journal';
import { getRow } from '../db';

const TODAY = '2026-06-30';

function setup(
  world: DemoWorld,
  db: Awaited<ReturnType<typeof seededStationDb>>['db'],
  code = 'H46010600001',
) {
  const inst = world.institutions.find((i) => i.fixmedins_code === code)!;
  return createSettleService({
    journal: openTestJournal().port,
    db,
    station: {
      station_id: 'ST-STAY',
      fixmedins_code: code,
      mdtrtarea_admvs: inst.institution.mdtrtarea_admvs,
      hosp_lv: inst.institution.hosp_lv,
    },
  });
}

function input(world: DemoWorld, b: DemoBill, extra: Partial<SettleInput> = {}): SettleInput {
  const person = world.people.find((p) => p.person.psn_no === b.psn_no)!;
  return {
    who: { certno: person.person.certno },
    scheme: b.scheme,
    setl_type: b.setl_type,
    settle_date: b.settle_date,
    admission_date: b.admission_date,
    ...(b.circumstances ? { circumstances: b.circumstances } : {}),
    lines: b.lines,
    ...(b.stay_part ? { stay_part: b.stay_part, encounter_no: b.mdtrt_id } : {}),
    ...extra,
  };
}

const bill = (world: DemoWorld, id: string) => world.bills.find((b) => b.bill_id === id)!;

describe('mid-stay parts at the station', () => {
  it('part 2 follows part 1 settled here: the stay from it, the figures the demo world reference gives', async () => {
    const { db, world } = await seededStationDb({ today: TODAY });
    const service = setup(world, db);
    const [b1, b2] = [bill(world, 'BILL-REHAB-PART1'), bill(world, 'BILL-REHAB-PART2')];
    const p1 = await service.preview(input(world, b1));
    expect(p1.request.stay).toEqual({ part: 1 });
    expect(p1.result.stay_part).toBe(1);
    const row1 = await service.commit(p1, { opter: 'c', encounter_no: b1.mdtrt_id! });
    const p2 = await service.preview(input(world, b2));
    expect(p2.request.stay).toEqual({
      part: 2,
      dedc_left: '0.00',
      inscp_before: p1.result.setlinfo.inscp_scp_amt,
    });
    const reference = settle(
      demoSettleRequest(world, b2, { earlier: [{ request: p1.request, result: p1.result }] }),
    );
    expect(p2.result.setlinfo).toEqual(reference.setlinfo);
    expect(p2.request.accumulators).toEqual(p1.result.accumulators_after);
    const row2 = await service.commit(p2, { opter: 'c', encounter_no: b2.mdtrt_id! });
    // one encounter row, each part its own holder
    expect(await db.encounters.get(b1.mdtrt_id!)).toMatchObject({
      local_setl_id: row1.local_setl_id,
      parts: { '2': row2.local_setl_id },
    });
    // a third month follows the second; the whole stay again is already settled here
    await expect(
      service.commit(await service.preview(input(world, b2, { stay_part: 3 })), {
        opter: 'c',
        encounter_no: b2.mdtrt_id!,
      }),
    ).resolves.toMatchObject({ encounter_no: b2.mdtrt_id });
    const whole = await service.preview(input(world, b1, { stay_part: undefined }));
    await expect(service.commit(whole, { opter: 'c', encounter_no: b1.mdtrt_id! })).rejects.toMatchObject({
      code: 'ALREADY_SETTLED',
    });
    db.close();
  });

  it('refuses a part that does not follow the earlier ones, and a part without an encounter number', async () => {
    const { db, world } = await seededStationDb({ today: TODAY });
    const service = setup(world, db);
    const [b1, b2] = [bill(world, 'BILL-REHAB-PART1'), bill(world, 'BILL-REHAB-PART2')];
    await expect(service.preview(input(world, b2))).rejects.toMatchObject({
      code: 'STAY_PART_OUT_OF_ORDER',
      detail: `${b2.mdtrt_id}: 2 → 1`,
    });
    await expect(service.preview(input(world, b2, { encounter_no: '  ' }))).rejects.toMatchObject({
      code: 'ENCOUNTER_REQUIRED',
    });
    await service.commit(await service.preview(input(world, b1)), { opter: 'c', encounter_no: b1.mdtrt_id! });
    for (const part of [1, 3])
      await expect(service.preview(input(world, b2, { stay_part: part }))).rejects.toMatchObject({
        code: 'STAY_PART_OUT_OF_ORDER',
        message_zh: expect.stringContaining('中途结算段号'),
        detail: `${b1.mdtrt_id}: ${part} → 2`,
      });
    // another encounter number is another stay
    await expect(service.preview(input(world, b2, { encounter_no: 'ZY-OTHER' }))).rejects.toMatchObject({
      code: 'STAY_PART_OUT_OF_ORDER',
    });
    db.close();
  });

  it('a part 1 the platform rejected does not count; after a discrepancy the platform’s figures do', async () => {
    const { db, world } = await seededStationDb({ today: TODAY });
    const service = setup(world, db);
    const [b1, b2] = [bill(world, 'BILL-REHAB-PART1'), bill(world, 'BILL-REHAB-PART2')];
    const p1 = await service.preview(input(world, b1));
    const row1 = await service.commit(p1, { opter: 'c', encounter_no: b1.mdtrt_id! });
    await db.settlements.update(row1.local_setl_id, { status: 'rejected' });
    await expect(service.preview(input(world, b2))).rejects.toMatchObject({ code: 'STAY_PART_OUT_OF_ORDER' });
    const platform = structuredClone(p1.result);
    platform.setlinfo.inscp_scp_amt = '18000.00';
    platform.setlinfo.act_pay_dedc = '1000.00';
    await db.settlements.update(row1.local_setl_id, { status: 'discrepancy', platform_result: platform });
    const p2 = await service.preview(input(world, b2));
    // the stay's deductible (1300 at a level-3 Beijing hospital, first admission) less what was paid
    expect(p2.request.stay).toEqual({ part: 2, dedc_left: '300.00', inscp_before: '18000.00' });
    db.close();
  });

  it('keys the local encounter guard on encounter + part: the same part twice is already settled', async () => {
    const { db, world } = await seededStationDb({ today: TODAY });
    const service = setup(world, db, 'R46010600008');
    const rehab = bill(world, 'BILL-REHAB'); // work-injury rehabilitation: settled by item, parts too
    const part = (n: number) => input(world, rehab, { stay_part: n, encounter_no: 'ZY-WI-REHAB' });
    await service.commit(await service.preview(part(1)), { opter: 'c', encounter_no: 'ZY-WI-REHAB' });
    const twice = [await service.preview(part(2)), await service.preview(part(2))];
    expect(twice[0]!.request.stay).toEqual({ part: 2 });
    const row = await service.commit(twice[0]!, { opter: 'c', encounter_no: 'ZY-WI-REHAB' });
    await expect(
      service.commit(twice[1]!, { opter: 'c', encounter_no: 'ZY-WI-REHAB' }),
    ).rejects.toMatchObject({
      code: 'ALREADY_SETTLED',
      detail: `ZY-WI-REHAB #2 → ${row.local_setl_id}`,
    });
    expect(await db.settlements.count()).toBe(2);
    db.close();
  });

  it('refuses to commit a previewed part under another encounter number than it was computed for', async () => {
    const { db, world } = await seededStationDb({ today: TODAY });
    const service = setup(world, db);
    const b1 = bill(world, 'BILL-REHAB-PART1');
    const p1 = await service.preview(input(world, b1));
    await expect(service.commit(p1, { opter: 'c', encounter_no: 'ZY-ELSEWHERE' })).rejects.toMatchObject({
      code: 'STALE_PREVIEW',
    });
    expect(await db.settlements.count()).toBe(0);
    db.close();
  });
});

describe('the settle/v2 facts a station sends', () => {
  it('the institution’s schemes from its synced row: the device shop refuses medical at the card read', async () => {
    const { db, world } = await seededStationDb({ today: TODAY });
    const service = setup(world, db, 'F46010800009');
    const b = bill(world, 'BILL-SHOP-MEDICAL');
    const { verdict } = await service.assess(input(world, b));
    expect(verdict.reasons.map((r) => r.code)).toEqual(['INSTITUTION_NOT_CONTRACTED']);
    const preview = await service.preview(input(world, b));
    expect(preview.request.institution.schemes).toEqual(['work_injury']);
    expect(preview.request.contract).toBe('settle/v2');
    db.close();
  });

  it('the filing’s work-injury confirmations and the person’s assistance travel with the request', async () => {
    const { db, world } = await seededStationDb({ today: TODAY });
    const service = setup(world, db);
    const wi = await service.preview(input(world, bill(world, 'BILL-WI-REFERRAL')));
    expect(wi.request.filing?.wi_confirmations).toEqual(['injury']);
    expect(wi.request.lines.filter((l) => l.fee_kind).map((l) => l.fee_kind)).toEqual(['meal', 'transport']);
    const assist = await service.preview(input(world, bill(world, 'BILL-ASSIST')));
    expect(assist.request.person.assistance).toBe('low_income');
    expect(Number(assist.result.setlinfo.maf_pay)).toBeGreaterThan(0);
    db.close();
  });

  it('the local accumulators follow accumulators_after, serious illness and assistance included', async () => {
    const { db, world } = await seededStationDb({ today: TODAY });
    const service = setup(world, db);
    const b = bill(world, 'BILL-SERIOUS');
    const first = await service.preview(input(world, b));
    await service.commit(first, { opter: 'c', encounter_no: 'ZY-SI-1' });
    const local = (await getRow(db, 'accumulators', `${b.psn_no}:2026`))!.local;
    expect(local).toEqual(first.result.accumulators_after);
    expect(local).toMatchObject({
      hifmi_base: first.result.accumulators_after.hifmi_base,
      hifmi_pay: first.result.setlinfo.hifmi_pay,
    });
    // the next stay starts above the threshold: all of its share qualifies
    const second = await service.preview(input(world, b));
    expect(second.request.accumulators).toEqual(first.result.accumulators_after);
    expect(Number(second.result.setlinfo.hifmi_pay)).toBeGreaterThan(Number(first.result.setlinfo.hifmi_pay));
    db.close();
  });
});
