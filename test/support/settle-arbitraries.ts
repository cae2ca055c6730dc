// fast-check generators of valid settle/v1 and settle/v2 requests, for the property tests.
import fc from 'fast-check';
import { Decimal, formatAmount, round2 } from '../../shared/money';

export const fen = (max: number) =>
  fc.integer({ min: 0, max }).map((n) => new Decimal(n).dividedBy(100).toFixed(2));
export const ratio = fc
  .integer({ min: 0, max: 10_000 })
  .map((n) => new Decimal(n).dividedBy(10_000).toString());
export const perLevel = <T>(arb: fc.Arbitrary<T>) => fc.record({ '1': arb, '2': arb, '3': arb });
export const ratioTable = fc.record({
  in_service: perLevel(ratio),
  retired: perLevel(ratio),
  resident: perLevel(ratio),
});

/** Inpatient bands: 0–3 strictly increasing limits, then the open band. */
export const bands = fc
  .uniqueArray(fc.integer({ min: 1, max: 20_000_000 }), { minLength: 0, maxLength: 3 })
  .chain((limits) => {
    const sorted = [...limits].sort((a, b) => a - b).map((n) => String(n));
    return fc.tuple(...[...sorted, null].map((upto) => ratioTable.map((r) => ({ upto, ratio: r }))));
  });

const CODES = ['A01', 'A02', 'B01', 'B02', 'C01', 'W01', 'W02', 'D01', 'X99'];

/** settle/v2 charge categories: mostly absent, sometimes any of "01"–"14". */
const chrgitmType = fc.option(
  fc.integer({ min: 1, max: 14 }).map((n) => String(n).padStart(2, '0')),
  { nil: undefined, freq: 2 },
);
/** Drops the keys whose value is undefined, as a JSON request would not have them. */
const defined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/**
 * Serious-illness policy: a threshold, then bands whose limits all lie above it, strictly
 * increasing, the last open (settle/v2 "Policy additions").
 */
export const seriousIllnessArb = fc
  .record({
    threshold: fc.integer({ min: 0, max: 5_000_000 }),
    steps: fc.uniqueArray(fc.integer({ min: 1, max: 20_000_000 }), { maxLength: 3 }),
    ratios: fc.array(ratio, { minLength: 4, maxLength: 4 }),
    cap: fen(60_000_000),
  })
  .map(({ threshold, steps, ratios, cap }) => {
    const limits = [...steps].sort((a, b) => a - b).map((n) => threshold + n);
    return {
      threshold: new Decimal(threshold).dividedBy(100).toFixed(2),
      bands: [...limits.map((l) => new Decimal(l).dividedBy(100).toFixed(2)), null].map((upto, i) => ({
        upto,
        ratio: ratios[i]!,
      })),
      annual_cap: cap,
    };
  });

export const medicalAssistanceArb = fc.record({
  ratio: fc.record({ low_income: ratio, extreme_poverty: ratio }),
  annual_cap: fen(5_000_000),
});

const catalog = fc.dictionary(
  fc.constantFrom(...CODES),
  fc
    .record({
      name: fc.constant('项目'),
      chrgitm_lv: fc.constantFrom('01', '02', '03'),
      selfpay_prop: ratio,
      pric_uplmt_amt: fc.option(fen(500_000), { nil: null }),
      med_chrgitm_type: chrgitmType,
    })
    .map(defined),
);
const wiCatalog = fc.dictionary(
  fc.constantFrom(...CODES),
  fc
    .record({
      name: fc.constant('工伤项目'),
      pric_uplmt_amt: fc.option(fen(500_000), { nil: null }),
      med_chrgitm_type: chrgitmType,
    })
    .map(defined),
);

const line = fc
  .record({
    code: fc.constantFrom(...CODES),
    cnt: fc.integer({ min: 0, max: 100_000 }).map((n) => new Decimal(n).dividedBy(100).toString()),
    pric: fc.integer({ min: 0, max: 50_000_000 }).map((n) => new Decimal(n).dividedBy(1000).toString()),
    non_work_injury: fc.boolean(),
    fee_kind: fc.option(fc.constantFrom('meal', 'transport'), { nil: undefined, freq: 6 }),
    med_chrgitm_type: chrgitmType,
  })
  .map(({ code, cnt, pric, ...rest }) =>
    defined({
      med_list_codg: code,
      cnt,
      pric,
      det_item_fee_sumamt: formatAmount(round2(new Decimal(cnt).times(pric))),
      ...rest,
    }),
  );

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
        wi_confirmations: fc.option(fc.subarray(['injury', 'recurrence', 'rehab', 'device']), {
          nil: undefined,
        }),
      }),
    )
    .map(([kt, dates, rest]) => defined({ ...kt, ...dates, ...rest })),
  { nil: null, freq: 5 },
);

/** A mid-stay part: mostly none, else part 1, or a later part with what the earlier parts left and had. */
const stay = fc.option(
  fc.oneof(
    fc.constant({ part: 1 }),
    fc.record({
      part: fc.integer({ min: 2, max: 6 }),
      dedc_left: fen(300_000),
      inscp_before: fen(20_000_000),
    }),
  ),
  { nil: undefined, freq: 2 },
);

/** A valid settle/v1 or settle/v2 request of either scheme, with every settle/v2 field now and then. */
export const settleRequestArb = fc
  .record({
    contract: fc.constantFrom('settle/v1', 'settle/v2'),
    scheme: fc.constantFrom('medical', 'work_injury'),
    insutype: fc.constantFrom('310', '390'),
    assistance: fc.option(fc.constantFrom('low_income', 'extreme_poverty', 'veteran'), { nil: undefined }),
    schemes: fc.option(fc.subarray(['medical', 'work_injury']), { nil: undefined, freq: 3 }),
    stay,
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
      hifmi_base: fen(30_000_000),
      hifmi_pay: fen(60_000_000),
      maf_pay: fen(5_000_000),
    }),
    acct_used: fc.boolean(),
    bands,
    deductible: perLevel(fen(300_000)),
    factors: fc.array(ratio, { minLength: 1, maxLength: 3 }),
    cap: fen(60_000_000),
    large: fc.option(fc.record({ ratio, annual_cap: fen(60_000_000) }), { nil: undefined }),
    serious: fc.option(seriousIllnessArb, { nil: undefined, freq: 2 }),
    assistancePolicy: fc.option(medicalAssistanceArb, { nil: undefined, freq: 2 }),
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
      fc
        .record({ name: fc.constant('假肢'), limit_amt: fen(5_000_000), med_chrgitm_type: chrgitmType })
        .map(defined),
    ),
    catalog,
    wiCatalog,
    lines: fc.array(line, { minLength: 1, maxLength: 12 }),
    certified: fc.boolean(),
  })
  .map((g) => {
    const medical = g.scheme === 'medical';
    const setlType = medical ? g.medicalType : g.wiType;
    return {
      contract: g.contract,
      scheme: g.scheme,
      setl_type: setlType,
      settle_date: '2025-06-30',
      admission_date: '2025-06-10',
      dise_codg: 'I10',
      person: {
        psn_no: 'P1',
        certno: '110101196001011233',
        psn_name: '测试',
        insutype: g.insutype,
        category: g.category,
        insu_stas: g.insu_stas,
        insuplc_admdvs: g.insuplc,
        chronic_certified: g.certified ? ['I10'] : [],
        ...(g.assistance ? { assistance: g.assistance } : {}),
      },
      institution: {
        fixmedins_code: 'H14010500001',
        mdtrtarea_admvs: '140105',
        hosp_lv: g.hosp_lv,
        ...(g.schemes ? { schemes: g.schemes } : {}),
      },
      // A stay is for inpatient and rehab bills only (anything else is invalid input).
      ...(g.stay && (setlType === 'inpatient' || setlType === 'rehab') ? { stay: g.stay } : {}),
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
        hifmi_base: g.acc.hifmi_base,
        hifmi_pay: g.acc.hifmi_pay,
        maf_pay: g.acc.maf_pay,
      },
      acct_used: g.acct_used,
      policy: {
        policy_id: `${g.insuplc}-${g.insutype}-2025`,
        insuplc_admdvs: g.insuplc,
        insutype: g.insutype,
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
        ...(g.serious ? { serious_illness: g.serious } : {}),
        ...(g.assistancePolicy ? { medical_assistance: g.assistancePolicy } : {}),
      },
      catalog: g.catalog,
      wi_catalog: g.wiCatalog,
      lines: g.lines.map((l, i) => ({ feedetl_sn: String(i + 1), ...l })),
    };
  });
