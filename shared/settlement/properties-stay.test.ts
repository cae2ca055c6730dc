// Property tests of settle/v2's mid-stay parts and serious-illness layer (issue 11 acceptance).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fen } from '../../test/support/settle-arbitraries';
import type { Req } from '../../test/support/settle-fixtures';
import { layeredStayArb, splitStayArb } from '../../test/support/settle-stay-arbitraries';
import { Decimal } from '../money';
import { settle, type SettleResult } from './index';

const d = (s: string) => new Decimal(s);
const RUNS = { numRuns: Number(process.env.STAY_RUNS ?? 300) };
const FUNDS = ['hifp_pay', 'hifob_pay', 'hifmi_pay', 'maf_pay', 'fund_pay_sumamt'] as const;

/** The stay settled part by part: part 1 as v1, then each part with what the earlier ones left and had. */
function settleInParts(request: Req, parts: Req[][]): SettleResult[] {
  const p = request.policy.inpatient;
  const lv = String(request.institution.hosp_lv) as '1' | '2' | '3';
  const factors = p.deductible_factors;
  const factor = factors[Math.min(request.accumulators.inpatient_admissions, factors.length - 1)]!;
  // The stay's deductible (contract step 3.1), an oracle independent of the engine's own code.
  let dedcLeft = d(p.deductible[lv]).times(factor).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  let inscpBefore = new Decimal(0);
  let accumulators: unknown = request.accumulators;
  return parts.map((lines, i) => {
    const stay =
      i === 0
        ? { part: 1 }
        : { part: i + 1, dedc_left: dedcLeft.toFixed(2), inscp_before: inscpBefore.toFixed(2) };
    const result = settle({ ...request, lines, accumulators, stay });
    expect(result.status).toBe('settled');
    dedcLeft = dedcLeft.minus(result.setlinfo.act_pay_dedc);
    inscpBefore = inscpBefore.plus(result.setlinfo.inscp_scp_amt);
    accumulators = result.accumulators_after;
    return result;
  });
}

describe('mid-stay parts', () => {
  it('a stay settled in 2–4 parts pays within 0.01 × parts of the same stay settled whole, fund by fund', () => {
    fc.assert(
      fc.property(splitStayArb, ({ request, parts }) => {
        const whole = settle(request);
        const split = settleInParts(request, parts);
        const total = (f: (typeof FUNDS)[number] | 'medfee_sumamt' | 'inscp_scp_amt' | 'act_pay_dedc') =>
          split.reduce((a, r) => a.plus(r.setlinfo[f]), new Decimal(0));
        // The bill and its in-policy amount split exactly; so does the deductible.
        expect(total('medfee_sumamt').toFixed(2)).toBe(whole.setlinfo.medfee_sumamt);
        expect(total('inscp_scp_amt').toFixed(2)).toBe(whole.setlinfo.inscp_scp_amt);
        expect(total('act_pay_dedc').toFixed(2)).toBe(whole.setlinfo.act_pay_dedc);
        const bound = new Decimal('0.01').times(parts.length);
        for (const f of FUNDS) {
          expect(total(f).minus(whole.setlinfo[f]).abs().lte(bound), f).toBe(true);
        }
        // One admission for the whole stay, however many parts.
        expect(split.at(-1)!.accumulators_after.inpatient_admissions).toBe(
          whole.accumulators_after.inpatient_admissions,
        );
      }),
      RUNS,
    );
  });

  it('the stays exercise serious illness, assistance, caps and later parts (the generators are not idle)', () => {
    const split = fc.sample(splitStayArb, { numRuns: 200, seed: 7 }).map(({ request }) => settle(request));
    expect(split.every((r) => r.status === 'settled')).toBe(true);
    expect(split.filter((r) => r.setlinfo.hifmi_pay !== '0.00').length).toBeGreaterThan(20);
    expect(split.filter((r) => r.setlinfo.maf_pay !== '0.00').length).toBeGreaterThan(20);
    const layered = fc.sample(layeredStayArb, { numRuns: 300, seed: 7 }).map((r) => settle(r));
    const count = (f: (r: SettleResult) => boolean) => layered.filter(f).length;
    expect(count((r) => r.setlinfo.hifmi_pay !== '0.00' && r.setlinfo.maf_pay !== '0.00')).toBeGreaterThan(
      10,
    );
    expect(count((r) => r.trace.some((t) => t.rule === 'OVER_CAP'))).toBeGreaterThan(10);
    expect(count((r) => r.setlinfo.hifob_pay !== '0.00')).toBeGreaterThan(10);
    expect(count((r) => (r.stay_part ?? 1) >= 2)).toBeGreaterThan(10);
  });
});

/** A resident stay under a serious-illness policy, with its cap and the year's figures generated. */
const seriousArb = layeredStayArb
  .filter((r) => 'serious_illness' in r.policy)
  .map((r) => structuredClone(r) as Req);

describe('serious illness', () => {
  it('raising the year’s serious-illness payments (accumulators.hifmi_pay) never raises hifmi_pay', () => {
    fc.assert(
      fc.property(seriousArb, fen(50_000_000), (req, more) => {
        const raised = structuredClone(req);
        raised.accumulators.hifmi_pay = d(req.accumulators.hifmi_pay).plus(more).toFixed(2);
        expect(d(settle(raised).setlinfo.hifmi_pay).lte(settle(req).setlinfo.hifmi_pay)).toBe(true);
      }),
      RUNS,
    );
  });

  it('raising hifmi_base never lowers hifmi_pay when the band ratios do not fall', () => {
    fc.assert(
      fc.property(seriousArb, fen(50_000_000), (req, more) => {
        const bands: { ratio: string }[] = req.policy.serious_illness.bands;
        const ratios = bands.map((b) => b.ratio).sort((a, b) => d(a).comparedTo(b));
        bands.forEach((b, i) => (b.ratio = ratios[i]!));
        const raised = structuredClone(req);
        raised.accumulators.hifmi_base = d(req.accumulators.hifmi_base).plus(more).toFixed(2);
        expect(d(settle(raised).setlinfo.hifmi_pay).gte(settle(req).setlinfo.hifmi_pay)).toBe(true);
      }),
      RUNS,
    );
  });
});
