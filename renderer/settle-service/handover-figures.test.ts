// The handover's boundaries as properties: over random days of settling, handing over, withdrawing
// and confirming (the clock sometimes set back), an operator's standing handovers never overlap, each
// starts where the one before ended, none ends after the moment it was made, every settlement falls
// into exactly one of them, and only the latest unconfirmed one can be withdrawn. Plus the sums.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRequest } from '../../test/support/settle-fixtures';
import { recordOf, settlementRow } from '../../test/support/settlement-records';
import type { HandoverRow, SettlementRow } from '../db';
import type { SettleServiceError } from './errors';
import { handoverFigures, handoverWindow, standing, takenEvents, withdrawable } from './handover-figures';

const base = recordOf(loadRequest('01-worked-example'));
const T0: number = Date.parse('2026-06-30T00:00:00Z');

const row = (id: string, opter: string, at: number, over: Partial<SettlementRow> = {}): SettlementRow =>
  settlementRow(base, { local_setl_id: id, opter, settled_at: new Date(at).toISOString(), ...over });

type Op =
  | { op: 'settle'; who: 0 | 1; dt: number }
  | { op: 'handover'; who: 0 | 1; dt: number }
  | { op: 'withdraw'; who: 0 | 1; pick: number }
  | { op: 'confirm'; who: 0 | 1; pick: number };
const WHO = ['cashier01', 'cashier02'] as const;
const who = fc.constantFrom<0 | 1>(0, 1);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('settle' as const), who, dt: fc.integer({ min: -60_000, max: 600_000 }) }),
  fc.record({ op: fc.constant('handover' as const), who, dt: fc.integer({ min: -60_000, max: 600_000 }) }),
  fc.record({ op: fc.constant('withdraw' as const), who, pick: fc.nat(20) }),
  fc.record({ op: fc.constant('confirm' as const), who, pick: fc.nat(20) }),
);

describe('handover boundaries (properties)', () => {
  it('never overlap, never end in the future, take every settlement once, withdraw only the latest', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), (ops) => {
        let clock = T0;
        const settlements: SettlementRow[] = [];
        const madeAt = new Map<string, number>(); // op index of each settlement and handover
        const handovers: HandoverRow[] = [];
        for (const [i, o] of ops.entries()) {
          const opter = WHO[o.who];
          if (o.op === 'settle') {
            clock += o.dt; // a clock set back is part of the test
            settlements.push(row(`S${i}`, opter, clock));
            madeAt.set(`S${i}`, i);
          } else if (o.op === 'handover') {
            clock += o.dt;
            const now = new Date(clock);
            let w;
            try {
              w = handoverWindow(handovers, settlements, opter, now);
            } catch (e) {
              expect(['NOTHING_TO_HAND_OVER', 'CLOCK_BEHIND']).toContain((e as SettleServiceError).code);
              continue;
            }
            expect(Date.parse(w.to)).toBeLessThanOrEqual(clock); // never in the future
            expect(Date.parse(w.from)).toBeLessThanOrEqual(Date.parse(w.to));
            const { figures, local_setl_ids, events } = handoverFigures(
              settlements,
              opter,
              w,
              new Set(),
              takenEvents(handovers, opter),
            );
            madeAt.set(`H${i}`, i);
            handovers.push({
              id: `H${i}`,
              opter,
              ...w,
              state: 'draft',
              created_at: now.toISOString(),
              local_setl_ids,
              events,
              figures,
              counted_cash: figures.expected_cash,
              confirmed_by: null,
              withdrawn_at: null,
            });
          } else {
            const mine = handovers.filter((h) => h.opter === opter);
            const h = mine[o.pick % Math.max(1, mine.length)];
            if (!h) continue;
            const latest = standing(handovers, opter).at(-1);
            const can = withdrawable(handovers, h);
            expect(can).toBe(h.state === 'draft' && latest?.id === h.id);
            if (o.op === 'withdraw' && can) h.state = 'withdrawn';
            if (o.op === 'confirm' && h.state === 'draft') h.state = 'confirmed';
          }
        }
        for (const opter of WHO) {
          const st = standing(handovers, opter);
          for (let k = 1; k < st.length; k++) expect(st[k]!.from).toBe(st[k - 1]!.to); // contiguous, disjoint
          if (st.length === 0) continue;
          // no settlement in two standing handovers; exactly those made before the last one, stamped
          // before its end, are in one (a clock set back does not lose a settlement)
          const last = st.at(-1)!;
          const taken = st.flatMap((h) => h.local_setl_ids);
          expect(new Set(taken).size).toBe(taken.length);
          const expected = settlements
            .filter((s) => s.opter === opter)
            .filter((s) => madeAt.get(s.local_setl_id)! < madeAt.get(last.id)!)
            .filter((s) => Date.parse(s.settled_at) < Date.parse(last.to))
            .map((s) => s.local_setl_id);
          expect(taken.sort()).toEqual(expected.sort());
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the first handover starts at the operator’s first settlement; none without any', () => {
    const s = [row('A', 'cashier01', T0 + 1000), row('B', 'cashier02', T0)];
    const w = handoverWindow([], s, 'cashier01', new Date(T0 + 5000));
    expect(w).toEqual({ from: new Date(T0 + 1000).toISOString(), to: new Date(T0 + 5000).toISOString() });
    expect(() => handoverWindow([], s, 'cashier03', new Date(T0))).toThrow(
      expect.objectContaining({ code: 'NOTHING_TO_HAND_OVER' }),
    );
  });
});

describe('handover sums', () => {
  it('settlements add, cancels and refunds take away, corrections collect or refund', () => {
    const cash = base.result.setlinfo.psn_cash_pay;
    const w = { from: new Date(T0).toISOString(), to: new Date(T0 + 100_000).toISOString() };
    const cancelled = row('C', 'cashier01', T0 + 2, {
      status: 'cancelled',
      cancel: {
        reason_code: 'bill_error',
        reason_text: 'x',
        opter: 'cashier01',
        approved_by: null,
        cancelled_at: new Date(T0 + 3).toISOString(),
        status_before: 'confirmed',
        platform: 'pending',
        reversal: null,
        answered_at: null,
        refusal: null,
        resolved_at: null,
        resolution: null,
      },
    });
    const corrected = row('D', 'cashier01', T0 + 4, {
      correction: {
        kind: 'discrepancy',
        cash: '-12.30',
        opter: 'cashier01',
        at: new Date(T0 + 5).toISOString(),
        approved_by: null,
      },
    });
    const rows = [
      row('A', 'cashier01', T0 + 1),
      cancelled,
      corrected,
      row('X', 'cashier02', T0 + 1),
      row('L', 'cashier01', T0 + 100_000),
    ];
    const { figures, local_setl_ids } = handoverFigures(rows, 'cashier01', w, new Set(['A']));
    expect(local_setl_ids).toEqual(['A', 'C', 'D']);
    expect(figures.settlements).toBe(3);
    expect(figures.cancels).toBe(1);
    expect(figures.pending_upload).toBe(1);
    expect(figures.corrections).toBe(1);
    expect(figures.corrections_net).toBe('-12.30');
    const c = Number(cash); // a test's own arithmetic on fixture figures
    expect(Number(figures.cash_collected)).toBeCloseTo(3 * c, 2);
    expect(Number(figures.refunds)).toBeCloseTo(c + 12.3, 2);
    expect(Number(figures.expected_cash)).toBeCloseTo(2 * c - 12.3, 2);
    expect(Number(figures.medfee_sumamt)).toBeCloseTo(2 * Number(base.result.setlinfo.medfee_sumamt), 2);
  });
});
