import Dexie from 'dexie';
import { IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { demoSettleRequest, type DemoBill, type DemoWorld } from '../../shared/demo-world';
import { settle } from '../../shared/settlement';
import { failingStore } from '../../test/support/failing-store';
import { seededStationDb } from '../../test/sync/seed-world';
import { openTestJournal } from '../../test/support/test-journal';
import { awaitReleases, findFilings, StationDb, StationDbError } from '../db';
import {
  createSettleService,
  SettleServiceError,
  type CommitOptions,
  type SettleInput,
  type StationProfile,
} from './index';
import { getRow } from '../db';

const TODAY = '2026-06-30';

function stationFor(world: DemoWorld, fixmedins_code: string): StationProfile {
  const inst = world.institutions.find((i) => i.fixmedins_code === fixmedins_code)!;
  return {
    station_id: 'ST-UNIT',
    fixmedins_code,
    mdtrtarea_admvs: inst.institution.mdtrtarea_admvs,
    hosp_lv: inst.institution.hosp_lv,
  };
}

function inputFor(world: DemoWorld, bill: DemoBill): SettleInput {
  const person = world.people.find((p) => p.person.psn_no === bill.psn_no)!;
  const input: SettleInput = {
    who: { certno: person.person.certno },
    scheme: bill.scheme,
    setl_type: bill.setl_type,
    settle_date: bill.settle_date,
    admission_date: bill.admission_date,
    lines: bill.lines,
  };
  if (bill.circumstances) input.circumstances = bill.circumstances;
  if (bill.dise_codg) input.dise_codg = bill.dise_codg;
  if (bill.stay_part !== undefined) {
    input.stay_part = bill.stay_part;
    input.encounter_no = bill.mdtrt_id;
  }
  return input;
}

const bill = (world: DemoWorld, id: string) => world.bills.find((b) => b.bill_id === id)!;

/** The person's cached filings, stored again without the person's insurance type. */
async function dropInsutype(db: StationDb, psn_no: string): Promise<void> {
  for (const row of await findFilings(db, { psn_no })) {
    const { insutype: _gone, ...person } = row.person;
    await db.filings.put({ ...row, person });
  }
}

/** A journal whose disk is full (every write fails with ENOSPC) while `disk.full` is true. */
function fillableJournal(full: boolean) {
  const disk = { full };
  const journal = openTestJournal({
    io: {
      write: async (fd, data, position) => {
        if (disk.full) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        return (await import('node:fs')).writeSync(fd, data, 0, data.length, position);
      },
    },
  });
  return { journal, disk };
}
describe('settle service', () => {
  it('builds from cached data the same request and figures as the demo world reference, for every demo bill of a filed person', async () => {
    const { db, world } = await seededStationDb({ today: TODAY });
    let compared = 0;
    // the parts of a stay: each committed here, so the next part follows it on both sides
    const parts: Parameters<typeof demoSettleRequest>[2] & {} = { earlier: [] };
    for (const b of world.bills) {
      if (b.scenario === 'local-patient' || b.scenario === 'emergency-unfiled') continue; // no filing: needs 1101 online
      const service = createSettleService({
        journal: openTestJournal().port,
        db,
        station: stationFor(world, b.fixmedins_code),
      });
      const preview = await service.preview(inputFor(world, b));
      const request = demoSettleRequest(world, b, b.stay_part ? parts : {});
      const reference = settle(request);
      expect(preview.result.setlinfo, b.bill_id).toEqual(reference.setlinfo);
      expect(preview.result.status, b.bill_id).toBe(reference.status);
      expect(preview.request.stay, b.bill_id).toEqual(request.stay);
      expect(preview.request.institution, b.bill_id).toEqual(request.institution);
      if (b.stay_part) {
        await service.commit(preview, { opter: 'c', encounter_no: b.mdtrt_id! });
        parts.earlier!.push({ request, result: reference });
      }
      compared++;
    }
    expect(parts.earlier).toHaveLength(2);
    expect(compared).toBeGreaterThan(10);
    db.close();
  });

  it('commits settlement, outbox entry, local accumulators, encounter and audit together; the next settlement sees the accumulators', async () => {
    const { db, world } = await seededStationDb({ today: TODAY });
    const b = bill(world, 'BILL-PNEUMONIA');
    const service = createSettleService({
      journal: openTestJournal().port,
      db,
      station: stationFor(world, b.fixmedins_code),
      now: () => new Date('2026-06-30T02:00:00Z'),
    });
    const first = await service.preview(inputFor(world, b));
    const row = await service.commit(first, { opter: 'cashier-1', encounter_no: 'ZY0001' });
    expect(row.settled_at).toBe('2026-06-30T10:00:00+08:00');
    expect(await db.settlements.get(row.local_setl_id)).toMatchObject({
      status: 'pending',
      encounter_no: 'ZY0001',
    });
    expect(await db.outbox.where('local_setl_id').equals(row.local_setl_id).count()).toBe(1);
    expect(await db.encounters.get('ZY0001')).toMatchObject({ local_setl_id: row.local_setl_id });
    expect(await db.audit.where('local_setl_id').equals(row.local_setl_id).first()).toMatchObject({
      kind: 'settlement.committed',
    });
    const acc = await getRow(db, 'accumulators', `${b.psn_no}:2026`);
    expect(acc!.local).toEqual(first.result.accumulators_after);
    expect(acc!.platform.inpatient_admissions).toBe(1);

    const second = await service.preview(inputFor(world, bill(world, 'BILL-HIP')));
    expect(second.request.accumulators).toEqual(first.result.accumulators_after);
    expect(second.result.accumulators_after.inpatient_admissions).toBe(3);
    await expect(
      service.commit(await service.preview(inputFor(world, b)), { opter: 'c', encounter_no: 'ZY0001' }),
    ).rejects.toMatchObject({ code: 'ALREADY_SETTLED' });
    db.close();
  });

  it.each([
    ['no encounter number', undefined],
    ['an empty one', ''],
    ['blanks only', '   '],
    ['one longer than 8201 mdtrt_id allows', 'Z'.repeat(65)],
    ['a NUL in it', 'ZY\u00000001'],
    ['a line break in it', 'ZY0001\nZY0002'],
    ['a number instead of text', 10001],
  ])('refuses a commit with %s and writes nothing', async (_what, encounter_no) => {
    const { db, world } = await seededStationDb({ today: TODAY });
    const service = createSettleService({
      journal: openTestJournal().port,
      db,
      station: stationFor(world, 'H46010600001'),
    });
    const preview = await service.preview(inputFor(world, bill(world, 'BILL-PNEUMONIA')));
    // A caller outside TypeScript's reach (the page's own JavaScript, a stored draft) can still omit it.
    const opts = { opter: 'c', encounter_no } as unknown as CommitOptions;
    const err = await service.commit(preview, opts).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SettleServiceError);
    expect(err).toMatchObject({ code: 'ENCOUNTER_REQUIRED', message_zh: expect.stringContaining('就诊号') });
    expect(await db.settlements.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.encounters.count()).toBe(0);
    db.close();
  });

  it('stores the encounter number without surrounding blanks, so a retyped one is the same encounter', async () => {
    const { db, world } = await seededStationDb({ today: TODAY });
    const service = createSettleService({
      journal: openTestJournal().port,
      db,
      station: stationFor(world, 'H46010600001'),
    });
    const row = await service.commit(await service.preview(inputFor(world, bill(world, 'BILL-OUTPATIENT'))), {
      opter: 'c',
      encounter_no: '  MZ-77 ',
    });
    expect(row.encounter_no).toBe('MZ-77');
    await expect(
      service.commit(await service.preview(inputFor(world, bill(world, 'BILL-OUTPATIENT'))), {
        opter: 'c',
        encounter_no: 'MZ-77',
      }),
    ).rejects.toMatchObject({ code: 'ALREADY_SETTLED' });
    expect(await db.settlements.count()).toBe(1);
    db.close();
  });

  it('refuses a commit whose preview is stale, and a refused bill, and writes nothing', async () => {
    const { db, world } = await seededStationDb({ today: TODAY });
    const service = createSettleService({
      journal: openTestJournal().port,
      db,
      station: stationFor(world, 'H46010600001'),
    });
    const a = await service.preview(inputFor(world, bill(world, 'BILL-PNEUMONIA')));
    const b = await service.preview(inputFor(world, bill(world, 'BILL-HIP')));
    await service.commit(a, { opter: 'c', encounter_no: 'ZY-A' });
    await expect(service.commit(b, { opter: 'c', encounter_no: 'ZY-B' })).rejects.toMatchObject({
      code: 'STALE_PREVIEW',
    });
    const refused = await service.preview(inputFor(world, bill(world, 'BILL-APPENDIX')));
    expect(refused.result.status).toBe('refused');
    const err = await service.commit(refused, { opter: 'c', encounter_no: 'ZY-C' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SettleServiceError);
    expect(err).toMatchObject({ code: 'NOT_SETTLED' });
    expect((err as SettleServiceError).message_zh).toMatch(/全自费/);
    expect(await db.settlements.count()).toBe(1);
    expect(await db.outbox.count()).toBe(1);
    db.close();
  });

  it('says clearly when the person, the policy or the bill is missing or wrong', async () => {
    const { db, world } = await seededStationDb({ today: TODAY });
    const service = createSettleService({
      journal: openTestJournal().port,
      db,
      station: stationFor(world, 'H46010600001'),
    });
    const b = bill(world, 'BILL-OUTPATIENT');
    await expect(
      service.preview({ ...inputFor(world, b), who: { certno: '110101199001011237' } }),
    ).rejects.toMatchObject({ code: 'PERSON_NOT_FOUND' });
    await expect(service.preview({ ...inputFor(world, b), settle_date: '2019-01-01' })).rejects.toMatchObject(
      { code: 'NO_POLICY' },
    );
    const badLine = { ...b.lines[0]!, det_item_fee_sumamt: '99999.00' };
    await expect(service.preview({ ...inputFor(world, b), lines: [badLine] })).rejects.toMatchObject({
      code: 'INVALID_BILL',
    });
    db.close();
  });

  /** A seeded station whose disk fills up at the last write of the commit transaction (the audit
   * row), as IndexedDB reports it: a QuotaExceededError DOMException from the store. */
  async function fullDiskDb() {
    const { db: seeded, world, indexedDB } = await seededStationDb({ today: TODAY });
    seeded.close();
    const db = new StationDb('station', { indexedDB, IDBKeyRange });
    db.use(
      failingStore('audit', () => new DOMException('The quota has been exceeded.', 'QuotaExceededError')),
    );
    await db.open();
    return { db, world };
  }

  it('a full disk during commit leaves nothing half-written and says so in Chinese and English', async () => {
    const { db, world } = await fullDiskDb();
    const b = bill(world, 'BILL-PNEUMONIA');
    const journal = openTestJournal();
    const withdrawn: string[] = [];
    const service = createSettleService({
      journal: {
        ...journal.port,
        withdraw: async (w) => {
          withdrawn.push(w.reason);
          return journal.port.withdraw(w);
        },
      },
      db,
      station: stationFor(world, b.fixmedins_code),
    });
    const before = await getRow(db, 'accumulators', `${b.psn_no}:2026`);
    const err = await service
      .commit(await service.preview(inputFor(world, b)), { opter: 'c', encounter_no: 'ZY-D' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StationDbError);
    expect(err).toMatchObject({ code: 'QUOTA_EXCEEDED' });
    expect(await db.settlements.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await getRow(db, 'accumulators', `${b.psn_no}:2026`)).toEqual(before);
    expect(Dexie.currentTransaction).toBeNull();
    // The line went beside the transaction's writes and was on disk when the transaction failed: it
    // was withdrawn, cut off as the last line, so the journal is as it was (empty).
    expect(withdrawn).toEqual(['QUOTA_EXCEEDED']);
    expect(journal.journal.index()).toEqual([]);
    expect(journal.journal.status()).toMatchObject({ lines: 0, bytes: 0, writable: true });
    db.close();
    await journal.remove();
  });

  it('a failed commit whose line cannot be withdrawn says so: not settled, check it by hand', async () => {
    const { db, world } = await fullDiskDb();
    const b = bill(world, 'BILL-PNEUMONIA');
    let syncs = 0;
    // the line's own fsync succeeds; the disk fails right after, when the line is to be cut off
    const journal = openTestJournal({
      io: {
        datasync: async () => {
          if (++syncs > 1) throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
        },
      },
    });
    const service = createSettleService({
      journal: journal.port,
      db,
      station: stationFor(world, b.fixmedins_code),
    });
    const err = await service
      .commit(await service.preview(inputFor(world, b)), { opter: 'c', encounter_no: 'ZY-W' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SettleServiceError);
    expect(err).toMatchObject({ code: 'JOURNAL_WITHDRAW_FAILED' });
    expect((err as SettleServiceError).message_zh).toMatch(/本笔未结算.*未能撤回.*信息科/);
    expect((err as SettleServiceError).message_en).toContain('EIO');
    expect((err as SettleServiceError).cause).toMatchObject({ code: 'QUOTA_EXCEEDED' });
    expect(await db.settlements.count()).toBe(0);
    expect(journal.journal.status()).toMatchObject({ writable: false, lastError: { code: 'EIO' } });
    db.close();
    await journal.remove();
  });

  it('a journal that cannot be written (disk full) takes the settlement back: nothing committed, a clear message', async () => {
    const { db, world } = await seededStationDb({ today: TODAY });
    const b = bill(world, 'BILL-PNEUMONIA');
    const { journal, disk } = fillableJournal(true);
    const service = createSettleService({
      journal: journal.port,
      db,
      station: stationFor(world, b.fixmedins_code),
    });
    const key = `${b.psn_no}:2026`;
    const before = await getRow(db, 'accumulators', key);
    const preview = await service.preview(inputFor(world, b));
    const err = await service.commit(preview, { opter: 'c', encounter_no: 'ZY-J' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SettleServiceError);
    expect(err).toMatchObject({ code: 'JOURNAL_UNWRITABLE' });
    expect((err as SettleServiceError).message_zh).toMatch(/结算日志无法写入.*未结算/);
    expect((err as SettleServiceError).message_zh).toContain('ENOSPC');
    expect(await db.settlements.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.encounters.get('ZY-J')).toBeUndefined();
    expect(await getRow(db, 'accumulators', key)).toEqual(before);
    expect((await db.audit.toArray()).map((a) => a.kind)).toContain('settlement.withdrawn');
    expect(journal.journal.index()).toEqual([]);
    // Space again: the same preview settles, and its line is on disk.
    disk.full = false;
    const row = await service.commit(preview, { opter: 'c', encounter_no: 'ZY-J' });
    expect(journal.journal.index()).toEqual([
      expect.objectContaining({ kind: 'settlement', id: row.local_setl_id }),
    ]);
    // released for upload after the commit answered (the push waits for that)
    await awaitReleases(db);
    expect((await db.outbox.toArray()).map((e) => e.state)).toEqual(['queued']);
    db.close();
    await journal.remove();
  });
});

describe('the verdict after a card read and the settle request come from one function', () => {
  const assessInput = (input: SettleInput) => {
    const { lines: _lines, acct_used: _acct, ...rest } = input;
    return rest;
  };

  it('for every demo bill, the verdict refuses exactly what step 1 of the settlement refuses', async () => {
    const { db, world } = await seededStationDb({ today: TODAY });
    let compared = 0;
    for (const b of world.bills) {
      if (b.scenario === 'local-patient' || b.scenario === 'emergency-unfiled') continue; // no filing: needs 1101 online
      const service = createSettleService({
        journal: openTestJournal().port,
        db,
        station: stationFor(world, b.fixmedins_code),
      });
      const input = inputFor(world, b);
      const { verdict } = await service.assess(assessInput(input));
      const preview = await service.preview(input);
      const settled = preview.result.refusal.map((r) => r.code);
      // a bill may add its own refusals (lines); the person's never go missing or appear from nowhere
      for (const r of verdict.reasons) expect(settled, `${b.bill_id} ${r.code}`).toContain(r.code);
      expect(verdict.canSettle, b.bill_id).toBe(verdict.reasons.length === 0);
      if (verdict.canSettle) expect(preview.result.status, b.bill_id).toBe('settled');
      // a later part of a stay follows this one
      if (b.stay_part) await service.commit(preview, { opter: 'c', encounter_no: b.mdtrt_id! });
      compared++;
    }
    expect(compared).toBeGreaterThan(10);
    db.close();
  });

  it('a person without an insurance type: the verdict says so, and preview refuses with the same code', async () => {
    const { db, world } = await seededStationDb({ today: TODAY });
    const b = bill(world, 'BILL-PNEUMONIA');
    await dropInsutype(db, b.psn_no);
    const service = createSettleService({
      journal: openTestJournal().port,
      db,
      station: stationFor(world, b.fixmedins_code),
    });
    const input = inputFor(world, b);
    const assessed = await service.assess(assessInput(input));
    expect(assessed.verdict.canSettle).toBe(false);
    expect(assessed.verdict.reasons.map((r) => r.code)).toContain('NO_INSUTYPE');
    expect(assessed.verdict.reasons[0]!.zh).toMatch(/险种/);
    await expect(service.preview(input)).rejects.toMatchObject({ code: 'NO_INSUTYPE' });
    db.close();
  });

  it('work injury needs no insurance type of the person: neither the verdict nor preview asks for one', async () => {
    const { db, world } = await seededStationDb({ today: TODAY });
    const b = bill(world, 'BILL-PROSTHESIS');
    await dropInsutype(db, b.psn_no);
    const service = createSettleService({
      journal: openTestJournal().port,
      db,
      station: stationFor(world, b.fixmedins_code),
    });
    const input = inputFor(world, b);
    expect((await service.assess(assessInput(input))).verdict.reasons.map((r) => r.code)).not.toContain(
      'NO_INSUTYPE',
    );
    expect((await service.preview(input)).result.status).toBe('settled');
    db.close();
  });

  it('no policy in force: the verdict says so, and preview refuses with the same code', async () => {
    const { db, world } = await seededStationDb({ today: TODAY });
    const service = createSettleService({
      journal: openTestJournal().port,
      db,
      station: stationFor(world, 'H46010600001'),
    });
    const input = { ...inputFor(world, bill(world, 'BILL-OUTPATIENT')), settle_date: '2019-01-01' };
    const assessed = await service.assess(assessInput(input));
    expect(assessed.verdict).toMatchObject({ canSettle: false });
    expect(assessed.verdict.reasons[0]).toMatchObject({ code: 'NO_POLICY' });
    await expect(service.preview(input)).rejects.toMatchObject({ code: 'NO_POLICY' });
    db.close();
  });
});

describe('resolving a task', () => {
  it('records the resolution and the audit entry; a settlement that is not an open task is refused in words', async () => {
    const { db, world } = await seededStationDb({ today: TODAY });
    const b = bill(world, 'BILL-PNEUMONIA');
    const service = createSettleService({
      journal: openTestJournal().port,
      db,
      station: stationFor(world, b.fixmedins_code),
    });
    const row = await service.commit(await service.preview(inputFor(world, b)), {
      opter: 'c',
      encounter_no: 'ZY1',
    });
    const err = await service.resolveTask(row.local_setl_id, 'refunded 12.00', 'c').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SettleServiceError);
    expect(err).toMatchObject({ code: 'NOT_OPEN_TASK' });
    expect((err as SettleServiceError).message_zh).toMatch(/不是待处理事项/);
    await db.settlements.update(row.local_setl_id, { status: 'discrepancy' });
    await service.resolveTask(row.local_setl_id, 'refunded 12.00', 'supervisor01');
    expect(await db.settlements.get(row.local_setl_id)).toMatchObject({ resolution: 'refunded 12.00' });
    expect(await db.audit.where('kind').equals('task.resolved').first()).toMatchObject({
      detail: { opter: 'supervisor01', status: 'discrepancy' },
    });
    db.close();
  });

  it('the note is a journal line; a journal that refuses it leaves the task open and says so', async () => {
    const { db, world } = await seededStationDb({ today: TODAY });
    const b = bill(world, 'BILL-PNEUMONIA');
    const { journal, disk } = fillableJournal(false);
    const service = createSettleService({
      journal: journal.port,
      db,
      station: stationFor(world, b.fixmedins_code),
    });
    const [one, two] = [
      await service.commit(await service.preview(inputFor(world, b)), { opter: 'c', encounter_no: 'ZY-N1' }),
      await service.commit(await service.preview(inputFor(world, b)), { opter: 'c', encounter_no: 'ZY-N2' }),
    ];
    for (const r of [one, two]) await db.settlements.update(r.local_setl_id, { status: 'discrepancy' });
    await service.resolveTask(one.local_setl_id, '已补收差额 12.00', 'supervisor01');
    const lines = await journal.port.get({ ids: [one.local_setl_id] });
    expect(lines.entries.filter((e) => e.kind === 'resolution')).toEqual([
      expect.objectContaining({
        body: { on: 'settlement', note: '已补收差额 12.00', opter: 'supervisor01' },
      }),
    ]);
    disk.full = true;
    const err = await service
      .resolveTask(two.local_setl_id, '已退差额', 'supervisor01')
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'JOURNAL_UNWRITABLE' });
    expect(await db.settlements.get(two.local_setl_id)).toMatchObject({
      resolved_at: null,
      resolution: null,
    });
    expect((await db.audit.toArray()).map((a) => a.kind)).toContain('task.resolution_withdrawn');
    db.close();
    await journal.remove();
  });
});
