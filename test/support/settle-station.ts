// A settle service over the real database (fake-indexeddb, seeded from the demo world) and a real
// journal, for the settle service's unit tests, with a helper that settles the demo pneumonia bill
// (BILL-PNEUMONIA) for an encounter number.
import type { SettleServiceDeps } from '../../renderer/settle-service';
import { createSettleService } from '../../renderer/settle-service';
import { openTestJournal } from './test-journal';
import { seededStationDb } from '../sync/seed-world';

export async function settleStation(
  opts: { today?: string; journal?: ReturnType<typeof openTestJournal>; now?: SettleServiceDeps['now'] } = {},
) {
  const today = opts.today ?? '2026-06-30';
  const journal = opts.journal ?? openTestJournal();
  const { db, world } = await seededStationDb({ today });
  const bill = world.bills.find((b) => b.bill_id === 'BILL-PNEUMONIA')!;
  const inst = world.institutions.find((i) => i.fixmedins_code === bill.fixmedins_code)!;
  const service = createSettleService({
    db,
    journal: journal.port,
    ...(opts.now ? { now: opts.now } : {}),
    station: {
      station_id: 'ST-UNIT',
      fixmedins_code: inst.fixmedins_code,
      mdtrtarea_admvs: inst.institution.mdtrtarea_admvs,
      hosp_lv: inst.institution.hosp_lv,
    },
  });
  const person = world.people.find((p) => p.person.psn_no === bill.psn_no)!;
  const settleOne = async (encounter_no: string, opter = 'cashier01') => {
    const preview = await service.preview({
      who: { certno: person.person.certno },
      scheme: bill.scheme,
      setl_type: bill.setl_type,
      settle_date: today,
      admission_date: bill.admission_date,
      lines: bill.lines,
    });
    return service.commit(preview, { opter, encounter_no });
  };
  return { db, world, service, settleOne, journal, psn_no: bill.psn_no };
}
