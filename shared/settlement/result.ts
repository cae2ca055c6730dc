import { z } from 'zod';
import { amountString } from './schema-primitives';

export const REFUSAL_CODES = [
  'INSURANCE_SUSPENDED',
  'THIRD_PARTY_LIABLE',
  'TRAUMA_COMMITMENT_MISSING',
  'NOT_FILED',
  'FILING_OTHER_PLACE',
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
  'fund_pay_sumamt',
  'psn_part_amt',
  'acct_pay',
  'psn_cash_pay',
] as const;
export type SetlinfoField = (typeof SETLINFO_FIELDS)[number];

export const setlinfoSchema = z.object(
  Object.fromEntries(SETLINFO_FIELDS.map((f) => [f, amount])) as Record<SetlinfoField, typeof amount>,
);

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
});

export const settleResultSchema = z.object({
  contract: z.literal('settle/v1'),
  status: z.enum(['settled', 'refused']),
  refusal: z.array(z.object({ code: z.enum(REFUSAL_CODES), message: z.string(), message_en: z.string() })),
  setlinfo: setlinfoSchema,
  items: z.array(itemResultSchema).optional(),
  accumulators_after: resultAccumulatorsSchema,
  /** Extension: the ratio reduction applied for a temporary filing or an unfiled emergency. */
  reduction: z.string(),
  /** Extension: true when the insured place and the treatment place are in different provinces. */
  cross_province: z.boolean(),
  trace: z.array(traceEntrySchema),
});

export type SettleResult = z.infer<typeof settleResultSchema>;
export type Setlinfo = z.infer<typeof setlinfoSchema>;
export type ItemResult = z.infer<typeof itemResultSchema>;
export type TraceEntry = z.infer<typeof traceEntrySchema>;
export type ResultAccumulators = z.infer<typeof resultAccumulatorsSchema>;
export type Refusal = SettleResult['refusal'][number];
