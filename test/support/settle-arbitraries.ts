// fast-check generators of valid settle/v1 requests, for the property tests and the benchmark.
import fc from 'fast-check';
import { Decimal, formatAmount, round2 } from '../../shared/money';

const fen = (max: number) => fc.integer({ min: 0, max }).map((n) => new Decimal(n).dividedBy(100).toFixed(2));
const ratio = fc.integer({ min: 0, max: 10_000 }).map((n) => new Decimal(n).dividedBy(10_000).toString());
const perLevel = <T>(arb: fc.Arbitrary<T>) => fc.record({ '1': arb, '2': arb, '3': arb });
const ratioTable = fc.record({
  in_service: perLevel(ratio),
  retired: perLevel(ratio),
  resident: perLevel(ratio),
});

const bands = fc
  .uniqueArray(fc.integer({ min: 1, max: 20_000_000 }), { minLength: 0, maxLength: 3 })
  .chain((limits) => {
    const sorted = [...limits].sort((a, b) => a - b).map((n) => String(n));
    return fc.tuple(...[...sorted, null].map((upto) => ratioTable.map((r) => ({ upto, ratio: r }))));
  });

const CODES = ['A01', 'A02', 'B01', 'B02', 'C01', 'W01', 'W02', 'D01', 'X99'];

const catalog = fc.dictionary(
  fc.constantFrom(...CODES),
  fc.record({
    name: fc.constant('项目'),
    chrgitm_lv: fc.constantFrom('01', '02', '03'),
    selfpay_prop: ratio,
    pric_uplmt_amt: fc.option(fen(500_000), { nil: null }),
  }),
);
const wiCatalog = fc.dictionary(
  fc.constantFrom(...CODES),
  fc.record({ name: fc.constant('工伤项目'), pric_uplmt_amt: fc.option(fen(500_000), { nil: null }) }),
);

const line = fc
  .record({
    code: fc.constantFrom(...CODES),
    cnt: fc.integer({ min: 0, max: 100_000 }).map((n) => new Decimal(n).dividedBy(100).toString()),
    pric: fc.integer({ min: 0, max: 50_000_000 }).map((n) => new Decimal(n).dividedBy(1000).toString()),
    non_work_injury: fc.boolean(),
  })
  .map(({ code, cnt, pric, non_work_injury }) => ({
    med_list_codg: code,
    cnt,
    pric,
    det_item_fee_sumamt: formatAmount(round2(new Decimal(cnt).times(pric))),
    non_work_injury,
  }));

const medicalType = fc.constantFrom('inpatient', 'outpatient', 'chronic_outpatient');
const wiType = fc.constantFrom('inpatient', 'rehab', 'device');

// begin/end pairs that exercise valid, expired, not-yet-valid and filed-after-admission filings
const filingDates = fc.constantFrom(
  { begndate: '2024-01-01', enddate: null },
  { begndate: '2024-01-01', enddate: '2025-06-15' },
  { begndate: '2025-06-20', enddate: '2025-12-31' },
  { begndate: '2025-07-01', enddate: null },
  { begndate: '2025-01-01', enddate: '2025-12-31' },
);

const filing = fc.option(
  fc
    .tuple(
      fc.oneof(
        fc.record({
          kind: fc.constant('long_term'),
          type: fc.constantFrom('resettled_retiree', 'long_term_resident', 'posted_worker'),
        }),
        fc.record({
          kind: fc.constant('temporary'),
          type: fc.constantFrom('referral', 'emergency', 'other_temporary'),
        }),
      ),
      filingDates,
      fc.record({
        mdtrtarea_admvs: fc.constantFrom('140000', '110000'),
        fixmedins_codes: fc.constantFrom(null, ['H14010500001'], ['H00000000000']),
        wi_confirmed: fc.boolean(),
      }),
    )
    .map(([kt, dates, rest]) => ({ ...kt, ...dates, ...rest })),
  { nil: null, freq: 5 },
);

/** A valid settle/v1 request of either scheme. */
export const settleRequestArb = fc
  .record({
    scheme: fc.constantFrom('medical', 'work_injury'),
    medicalType,
    wiType,
    category: fc.constantFrom('in_service', 'retired', 'resident'),
    insu_stas: fc.constantFrom('active', 'active', 'active', 'suspended'),
    insuplc: fc.constantFrom('110000', '140100', '310000'),
    hosp_lv: fc.constantFrom(1, 2, 3),
    filing,
    circumstances: fc.record({
      emergency: fc.boolean(),
      trauma: fc.boolean(),
      trauma_commitment_signed: fc.boolean(),
      third_party_liable: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    }),
    acc: fc.record({
      inpatient_admissions: fc.integer({ min: 0, max: 5 }),
      hifp_pay: fen(60_000_000),
      large_pay: fen(60_000_000),
      outpatient_dedc: fen(300_000),
      outpatient_fund: fen(3_000_000),
      acct_balance: fen(5_000_000),
      chronic: fen(300_000),
    }),
    acct_used: fc.boolean(),
    bands,
    deductible: perLevel(fen(300_000)),
    factors: fc.array(ratio, { minLength: 1, maxLength: 3 }),
    cap: fen(60_000_000),
    large: fc.option(fc.record({ ratio, annual_cap: fen(60_000_000) }), { nil: undefined }),
    outpatient: fc.record({ annual_deductible: fen(300_000), ratio: ratioTable, annual_cap: fen(3_000_000) }),
    chronic: fc.record({
      name: fc.constant('高血压'),
      annual_deductible: fen(100_000),
      ratio,
      annual_limit: fen(1_000_000),
    }),
    reduction: fc.record({
      referral: fc.integer({ min: 0, max: 1000 }).map((n) => new Decimal(n).dividedBy(10_000).toString()),
      emergency: fc.integer({ min: 0, max: 1000 }).map((n) => new Decimal(n).dividedBy(10_000).toString()),
      other_temporary: fc
        .integer({ min: 0, max: 2000 })
        .map((n) => new Decimal(n).dividedBy(10_000).toString()),
    }),
    devices: fc.dictionary(
      fc.constantFrom(...CODES),
      fc.record({ name: fc.constant('假肢'), limit_amt: fen(5_000_000) }),
    ),
    catalog,
    wiCatalog,
    lines: fc.array(line, { minLength: 1, maxLength: 12 }),
    certified: fc.boolean(),
  })
  .map((g) => {
    const medical = g.scheme === 'medical';
    return {
      contract: 'settle/v1',
      scheme: g.scheme,
      setl_type: medical ? g.medicalType : g.wiType,
      settle_date: '2025-06-30',
      admission_date: '2025-06-10',
      dise_codg: 'I10',
      person: {
        psn_no: 'P1',
        certno: '110101196001011233',
        psn_name: '测试',
        insutype: '310',
        category: g.category,
        insu_stas: g.insu_stas,
        insuplc_admdvs: g.insuplc,
        chronic_certified: g.certified ? ['I10'] : [],
      },
      institution: { fixmedins_code: 'H14010500001', mdtrtarea_admvs: '140105', hosp_lv: g.hosp_lv },
      filing: g.filing,
      circumstances: g.circumstances,
      accumulators: {
        year: 2025,
        inpatient_admissions: g.acc.inpatient_admissions,
        hifp_pay: g.acc.hifp_pay,
        large_pay: g.acc.large_pay,
        outpatient_dedc: g.acc.outpatient_dedc,
        outpatient_fund: g.acc.outpatient_fund,
        chronic_dedc: { I10: g.acc.chronic },
        chronic_fund: { I10: g.acc.chronic },
        acct_balance: g.acc.acct_balance,
      },
      acct_used: g.acct_used,
      policy: {
        policy_id: `${g.insuplc}-310-2025`,
        insuplc_admdvs: g.insuplc,
        insutype: '310',
        valid_from: '2025-01-01',
        valid_to: null,
        inpatient: {
          deductible: g.deductible,
          deductible_factors: g.factors,
          bands: g.bands,
          annual_cap: g.cap,
        },
        outpatient: g.outpatient,
        chronic: { diseases: { I10: g.chronic } },
        ...(g.large ? { large_amount: g.large } : {}),
        cross_province: { reduction: g.reduction },
        work_injury: { devices: g.devices },
      },
      catalog: g.catalog,
      wi_catalog: g.wiCatalog,
      lines: g.lines.map((l, i) => ({ feedetl_sn: String(i + 1), ...l })),
    };
  });
