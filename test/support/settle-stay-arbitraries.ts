// fast-check generators of medical inpatient stays that settle: one split into 2–4 mid-stay parts, for
// the property "a stay settled in parts pays within 0.01 × parts of the stay settled whole"
// (splitStayArb), and one with every fund layer, cap and year-to-date figure generated
// (layeredStayArb), so the fund identities meet serious illness and assistance often.
//
// splitStayArb's precondition
// (documented in docs/settlement.md), built in: no annual cap or layer boundary
// depends on the year's other settlements — every annual cap (basic, large amount, serious illness,
// assistance) is far above anything the stay can pay, so the cap walk never starts — and at most one
// fund chains after the basic fund (serious illness or medical assistance, not both). Under it each
// fund is a sum of exact band payments rounded once per settlement, so k parts differ from the whole
// by fewer than 0.005 × (k + 1) per rounding, which is within 0.01 × k. With both layers on one stay
// three roundings chain and the bound is not a theorem (see the docs).
import fc from 'fast-check';
import { Decimal, formatAmount, round2 } from '../../shared/money';
import { bands, fen, perLevel, ratio, seriousIllnessArb } from './settle-arbitraries';

const HUGE_CAP = '900000000000.00';
const CODES = ['A01', 'A02', 'B01', 'B02', 'C01', 'X99'];

const line = fc
  .record({
    code: fc.constantFrom(...CODES),
    cnt: fc.integer({ min: 0, max: 10_000 }).map((n) => new Decimal(n).dividedBy(100).toString()),
    pric: fc.integer({ min: 0, max: 20_000_000 }).map((n) => new Decimal(n).dividedBy(1000).toString()),
    meal: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  })
  .map(({ code, cnt, pric, meal }) => ({
    med_list_codg: code,
    cnt,
    pric,
    det_item_fee_sumamt: formatAmount(round2(new Decimal(cnt).times(pric))),
    ...(meal ? { fee_kind: 'meal' } : {}),
  }));

/** The bill's lines in 2–4 non-empty parts, numbered through. */
const partsArb = fc
  .array(fc.array(line, { minLength: 1, maxLength: 5 }), { minLength: 2, maxLength: 4 })
  .map((parts) => {
    let sn = 0;
    return parts.map((p) => p.map((l) => ({ feedetl_sn: String(++sn), ...l })));
  });

type Layer = 'none' | 'serious_illness' | 'assistance' | 'both';

/** Everything a stay request is made of; the caps and year-to-date figures are set by each arbitrary. */
const stayParts = fc.record({
  insutype: fc.constantFrom('310', '390'),
  category: fc.constantFrom('in_service', 'retired', 'resident'),
  hosp_lv: fc.constantFrom(1, 2, 3),
  filing: fc.constantFrom(
    { kind: 'long_term', type: 'long_term_resident' },
    { kind: 'temporary', type: 'referral' },
    { kind: 'temporary', type: 'other_temporary' },
  ),
  admissions: fc.integer({ min: 0, max: 4 }),
  deductible: perLevel(fen(300_000)),
  factors: fc.array(ratio, { minLength: 1, maxLength: 3 }),
  bands,
  serious: seriousIllnessArb,
  hifmiBase: fen(30_000_000),
  assistanceRatio: ratio,
  catalog: fc.dictionary(
    fc.constantFrom(...CODES),
    fc.record({
      name: fc.constant('项目'),
      chrgitm_lv: fc.constantFrom('01', '02', '03'),
      selfpay_prop: ratio,
      pric_uplmt_amt: fc.option(fen(100_000), { nil: null }),
    }),
  ),
  parts: partsArb,
});
type StayParts = typeof stayParts extends fc.Arbitrary<infer T> ? T : never;

interface Caps {
  basic: string;
  large: string | null;
  serious: string;
  assistance: string;
  acc: { hifp_pay: string; large_pay: string; hifmi_pay: string; maf_pay: string };
}

function stayRequest(g: StayParts, layer: Layer, caps: Caps) {
  const serious = layer === 'serious_illness' || layer === 'both';
  const assistance = layer === 'assistance' || layer === 'both';
  // Serious illness is for residents: a stay meant to have it is a resident's.
  const insutype = serious ? '390' : g.insutype;
  return {
    contract: 'settle/v2',
    scheme: 'medical',
    setl_type: 'inpatient',
    settle_date: '2025-06-30',
    admission_date: '2025-03-01',
    person: {
      psn_no: 'P1',
      certno: '110101196001011233',
      psn_name: '测试',
      insutype,
      category: g.category,
      insuplc_admdvs: '110000',
      ...(assistance ? { assistance: 'low_income' } : {}),
    },
    institution: { fixmedins_code: 'H14010500001', mdtrtarea_admvs: '140105', hosp_lv: g.hosp_lv },
    filing: {
      ...g.filing,
      mdtrtarea_admvs: '140000',
      begndate: '2025-01-01',
      enddate: null,
      fixmedins_codes: null,
    },
    accumulators: {
      year: 2025,
      inpatient_admissions: g.admissions,
      hifmi_base: serious ? g.hifmiBase : '0.00',
      ...caps.acc,
    },
    policy: {
      policy_id: `110000-${insutype}-2025`,
      insuplc_admdvs: '110000',
      insutype,
      valid_from: '2025-01-01',
      valid_to: null,
      inpatient: {
        deductible: g.deductible,
        deductible_factors: g.factors,
        bands: g.bands,
        annual_cap: caps.basic,
      },
      ...(caps.large ? { large_amount: { ratio: '0.9', annual_cap: caps.large } } : {}),
      cross_province: { reduction: { referral: '0.1', emergency: '0.1', other_temporary: '0.2' } },
      ...(serious ? { serious_illness: { ...g.serious, annual_cap: caps.serious } } : {}),
      ...(assistance
        ? { medical_assistance: { ratio: { low_income: g.assistanceRatio }, annual_cap: caps.assistance } }
        : {}),
    },
    catalog: g.catalog,
    lines: g.parts.flat(),
  };
}

const NO_CAPS: Caps = {
  basic: HUGE_CAP,
  large: HUGE_CAP,
  serious: HUGE_CAP,
  assistance: HUGE_CAP,
  acc: { hifp_pay: '0.00', large_pay: '0.00', hifmi_pay: '0.00', maf_pay: '0.00' },
};

/** A stay and its lines in 2–4 parts, under the precondition above (no cap reached, at most one layer). */
export const splitStayArb = fc
  .tuple(stayParts, fc.constantFrom<Layer>('none', 'serious_illness', 'assistance'))
  .map(([g, layer]) => ({ request: stayRequest(g, layer, NO_CAPS), parts: g.parts }));

/** A whole stay with any layers, any caps and year-to-date figures, now and then a later mid-stay part. */
export const layeredStayArb = fc
  .tuple(
    stayParts,
    fc.constantFrom<Layer>('none', 'serious_illness', 'assistance', 'both'),
    fc.record({
      basic: fen(60_000_000),
      large: fc.option(fen(60_000_000), { nil: null }),
      serious: fen(60_000_000),
      assistance: fen(5_000_000),
      acc: fc.record({
        hifp_pay: fen(60_000_000),
        large_pay: fen(60_000_000),
        hifmi_pay: fen(60_000_000),
        maf_pay: fen(5_000_000),
      }),
    }),
    fc.option(
      fc.record({
        part: fc.integer({ min: 2, max: 5 }),
        dedc_left: fen(300_000),
        inscp_before: fen(20_000_000),
      }),
      {
        nil: undefined,
      },
    ),
  )
  .map(([g, layer, caps, stay]) => ({ ...stayRequest(g, layer, caps), ...(stay ? { stay } : {}) }));
