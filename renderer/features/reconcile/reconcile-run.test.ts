// The station's side of reconciliation: which settlements are pending, sent or left out; 3201 totals
// are exactly the sum of the 3202 rows sent as standing (property over any mix of statuses); a
// discrepancy counts at the platform's figures; mismatches name each settlement and its cause.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAmount, sumAmounts } from '../../../shared/money';
import type { SettlementRow, SettlementStatus } from '../../db';
import { fixtureRecord, goldenRecords, settlementRow } from '../../../test/support/settlement-records';
import { classify, mismatches, totalsInputs } from './reconcile-run';
import { dayBefore } from './run';

const records = goldenRecords();
const base = [
  records['medical-inpatient']!,
  records['resident-serious-illness']!,
  records['work-injury-device']!,
];
const DAY = { from: '2025-06-30', to: '2025-06-30' };

function row(
  i: number,
  status: SettlementStatus,
  cancel?: NonNullable<SettlementRow['cancel']>['platform'],
): SettlementRow {
  const r = base[i % base.length]!;
  return settlementRow(r, {
    local_setl_id: `L${i}`,
    setl_id: status === 'pending' ? null : `P${i}`,
    status,
    ...(cancel
      ? {
          cancel: {
            reason_code: 'bill_error',
            reason_text: 'x',
            opter: 'cashier01',
            approved_by: null,
            cancelled_at: '2025-06-30T11:00:00+08:00',
            status_before: 'confirmed',
            platform: cancel,
            reversal: null,
            answered_at: null,
            refusal: null,
            resolved_at: null,
            resolution: null,
          },
        }
      : {}),
  });
}

describe('classify', () => {
  it('names pending uploads and pending cancels, sends settled ones, leaves out refused and never-settled', () => {
    const rows = [
      row(0, 'pending'),
      row(1, 'confirmed'),
      row(2, 'discrepancy'),
      row(3, 'rejected'),
      row(4, 'cancelled', 'cancelled'),
      row(5, 'cancelled', 'pending'),
      row(6, 'cancelled', 'not_needed'),
      row(7, 'cancelled', 'refused'),
    ];
    const c = classify(rows);
    expect(c.pending.map((s) => s.local_setl_id)).toEqual(['L0', 'L5']);
    expect(c.sent.map((s) => [s.detail.setl_id, s.detail.refd_setl_flag])).toEqual([
      ['P1', '0'],
      ['P2', '0'],
      ['P4', '1'],
      ['P7', '0'],
    ]);
    // a resident's inpatient stay, and a work-injury device (410 under clearing type 21)
    expect(c.sent[0]!.detail).toMatchObject({ insutype: '390', clr_type: '21', mdtrt_id: 'ZY20250701002' });
    expect(c.sent[1]!.detail).toMatchObject({ insutype: '410', clr_type: '21', mdtrt_id: 'MZ20250630003' });
    expect(classify([row(3, 'confirmed')]).sent[0]!.detail).toMatchObject({
      insutype: '310',
      clr_type: '21',
    });
  });

  it('counts a discrepancy at the platform’s figures', () => {
    const r = row(1, 'discrepancy');
    const platform_result = {
      ...r.result,
      setlinfo: { ...r.result.setlinfo, medfee_sumamt: '1.00', fund_pay_sumamt: '0.50', acct_pay: '0.25' },
    };
    const [sent] = classify([{ ...r, platform_result }]).sent;
    expect(sent!.detail).toMatchObject({ medfee_sumamt: '1.00', fund_pay_sumamt: '0.50', acct_pay: '0.25' });
  });

  it('3201 totals are the sum of the standing 3202 rows of their insutype × clr_type (any mix)', () => {
    const statuses = ['pending', 'confirmed', 'discrepancy', 'rejected', 'cancelled'] as const;
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom(...statuses),
            fc.constantFrom('cancelled', 'pending', 'refused') as fc.Arbitrary<'cancelled'>,
          ),
          {
            maxLength: 25,
          },
        ),
        (mix) => {
          const rows = mix.map(([s, c], i) => row(i, s, s === 'cancelled' ? c : undefined));
          const { sent } = classify(rows);
          const inputs = totalsInputs(sent, DAY);
          const standing = sent.map((s) => s.detail).filter((d) => d.refd_setl_flag === '0');
          expect(inputs.reduce((n, t) => n + t.fixmedins_setl_cnt, 0)).toBe(standing.length);
          for (const t of inputs) {
            const mine = standing.filter((d) => d.insutype === t.insutype && d.clr_type === t.clr_type);
            for (const f of ['medfee_sumamt', 'fund_pay_sumamt', 'acct_pay'] as const)
              expect(t[f]).toBe(formatAmount(sumAmounts(mine.map((d) => d[f]))));
            expect(t).toMatchObject({ stmt_begndate: DAY.from, stmt_enddate: DAY.to });
          }
          expect(new Set(inputs.map((t) => `${t.insutype}${t.clr_type}`)).size).toBe(inputs.length);
        },
      ),
    );
  });
});

describe('mismatches', () => {
  it('names each settlement the platform answered otherwise, with its cause and the station’s row', () => {
    const { sent } = classify([row(1, 'confirmed'), row(2, 'confirmed'), row(4, 'confirmed')]);
    const missing = {
      ...sent[0]!.detail,
      setl_id: 'P-OTHER',
      local_setl_id: 'X',
      settle_date: '2025-06-30',
      station_id: 'ST-B',
    };
    const m = mismatches(sent, {
      rows: [
        { setl_id: 'P1', stmt_rslt: '0', fields: [], platform: null },
        { setl_id: 'P2', stmt_rslt: '1', fields: ['medfee_sumamt'], platform: null },
        { setl_id: 'P4', stmt_rslt: '2', fields: [], platform: null },
      ],
      missing: [missing],
    });
    expect(m.map((x) => [x.setl_id, x.cause, x.station?.local_setl_id ?? null])).toEqual([
      ['P2', 'amounts', 'L2'],
      ['P4', 'unknown', 'L4'],
      ['P-OTHER', 'missing_here', null],
    ]);
  });
});

it('reconciles yesterday by default, across a month and a year', () => {
  expect(dayBefore('2026-07-01')).toBe('2026-06-30');
  expect(dayBefore('2026-01-01')).toBe('2025-12-31');
  expect(dayBefore('2024-03-01')).toBe('2024-02-29');
  expect(fixtureRecord('01-worked-example').settle_date).toBe('2025-06-30');
});
