import { z } from 'zod';
import { CONTRACTS } from './schema';
import { amountString, medChrgitmType } from './schema-primitives';

export const REFUSAL_CODES = [
  'INSURANCE_SUSPENDED',
  'THIRD_PARTY_LIABLE',
  'TRAUMA_COMMITMENT_MISSING',
  'INSTITUTION_NOT_CONTRACTED',
  'NOT_FILED',
  'FILING_OTHER_PLACE',
  'FILING_TYPE_NOT_ALLOWED',
  'FILING_NOT_YET_VALID',
  'FILING_EXPIRED',
  'NOT_DESIGNATED',
  'WORK_INJURY_NOT_CONFIRMED',
  'CHRONIC_DISEASE_NOT_COVERED',
  'CHRONIC_NOT_CERTIFIED',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

const amount = amountString;

export const SETLINFO_FIELDS = [
  'medfee_sumamt',
  'fulamt_ownpay_amt',
  'overlmt_selfpay',
  'preselfpay_amt',
  'inscp_scp_amt',
  'act_pay_dedc',
  'hifp_pay',
  'hifob_pay',
  'hifmi_pay',
  'maf_pay',
  'fund_pay_sumamt',
  'psn_part_amt',
  'acct_pay',
  'psn_cash_pay',
] as const;
export type SetlinfoField = (typeof SETLINFO_FIELDS)[number];

/**
 * settle/v2 fields. The engine always writes them; a result stored by the settle/v1 engine (a station's
 * pending upload, a platform row) lacks them and reads as "0.00", which is what they were.
 */
const V2_AMOUNT = amount.default('0.00');
const V2_SETLINFO_FIELDS: readonly SetlinfoField[] = ['hifmi_pay', 'maf_pay'];

export const setlinfoSchema = z.object(
  Object.fromEntries(
    SETLINFO_FIELDS.map((f) => [f, V2_SETLINFO_FIELDS.includes(f) ? V2_AMOUNT : amount]),
  ) as Record<SetlinfoField, typeof amount>,
);

/**
 * Fund payment types of the settlement's fund detail (setldetail), in the order the contract lists
 * them (settle/v2 "Result additions"; names from domain.md "Fund types"): the full name, its English,
 * and the short name a cashier says (统筹基金, 大额医疗, 大病保险, 医疗救助, 工伤保险基金).
 */
export const FUND_PAY_TYPES = {
  '310100': ['职工基本医疗保险统筹基金', 'employee pooled fund', '统筹基金', 'pooled fund'],
  '390100': ['城乡居民基本医疗保险基金', 'resident basic fund', '统筹基金', 'pooled fund'],
  '410100': ['工伤保险基金', 'work-injury fund', '工伤保险基金', 'work-injury fund'],
  '330100': ['职工大额医疗费用补助', 'large-amount subsidy', '大额医疗', 'large-amount subsidy'],
  '390200': [
    '城乡居民大病医疗保险',
    'resident serious-illness insurance',
    '大病保险',
    'serious-illness insurance',
  ],
  '610100': ['医疗救助基金', 'medical assistance', '医疗救助', 'medical assistance'],
} as const satisfies Record<string, readonly [string, string, string, string]>;
export type FundPayType = keyof typeof FUND_PAY_TYPES;

export const setldetailRowSchema = z.object({
  fund_pay_type: z.enum(Object.keys(FUND_PAY_TYPES) as [FundPayType, ...FundPayType[]]),
  fund_payamt: amount,
});

/** One row of the settlement list's fee table, per charge category. */
export const chrgitmSummaryRowSchema = z.object({
  med_chrgitm_type: medChrgitmType,
  amt: amount,
  claa_sumfee: amount,
  clab_amt: amount,
  fulamt_ownpay_amt: amount,
  oth_amt: amount,
});

export const itemResultSchema = z.object({
  feedetl_sn: z.string(),
  med_list_codg: z.string(),
  det_item_fee_sumamt: amount,
  fulamt_ownpay_amt: amount,
  overlmt_amt: amount,
  preselfpay_amt: amount,
  inscp_scp_amt: amount,
  /** Extension: why the line was classed so (a catalog class, off-catalog, over the ceiling…). */
  basis: z.string(),
});

export const traceEntrySchema = z.object({
  /** Which step of the contract: eligibility | items | deductible | band | cap | large_amount | funds | person. */
  step: z.string(),
  /** A stable code for the rule applied. */
  rule: z.string(),
  zh: z.string(),
  en: z.string(),
});

export const resultAccumulatorsSchema = z.object({
  year: z.number().int(),
  inpatient_admissions: z.number().int(),
  hifp_pay: amount,
  large_pay: amount,
  outpatient_dedc: amount,
  outpatient_fund: amount,
  chronic_dedc: z.record(z.string(), amount),
  chronic_fund: z.record(z.string(), amount),
  acct_balance: amount,
  hifmi_base: V2_AMOUNT,
  hifmi_pay: V2_AMOUNT,
  maf_pay: V2_AMOUNT,
});

export const refusalSchema = z.object({
  code: z.enum(REFUSAL_CODES),
  message: z.string(),
  message_en: z.string(),
});

export const settleResultSchema = z.object({
  /** The request's contract, echoed; both are settled by settle/v2 rules. */
  contract: z.enum(CONTRACTS),
  status: z.enum(['settled', 'refused']),
  refusal: z.array(refusalSchema),
  setlinfo: setlinfoSchema,
  items: z.array(itemResultSchema).optional(),
  /** settle/v2, settled results only: one row per non-zero fund. */
  setldetail: z.array(setldetailRowSchema).optional(),
  /** settle/v2, settled results only: the fee table by charge category, sorted by code. */
  chrgitm_summary: z.array(chrgitmSummaryRowSchema).optional(),
  accumulators_after: resultAccumulatorsSchema,
  /** Extension: the ratio reduction applied for a temporary filing or an unfiled emergency. */
  reduction: z.string(),
  /** Extension: true when the insured place and the treatment place are in different provinces. */
  cross_province: z.boolean(),
  /**
   * Extension (settle/v2): the filing rows an emergency did not refuse on (seed 002, "regarded as
   * having been filed"), so the station can say why it settled without a valid filing. Present only
   * when an emergency waived something.
   */
  emergency_waived: z.array(refusalSchema).optional(),
  /** Extension (settle/v2): the mid-stay part number, when the request had `stay`. */
  stay_part: z.number().int().min(1).optional(),
  trace: z.array(traceEntrySchema),
});

export type SettleResult = z.infer<typeof settleResultSchema>;
export type Setlinfo = z.infer<typeof setlinfoSchema>;
export type ItemResult = z.infer<typeof itemResultSchema>;
export type TraceEntry = z.infer<typeof traceEntrySchema>;
export type ResultAccumulators = z.infer<typeof resultAccumulatorsSchema>;
export type Refusal = z.infer<typeof refusalSchema>;
export type SetldetailRow = z.infer<typeof setldetailRowSchema>;
export type ChrgitmSummaryRow = z.infer<typeof chrgitmSummaryRowSchema>;
