// Acceptance (issue 11): every settle/v2 demo bill settled at the station from its pulled data and
// uploaded to the real platform is confirmed — the platform's recomputation agrees to the fen — and
// a bill the station refuses is refused by the platform for the same reason. The rehabilitation stay's
// part 2 follows part 1 on both sides (the station from its own settlement, the platform from its
// stored one); the station's local accumulators end equal to the platform's, new funds included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DEVICE_SHOP, demoWorld, type DemoBill } from '../../shared/demo-world';
import { V2_SCENARIOS } from '../../shared/demo-world/scenarios-v2';
import type { StationDb } from '../../renderer/db';
import { createSettleService, type SettleInput, type StationProfile } from '../../renderer/settle-service';
import { createPusher, inProcessWriterLock, pullAll, type PlatformPort } from '../../renderer/sync';
import { StationDisk, startTestPlatform, type TestPlatform } from './harness';
import { openTestJournal } from '../support/test-journal';
import { chinaOffsetIso } from '../../shared/protocol';
import { getRow } from '../../renderer/db';

/** Each v2 demo bill and what must become of it: confirmed, or refused by both with this code. */
const TABLE: { bill: string; expect: 'confirmed' | string; check?: (s: Record<string, string>) => void }[] = [
  { bill: 'BILL-SERIOUS', expect: 'confirmed', check: (s) => expect(Number(s.hifmi_pay)).toBeGreaterThan(0) },
  { bill: 'BILL-ASSIST', expect: 'confirmed', check: (s) => expect(Number(s.maf_pay)).toBeGreaterThan(0) },
  { bill: 'BILL-WI-REFERRAL', expect: 'confirmed', check: (s) => expect(s.fulamt_ownpay_amt).toBe('760.00') },
  { bill: 'BILL-WI-LAPSED', expect: 'FILING_EXPIRED' },
  { bill: 'BILL-REHAB-PART1', expect: 'confirmed' },
  { bill: 'BILL-REHAB-PART2', expect: 'confirmed', check: (s) => expect(s.act_pay_dedc).toBe('0.00') },
  { bill: 'BILL-SHOP-MEDICAL', expect: 'INSTITUTION_NOT_CONTRACTED' },
  { bill: 'BILL-EMERGENCY-EXPIRED', expect: 'confirmed' },
];

let tp: TestPlatform;
beforeAll(async () => {
  tp = await startTestPlatform({ seed: 'sync-v2-demo' });
});
afterAll(async () => tp?.close());

function inputFor(bill: DemoBill, certno: string, today: string): SettleInput {
  return {
    who: { certno },
    scheme: bill.scheme,
    setl_type: bill.setl_type,
    settle_date: today,
    admission_date: bill.admission_date,
    ...(bill.circumstances ? { circumstances: bill.circumstances } : {}),
    lines: bill.lines,
    ...(bill.stay_part ? { stay_part: bill.stay_part, encounter_no: bill.mdtrt_id } : {}),
  };
}

interface Counter {
  db: StationDb;
  port: PlatformPort;
  station: StationProfile;
}

describe('settle/v2 demo bills: station and platform agree', () => {
  it('covers every bill of the v2 scenarios', () => {
    const world = demoWorld({ seed: 'sync-v2-demo', today: tp.today, catalogSize: 1 });
    const keys = new Set(V2_SCENARIOS.map((s) => s.key));
    const v2 = world.bills.filter((b) => keys.has(b.scenario)).map((b) => b.bill_id);
    expect(TABLE.map((r) => r.bill).sort()).toEqual(v2.sort());
  });

  it('each one settled at the counter and uploaded: confirmed, or refused by both for the same reason', async () => {
    const world = tp.platform.world;
    const hospital: Counter = { db: await new StationDisk().open(), port: tp.port(), station: tp.station };
    const shop: Counter = {
      db: await new StationDisk().open(),
      port: tp.shopPort(),
      station: tp.shopStation,
    };
    for (const c of [hospital, shop]) await pullAll(c.db, c.port);

    for (const row of TABLE) {
      const bill = world.bills.find((b) => b.bill_id === row.bill)!;
      const counter = bill.fixmedins_code === DEMO_DEVICE_SHOP ? shop : hospital;
      const person = world.people.find((p) => p.person.psn_no === bill.psn_no)!;
      const service = createSettleService({
        db: counter.db,
        station: counter.station,
        journal: openTestJournal().port,
      });
      const preview = await service.preview(inputFor(bill, person.person.certno, tp.today));
      if (row.expect !== 'confirmed') {
        expect(
          preview.result.refusal.map((r) => r.code),
          row.bill,
        ).toEqual([row.expect]);
        // The station never uploads a refused bill; sent anyway, the platform refuses it alike.
        const out = (await counter.port.call('8201', {
          data: {
            settlements: [
              {
                local_setl_id: `V2-REFUSED-${row.bill}`,
                station_id: counter.station.station_id,
                opter: 'cashier-01',
                settled_at: chinaOffsetIso(Date.now()),
                mdtrt_id: bill.mdtrt_id!,
                request: preview.request,
                result: preview.result,
                data_versions: {},
              },
            ],
          },
        })) as { results: { outcome: string; reasons?: { code: string }[] }[] };
        expect(out.results[0], row.bill).toMatchObject({
          outcome: 'rejected',
          reasons: [{ code: row.expect }],
        });
        continue;
      }
      expect(preview.result.status, row.bill).toBe('settled');
      row.check?.(preview.result.setlinfo);
      await service.commit(preview, { opter: 'cashier-01', encounter_no: bill.mdtrt_id! });
      // upload now, so a later part follows a part the platform has settled
      expect(
        (await createPusher({ db: counter.db, port: counter.port, lock: inProcessWriterLock() }).drain())
          .outcome,
      ).toBe('drained');
    }

    const settled = await hospital.db.settlements.toArray();
    expect(settled.map((s) => [s.encounter_no, s.status])).toEqual(
      TABLE.filter((r) => r.expect === 'confirmed').map((r) => {
        const bill = world.bills.find((b) => b.bill_id === r.bill)!;
        return [bill.mdtrt_id, 'confirmed'];
      }),
    );
    const part2 = settled.find((s) => s.request.stay?.part === 2)!;
    expect(part2.result.stay_part).toBe(2);

    // Every person's local figures equal the platform's, serious illness and assistance included.
    const year = Number(tp.today.slice(0, 4));
    for (const psn of new Set(settled.map((s) => s.psn_no))) {
      const local = (await getRow(hospital.db, 'accumulators', `${psn}:${year}`))!.local;
      const platform = (await tp.admin.accumulators(psn, year)).accumulators;
      expect(platform, psn).toEqual(local);
    }
    hospital.db.close();
    shop.db.close();
  }, 120_000);
});
