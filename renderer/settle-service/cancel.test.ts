// The cancel's rules and its one transaction, on the real database (fake-indexeddb, seeded from the
// demo world) with a real journal: the cashier's own settlement of the day alone; another operator's
// or an earlier day's only with a supervisor's approval; a reason and words; never twice; a stay from
// its last mid-stay part backwards; the accumulators, the encounter, the queue and the audit chain;
// and a journal that refuses the cancel line takes the whole cancel back.
import { describe, expect, it } from 'vitest';
import { openTestJournal } from '../../test/support/test-journal';
import { settleStation } from '../../test/support/settle-station';
import { encounterHolder, verifyAudit, type SettlementRow } from '../db';
import { reversalFigures, type CancelInput, type SettleServiceError } from './index';
import { getRow } from '../db';

const TODAY = '2026-06-30';

const station = (journal = openTestJournal()) => settleStation({ today: TODAY, journal });

const input = (s: SettlementRow, over: Partial<CancelInput> = {}): CancelInput => ({
  local_setl_id: s.local_setl_id,
  reason_code: 'bill_error',
  reason_text: '账单录错，更正后重新结算',
  operator: { id: 'cashier01', role: 'cashier' },
  approval: null,
  today: TODAY,
  ...over,
});
const supervisor = {
  approver: { id: 'supervisor01', name: '张主管', role: 'supervisor' as const },
  at: '2026-06-30T03:00:00.000Z',
};
const code = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e as SettleServiceError).code,
  );

describe('the cancel rule, in the settle service', () => {
  it.each([
    ['own, same day', {}, 'ok'],
    [
      'another operator’s, no approval',
      { operator: { id: 'cashier02', role: 'cashier' as const } },
      'APPROVAL_REQUIRED',
    ],
    ['an earlier day’s, no approval', { today: '2026-07-01' }, 'APPROVAL_REQUIRED'],
    ['an earlier day’s, approved by a supervisor', { today: '2026-07-01', approval: supervisor }, 'ok'],
    [
      'approved by a cashier',
      {
        today: '2026-07-01',
        approval: { ...supervisor, approver: { ...supervisor.approver, role: 'cashier' as const } },
      },
      'APPROVAL_REQUIRED',
    ],
    ['by an administrator', { operator: { id: 'admin01', role: 'admin' as const } }, 'CANCEL_FORBIDDEN'],
    ['without words', { reason_text: '  ' }, 'REASON_REQUIRED'],
    ['with a control character', { reason_text: '错\u0000' }, 'REASON_REQUIRED'],
    ['with a reason not on the list', { reason_code: 'whim' as never }, 'REASON_REQUIRED'],
  ] as [string, Partial<CancelInput>, string][])('%s', async (_, over, expected) => {
    const { db, service, settleOne } = await station();
    const s = await settleOne('ZY-RULE');
    expect(await code(service.cancel(input(s, over)))).toBe(expected);
    if (expected !== 'ok') expect((await db.settlements.get(s.local_setl_id))!.status).toBe('pending');
    db.close();
  });
});

describe('what a cancel does', () => {
  it('in one go: cancelled with who and why, accumulators back, encounter free, 2305 queued, audit appended', async () => {
    const { db, service, settleOne, psn_no, journal } = await station();
    const year = TODAY.slice(0, 4);
    const before = (await getRow(db, 'accumulators', `${psn_no}:${year}`))!.local;
    const s = await settleOne('ZY-1', 'cashier02');
    expect((await getRow(db, 'accumulators', `${psn_no}:${year}`))!.local).not.toEqual(before);
    const row = await service.cancel(input(s, { approval: supervisor }));
    expect(row.cancel).toMatchObject({
      reason_code: 'bill_error',
      opter: 'cashier01',
      approved_by: { id: 'supervisor01', name: '张主管' },
      status_before: 'pending',
      platform: 'pending',
    });
    expect((await getRow(db, 'accumulators', `${psn_no}:${year}`))!.local).toEqual(before);
    expect((await db.encounters.get('ZY-1'))!.local_setl_id).toBeNull();
    expect(await db.cancels.toArray()).toMatchObject([
      { local_setl_id: s.local_setl_id, state: 'queued', after_seq: 1 },
    ]);
    const kinds = (await db.audit.where('local_setl_id').equals(s.local_setl_id).sortBy('id')).map((a) => [
      a.kind,
      a.opter,
    ]);
    expect(kinds).toEqual([
      ['settlement.committed', 'cashier02'],
      ['cancel.approved', 'supervisor01'],
      ['cancel.committed', 'cashier01'],
    ]);
    expect(await verifyAudit(db)).toMatchObject({ intact: true });
    expect(journal.journal.index().map((r) => r.kind)).toEqual(['settlement', 'cancel']);
    // never twice; and the corrected bill settles again for the same encounter
    expect(await code(service.cancel(input(s)))).toBe('ALREADY_CANCELLED');
    expect((await settleOne('ZY-1')).encounter_no).toBe('ZY-1');
    db.close();
  });

  it('the reversal: every amount negated, the funds by fund, the patient’s cash and account back', async () => {
    const { db, service, settleOne } = await station();
    const s = await settleOne('ZY-2');
    const row = await service.cancel(input(s));
    const f = reversalFigures(row);
    const r = s.result.setlinfo;
    expect(f.basis).toBe('station');
    expect(f.setlinfo.medfee_sumamt).toBe(`-${r.medfee_sumamt}`);
    expect(f.refund).toEqual({
      cash: r.psn_cash_pay,
      account: r.acct_pay,
      total: (Number(r.psn_cash_pay) + Number(r.acct_pay)).toFixed(2),
    });
    expect(f.funds.length).toBeGreaterThan(0);
    for (const x of f.funds) expect(x.amount).toMatch(/^-\d+\.\d{2}$/);
    db.close();
  });

  it('a stay is cancelled from its last mid-stay part backwards, each part freeing its own claim', async () => {
    const { db, world, service } = await station();
    const [b1, b2] = ['BILL-REHAB-PART1', 'BILL-REHAB-PART2'].map((id) =>
      world.bills.find((b) => b.bill_id === id)!,
    );
    const person = world.people.find((p) => p.person.psn_no === b1!.psn_no)!;
    const encounter_no = b1!.mdtrt_id!;
    const settlePart = async (b: typeof b1) =>
      service.commit(
        await service.preview({
          who: { certno: person.person.certno },
          scheme: b!.scheme,
          setl_type: b!.setl_type,
          settle_date: b!.settle_date,
          admission_date: b!.admission_date,
          lines: b!.lines,
          stay_part: b!.stay_part!,
          encounter_no,
        }),
        { opter: 'cashier01', encounter_no },
      );
    const part1 = await settlePart(b1);
    const part2 = await settlePart(b2);
    const today = b1!.settle_date;
    expect(await code(service.cancel(input(part1, { today })))).toBe('NOT_LATEST_PART');
    expect(await code(service.cancel(input(part2, { today })))).toBe('ok');
    let enc = (await db.encounters.get(encounter_no))!;
    expect(encounterHolder(enc, 2)).toBeNull();
    expect(encounterHolder(enc, 1)).toBe(part1.local_setl_id);
    expect(await code(service.cancel(input(part1, { today })))).toBe('ok');
    enc = (await db.encounters.get(encounter_no))!;
    expect(encounterHolder(enc, 1)).toBeNull();
    db.close();
  });

  it('a journal that refuses the cancel line takes the cancel back: nothing was cancelled', async () => {
    const journal = openTestJournal();
    const { db, service, settleOne, psn_no } = await station(journal);
    const s = await settleOne('ZY-3');
    const acc = (await getRow(db, 'accumulators', `${psn_no}:2026`))!.local;
    await journal.close(); // the host's journal is gone: every append fails
    expect(await code(service.cancel(input(s)))).toBe('JOURNAL_UNWRITABLE');
    expect(await db.settlements.get(s.local_setl_id)).toMatchObject({ status: 'pending' });
    expect((await db.settlements.get(s.local_setl_id))!.cancel).toBeUndefined();
    expect((await getRow(db, 'accumulators', `${psn_no}:2026`))!.local).toEqual(acc);
    expect((await db.encounters.get('ZY-3'))!.local_setl_id).toBe(s.local_setl_id);
    expect(await db.cancels.count()).toBe(0);
    expect((await db.audit.orderBy('id').last())!.kind).toBe('cancel.withdrawn');
    db.close();
  });
});
