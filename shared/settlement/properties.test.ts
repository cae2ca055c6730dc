// Property tests of the settle/v2 invariants over generated settle/v1 and settle/v2 requests (issues 2
// and 11); the mid-stay and serious-illness properties are in properties-stay.test.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { settleRequestArb as anyScheme } from '../../test/support/settle-arbitraries';
import { layeredStayArb } from '../../test/support/settle-stay-arbitraries';
import { Decimal } from '../money';
import { parseSettleRequest, settleRequestObject, SETLINFO_FIELDS, settle, type SettleResult } from './index';

const d = (s: string) => new Decimal(s);
const RUNS = { numRuns: 400 };
/**
 * Requests of every scheme and type (most refused, as at a real counter), and medical inpatient stays
 * that settle with serious illness, assistance, caps and later parts — so every fund path is met often.
 */
const settleRequestArb = fc.oneof(anyScheme, layeredStayArb);

const sum = (xs: readonly string[]) => xs.reduce((a, x) => a.plus(x), new Decimal(0)).toFixed(2);

function amounts(result: SettleResult): string[] {
  const out = SETLINFO_FIELDS.map((f) => result.setlinfo[f]);
  for (const row of result.setldetail ?? []) out.push(row.fund_payamt);
  for (const row of result.chrgitm_summary ?? []) {
    out.push(row.amt, row.claa_sumfee, row.clab_amt, row.fulamt_ownpay_amt, row.oth_amt);
  }
  const acc = result.accumulators_after;
  out.push(acc.hifp_pay, acc.large_pay, acc.hifmi_base, acc.hifmi_pay, acc.maf_pay, acc.acct_balance);
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

describe('settle/v2 invariants', () => {
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

  it('medfee = fund + person share, fund = hifp + hifob + hifmi + maf ≤ in-policy amount; cash = share − account', () => {
    fc.assert(
      fc.property(settleRequestArb, (req) => {
        const { setlinfo: s } = settle(req);
        expect(d(s.fund_pay_sumamt).lte(s.inscp_scp_amt)).toBe(true);
        expect(sum([s.hifp_pay, s.hifob_pay, s.hifmi_pay, s.maf_pay])).toBe(s.fund_pay_sumamt);
        expect(sum([s.fund_pay_sumamt, s.psn_part_amt])).toBe(s.medfee_sumamt);
        expect(d(s.psn_part_amt).minus(s.acct_pay).toFixed(2)).toBe(s.psn_cash_pay);
      }),
      RUNS,
    );
  });

  it('Σ setldetail = fund; one row per non-zero fund, in the contract order, settled results only', () => {
    const order = ['310100', '390100', '410100', '330100', '390200', '610100'];
    fc.assert(
      fc.property(settleRequestArb, (req) => {
        const r = settle(req);
        if (r.status === 'refused') {
          expect(r.setldetail).toBeUndefined();
          return;
        }
        const rows = r.setldetail!;
        expect(sum(rows.map((x) => x.fund_payamt))).toBe(r.setlinfo.fund_pay_sumamt);
        for (const row of rows) expect(row.fund_payamt).not.toBe('0.00');
        const positions = rows.map((x) => order.indexOf(x.fund_pay_type));
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
        expect(new Set(positions).size).toBe(positions.length);
      }),
      RUNS,
    );
  });

  it('Σ chrgitm_summary.amt = medfee, Σ its self-paid column = fulamt; rows sorted, each amt = claa + clab + self-paid + other', () => {
    fc.assert(
      fc.property(settleRequestArb, (req) => {
        const r = settle(req);
        if (r.status === 'refused') {
          expect(r.chrgitm_summary).toBeUndefined();
          return;
        }
        const rows = r.chrgitm_summary!;
        expect(sum(rows.map((x) => x.amt))).toBe(r.setlinfo.medfee_sumamt);
        expect(sum(rows.map((x) => x.fulamt_ownpay_amt))).toBe(r.setlinfo.fulamt_ownpay_amt);
        const types = rows.map((x) => x.med_chrgitm_type);
        expect(types).toEqual([...new Set(types)].sort());
        for (const x of rows)
          expect(sum([x.claa_sumfee, x.clab_amt, x.fulamt_ownpay_amt, x.oth_amt])).toBe(x.amt);
      }),
      RUNS,
    );
  });

  it('no amount is ever negative (no fund, row or accumulator), and every amount has exactly two decimals', () => {
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
        for (const f of [
          'hifp_pay',
          'hifob_pay',
          'hifmi_pay',
          'maf_pay',
          'fund_pay_sumamt',
          'acct_pay',
          'act_pay_dedc',
        ] as const)
          expect(r.setlinfo[f]).toBe('0.00');
        expect(r.setlinfo.psn_cash_pay).toBe(r.setlinfo.medfee_sumamt);
      }),
      RUNS,
    );
  });

  it('echoes the request contract', () => {
    fc.assert(
      fc.property(settleRequestArb, (req) => {
        expect(settle(req).contract).toBe(req.contract);
      }),
      { numRuns: 100 },
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
        const before = { ...parseSettleRequest(req).accumulators };
        const { setlinfo: s, accumulators_after: after } = r;
        const midStay = req.stay !== undefined && req.stay.part >= 2;
        expect(after.inpatient_admissions).toBe(before.inpatient_admissions + (midStay ? 0 : 1));
        expect(after.hifp_pay).toBe(sum([before.hifp_pay, s.hifp_pay]));
        expect(after.large_pay).toBe(sum([before.large_pay, s.hifob_pay]));
        expect(after.hifmi_pay).toBe(sum([before.hifmi_pay, s.hifmi_pay]));
        expect(after.maf_pay).toBe(sum([before.maf_pay, s.maf_pay]));
        expect(after.acct_balance).toBe(d(before.acct_balance).minus(s.acct_pay).toFixed(2));
        // The serious-illness base grows by what the basic funds left, for residents under the layer.
        const layer =
          req.person.insutype === '390' && req.policy !== undefined && 'serious_illness' in req.policy;
        const share = d(s.inscp_scp_amt).minus(s.hifp_pay).minus(s.hifob_pay).toFixed(2);
        expect(after.hifmi_base).toBe(
          layer ? sum([before.hifmi_base, share]) : d(before.hifmi_base).toFixed(2),
        );
      }),
      RUNS,
    );
  });

  it('the fast line check returns exactly what the zod schema returns', () => {
    fc.assert(
      fc.property(settleRequestArb, (req) => {
        const withExtra = {
          ...req,
          lines: req.lines.map((l: object) => ({ ...l, unknown_field: 'dropped' })),
        };
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
