// Settling the platform's tasks at the counter, on the real database (fake-indexeddb, seeded from the
// demo world) with a real journal: a discrepancy's side-by-side figures and the cash difference at the
// platform's figures; a rejection converted to self-pay only with another person's supervisor
// approval; a rejection corrected and settled again under a new local id; each recorded with its
// audit entry and journal line, never twice; and the handover's transactions over the same rows.
import { describe, expect, it } from 'vitest';
import { Decimal, formatAmount } from '../../shared/money';
import type { SettleResult } from '../../shared/settlement';
import { settleStation } from '../../test/support/settle-station';
import { verifyAudit, type SettlementRow } from '../db';
import { applyAnswers } from '../sync/answers';
import type { SettleServiceError } from './index';
import { selfPayOwed, sideBySide } from './correction';

const TODAY = '2026-06-30';
let clock = Date.parse('2026-06-30T01:00:00Z');

const station = () => settleStation({ today: TODAY, now: () => new Date((clock += 60_000)) });

/** The platform's own figures: 10.00 more from the pooled fund, 10.00 less cash. */
function platformSide(s: SettlementRow): SettleResult {
  const r = structuredClone(s.result);
  const plus = (v: string, d: string) => formatAmount(new Decimal(v).plus(d));
  r.setlinfo.hifp_pay = plus(r.setlinfo.hifp_pay, '10.00');
  r.setlinfo.fund_pay_sumamt = plus(r.setlinfo.fund_pay_sumamt, '10.00');
  r.setlinfo.psn_cash_pay = plus(r.setlinfo.psn_cash_pay, '-10.00');
  if (r.setldetail?.[0]) r.setldetail[0].fund_payamt = plus(r.setldetail[0].fund_payamt, '10.00');
  return r;
}

async function answer(
  db: Awaited<ReturnType<typeof station>>['db'],
  s: SettlementRow,
  kind: 'discrepancy' | 'rejected',
) {
  await db.outbox.where('local_setl_id').equals(s.local_setl_id).modify({ state: 'queued' });
  const a =
    kind === 'discrepancy'
      ? {
          local_setl_id: s.local_setl_id,
          outcome: 'discrepancy' as const,
          setl_id: 'SETL-P-1',
          platform_result: platformSide(s),
          differences: [{ field: 'hifp_pay' as const, station: s.result.setlinfo.hifp_pay, platform: 'x' }],
        }
      : {
          local_setl_id: s.local_setl_id,
          outcome: 'rejected' as const,
          reasons: [{ code: 'FILING_NOT_FOUND', message: '未查询到有效备案', message_en: 'No valid filing' }],
        };
  await applyAnswers(db, [{ local_setl_id: s.local_setl_id, answer: a }], new Date(clock).toISOString());
  return (await db.settlements.get(s.local_setl_id))!;
}

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e as SettleServiceError).code,
  );
const supervisor = (id = 'supervisor01') => ({
  approver: { id, name: '张主管', role: 'supervisor' as const },
  at: new Date(clock).toISOString(),
});

describe('a discrepancy settled at the counter', () => {
  it('shows both sides field by field and fund by fund, refunds the difference, once', async () => {
    const { db, service, settleOne, journal } = await station();
    const s = await answer(db, await settleOne('ZY-D-1'), 'discrepancy');
    const side = sideBySide(s);
    expect(side.cash).toBe('-10.00');
    expect(side.fields.find((f) => f.field === 'hifp_pay')!.difference).toBe('10.00');
    expect(side.funds.some((f) => f.difference === '10.00')).toBe(true);
    const done = await service.correct({
      kind: 'discrepancy',
      local_setl_id: s.local_setl_id,
      opter: 'cashier01',
    });
    expect(done.correction).toMatchObject({ kind: 'discrepancy', cash: '-10.00', opter: 'cashier01' });
    expect(done.resolved_at).not.toBeNull();
    expect(
      await code(
        service.correct({ kind: 'discrepancy', local_setl_id: s.local_setl_id, opter: 'cashier01' }),
      ),
    ).toBe('NOT_OPEN_TASK');
    const audit = await db.audit.where('local_setl_id').equals(s.local_setl_id).toArray();
    expect(audit.map((a) => a.kind)).toContain('task.corrected');
    expect(await verifyAudit(db)).toMatchObject({ intact: true });
    const lines = journal.journal.index().filter((r) => r.id === s.local_setl_id);
    expect(lines.map((r) => r.kind)).toContain('resolution');
  });
});

describe('a rejection', () => {
  it('converts to self-pay only with another person’s supervisor approval; the patient owes the rest', async () => {
    const { db, service, settleOne } = await station();
    const s = await answer(db, await settleOne('ZY-R-1'), 'rejected');
    const base = { kind: 'self_pay' as const, local_setl_id: s.local_setl_id, opter: 'cashier01' };
    expect(await code(service.correct({ ...base, approval: null }))).toBe('APPROVAL_REQUIRED');
    expect(
      await code(
        service.correct({
          ...base,
          approval: { ...supervisor(), approver: { ...supervisor().approver, role: 'cashier' } },
        }),
      ),
    ).toBe('APPROVAL_REQUIRED');
    expect(await code(service.correct({ ...base, opter: 'supervisor01', approval: supervisor() }))).toBe(
      'OWN_APPROVAL',
    );
    const done = await service.correct({ ...base, approval: supervisor() });
    const r = s.result.setlinfo;
    expect(done.correction!.cash).toBe(selfPayOwed(s));
    expect(new Decimal(done.correction!.cash).plus(r.psn_cash_pay).eq(r.medfee_sumamt)).toBe(true);
    expect(done.correction!.approved_by?.id).toBe('supervisor01');
    const kinds = (await db.audit.where('local_setl_id').equals(s.local_setl_id).toArray()).map(
      (a) => a.kind,
    );
    expect(kinds).toEqual(expect.arrayContaining(['self_pay.approved', 'task.corrected']));
    // its cash is dealt with: no cancel refunds it again
    expect(
      await code(
        service.cancel({
          local_setl_id: s.local_setl_id,
          reason_code: 'bill_error',
          reason_text: '重复',
          operator: { id: 'cashier01', role: 'cashier' },
          approval: null,
          today: TODAY,
        }),
      ),
    ).toBe('SETTLED_OTHERWISE');
    // the handover counts the bill and the cash, and no fund or account payment for it
    const h = await service.openHandover({ opter: 'cashier01', counted_cash: r.medfee_sumamt });
    expect(h.figures.funds).toEqual([]);
    expect(h.figures.acct_pay).toBe('0.00');
    expect(h.figures.cash_collected).toBe(r.medfee_sumamt);
    expect(h.figures.expected_cash).toBe(r.medfee_sumamt);
  });

  it('corrected and settled again: the cash goes back, the encounter is free for a new local id', async () => {
    const { db, service, settleOne } = await station();
    const s = await answer(db, await settleOne('ZY-R-2'), 'rejected');
    expect(await code(settleOne('ZY-R-2'))).toBe('ALREADY_SETTLED');
    const done = await service.correct({
      kind: 'resettle',
      local_setl_id: s.local_setl_id,
      opter: 'cashier01',
    });
    expect(done.correction!.cash).toBe(formatAmount(new Decimal(s.result.setlinfo.psn_cash_pay).negated()));
    const again = await settleOne('ZY-R-2');
    expect(again.local_setl_id).not.toBe(s.local_setl_id);
  });
});

describe('handovers on the database', () => {
  it('open with counted cash, confirm by another supervisor, immutable; withdraw only the latest draft', async () => {
    const { db, service, settleOne } = await station();
    const a = await settleOne('ZY-H-1');
    await settleOne('ZY-H-2', 'cashier02');
    expect(await code(service.openHandover({ opter: 'cashier01', counted_cash: '-1' }))).toBe('INVALID_CASH');
    const h1 = await service.openHandover({ opter: 'cashier01', counted_cash: '100.00' });
    expect(h1.local_setl_ids).toEqual([a.local_setl_id]);
    expect(h1.figures.cash_collected).toBe(a.result.setlinfo.psn_cash_pay);
    expect(h1.figures.pending_upload).toBe(1);
    // nothing new since: nothing to hand over; then one more settlement, contiguous
    expect(await code(service.openHandover({ opter: 'cashier01', counted_cash: '0.00' }))).toBe(
      'NOTHING_TO_HAND_OVER',
    );
    await settleOne('ZY-H-3');
    const h2 = await service.openHandover({ opter: 'cashier01', counted_cash: '0.00' });
    expect(h2.from).toBe(h1.to);
    expect(h2.local_setl_ids).toHaveLength(1);
    const cashier = { id: 'cashier01', role: 'cashier' as const };
    expect(await code(service.withdrawHandover(h1.id, cashier))).toBe('HANDOVER_NOT_WITHDRAWABLE');
    expect(await code(service.withdrawHandover(h2.id, { id: 'cashier02', role: 'cashier' }))).toBe(
      'HANDOVER_NOT_WITHDRAWABLE',
    );
    await service.withdrawHandover(h2.id, cashier);
    // its settlement is free: the next handover takes it
    const h3 = await service.openHandover({ opter: 'cashier01', counted_cash: '0.00' });
    expect(h3.from).toBe(h1.to);
    expect(h3.local_setl_ids).toEqual(h2.local_setl_ids);
    expect(await code(service.confirmHandover(h1.id, null))).toBe('APPROVAL_REQUIRED');
    await service.confirmHandover(h1.id, supervisor());
    expect(await code(service.confirmHandover(h1.id, supervisor()))).toBe('HANDOVER_CONFIRMED');
    expect(await code(service.withdrawHandover(h1.id, cashier))).toBe('HANDOVER_CONFIRMED');
    expect((await db.handovers.get(h1.id))!.confirmed_by?.id).toBe('supervisor01');
    expect(await verifyAudit(db)).toMatchObject({ intact: true });
  });
});
