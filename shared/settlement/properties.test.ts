// Property tests of the settle/v1 invariants over generated requests (issue 2 acceptance).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { settleRequestArb } from '../../test/support/settle-arbitraries';
import { Decimal } from '../money';
import { parseSettleRequest, settleRequestObject, SETLINFO_FIELDS, settle, type SettleResult } from './index';

const d = (s: string) => new Decimal(s);
const RUNS = { numRuns: 400 };

function amounts(result: SettleResult): string[] {
  const out = SETLINFO_FIELDS.map((f) => result.setlinfo[f]);
  for (const item of result.items ?? []) {
    out.push(
      item.det_item_fee_sumamt,
      item.fulamt_ownpay_amt,
      item.overlmt_amt,
      item.preselfpay_amt,
      item.inscp_scp_amt,
    );
  }
  return out;
}

describe('settle/v1 invariants', () => {
  it('medfee = fulamt + overlmt + preselfpay + inscp, per settlement and per item', () => {
    fc.assert(
      fc.property(settleRequestArb, (req) => {
        const { setlinfo: s, items } = settle(req);
        expect(
          d(s.fulamt_ownpay_amt)
            .plus(s.overlmt_selfpay)
            .plus(s.preselfpay_amt)
            .plus(s.inscp_scp_amt)
            .toFixed(2),
        ).toBe(s.medfee_sumamt);
        for (const i of items ?? []) {
          expect(
            d(i.fulamt_ownpay_amt)
              .plus(i.overlmt_amt)
              .plus(i.preselfpay_amt)
              .plus(i.inscp_scp_amt)
              .toFixed(2),
          ).toBe(i.det_item_fee_sumamt);
        }
      }),
      RUNS,
    );
  });

  it('fund ≤ in-policy amount; person share = medfee − fund; cash = share − account', () => {
    fc.assert(
      fc.property(settleRequestArb, (req) => {
        const { setlinfo: s } = settle(req);
        expect(d(s.fund_pay_sumamt).lte(s.inscp_scp_amt)).toBe(true);
        expect(d(s.hifp_pay).plus(s.hifob_pay).toFixed(2)).toBe(s.fund_pay_sumamt);
        expect(d(s.medfee_sumamt).minus(s.fund_pay_sumamt).toFixed(2)).toBe(s.psn_part_amt);
        expect(d(s.psn_part_amt).minus(s.acct_pay).toFixed(2)).toBe(s.psn_cash_pay);
      }),
      RUNS,
    );
  });

  it('no amount is ever negative, and every amount has exactly two decimals', () => {
    fc.assert(
      fc.property(settleRequestArb, (req) => {
        for (const a of amounts(settle(req))) expect(a).toMatch(/^\d+\.\d{2}$/);
      }),
      RUNS,
    );
  });

  it('a higher pooled-fund accumulator never raises hifp_pay', () => {
    fc.assert(
      fc.property(settleRequestArb, fc.integer({ min: 1, max: 50_000_000 }), (req, extraFen) => {
        const more = structuredClone(req);
        more.accumulators.hifp_pay = d(req.accumulators.hifp_pay)
          .plus(new Decimal(extraFen).dividedBy(100))
          .toFixed(2);
        expect(d(settle(more).setlinfo.hifp_pay).lte(settle(req).setlinfo.hifp_pay)).toBe(true);
      }),
      RUNS,
    );
  });

  it('a refused result pays nothing from any fund or account', () => {
    fc.assert(
      fc.property(settleRequestArb, (req) => {
        const r = settle(req);
        if (r.status !== 'refused') return;
        expect(r.refusal.length).toBeGreaterThan(0);
        for (const f of ['hifp_pay', 'hifob_pay', 'fund_pay_sumamt', 'acct_pay', 'act_pay_dedc'] as const)
          expect(r.setlinfo[f]).toBe('0.00');
        expect(r.setlinfo.psn_cash_pay).toBe(r.setlinfo.medfee_sumamt);
      }),
      RUNS,
    );
  });

  it('the same request always gives the same result, also after a JSON round trip', () => {
    fc.assert(
      fc.property(settleRequestArb, (req) => {
        const first = settle(req);
        expect(settle(structuredClone(req))).toEqual(first);
        expect(settle(JSON.parse(JSON.stringify(req)))).toEqual(first);
      }),
      { numRuns: 200 },
    );
  });

  it('accumulators after a settled inpatient settlement add exactly what was paid', () => {
    fc.assert(
      fc.property(settleRequestArb, (req) => {
        const r = settle(req);
        if (r.status !== 'settled' || req.scheme !== 'medical' || req.setl_type !== 'inpatient') return;
        expect(r.accumulators_after.inpatient_admissions).toBe(req.accumulators.inpatient_admissions + 1);
        expect(r.accumulators_after.hifp_pay).toBe(
          d(req.accumulators.hifp_pay).plus(r.setlinfo.hifp_pay).toFixed(2),
        );
        expect(r.accumulators_after.large_pay).toBe(
          d(req.accumulators.large_pay).plus(r.setlinfo.hifob_pay).toFixed(2),
        );
        expect(r.accumulators_after.acct_balance).toBe(
          d(req.accumulators.acct_balance).minus(r.setlinfo.acct_pay).toFixed(2),
        );
      }),
      RUNS,
    );
  });

  it('the fast line check returns exactly what the zod schema returns', () => {
    fc.assert(
      fc.property(settleRequestArb, (req) => {
        const withExtra = { ...req, lines: req.lines.map((l) => ({ ...l, unknown_field: 'dropped' })) };
        expect(parseSettleRequest(withExtra)).toEqual(settleRequestObject.parse(withExtra));
      }),
      { numRuns: 200 },
    );
  });

  it('settles a good share of generated requests (the generator is not all refusals)', () => {
    const sample = fc.sample(settleRequestArb, { numRuns: 300, seed: 42 });
    const settled = sample.filter((r) => settle(r).status === 'settled').length;
    expect(settled).toBeGreaterThan(30);
  });
});
