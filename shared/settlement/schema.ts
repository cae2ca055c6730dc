import { z } from 'zod';
import {
  amountString,
  divisionCode,
  feeKind,
  hospitalLevel,
  isoDate,
  medChrgitmType,
  nonEmptyString,
  perLevel,
  priceString,
  quantityString,
  ratioString,
  ratioTable,
} from './schema-primitives';
import { policySchema } from './schema-policy';

export { policySchema } from './schema-policy';
export type { Policy } from './schema-policy';

/** Both contracts are accepted and settled by settle/v2 rules; the result echoes the request's (contract, settle/v2). */
export const CONTRACTS = ['settle/v1', 'settle/v2'] as const;
export type Contract = (typeof CONTRACTS)[number];
export const SCHEMES = ['medical', 'work_injury'] as const;
export const SETL_TYPES = {
  medical: ['inpatient', 'outpatient', 'chronic_outpatient'],
  work_injury: ['inpatient', 'rehab', 'device'],
} as const;
export const CATEGORIES = ['in_service', 'retired', 'resident'] as const;
export const FILING_TYPES = {
  long_term: ['resettled_retiree', 'long_term_resident', 'posted_worker'],
  temporary: ['referral', 'emergency', 'other_temporary'],
} as const;
/** What the insured place confirmed for a work-injury filing (settle/v2 Step 1, seed 003). */
export const WI_CONFIRMATIONS = ['injury', 'recurrence', 'rehab', 'device'] as const;
export type WiConfirmation = (typeof WI_CONFIRMATIONS)[number];

export const personSchema = z.object({
  psn_no: nonEmptyString,
  certno: z.string(),
  psn_name: z.string(),
  insutype: z.enum(['310', '390']).optional(),
  category: z.enum(CATEGORIES),
  insu_stas: z.enum(['active', 'suspended']).default('active'),
  insuplc_admdvs: divisionCode,
  chronic_certified: z.array(z.string()).optional(),
  /** settle/v2: medical-assistance category, a key of policy.medical_assistance.ratio. */
  assistance: nonEmptyString.optional(),
});

export const institutionSchema = z.object({
  fixmedins_code: nonEmptyString,
  mdtrtarea_admvs: divisionCode,
  hosp_lv: hospitalLevel,
  /** settle/v2: the schemes this institution is contracted for; absent = both. */
  schemes: z
    .array(
      z.enum(SCHEMES, {
        error: 'schemes 的值须为 medical 或 work_injury / a scheme is medical or work_injury',
      }),
    )
    .optional(),
});

export const filingSchema = z
  .object({
    kind: z.enum(['long_term', 'temporary']),
    type: z.enum([...FILING_TYPES.long_term, ...FILING_TYPES.temporary]),
    mdtrtarea_admvs: divisionCode,
    begndate: isoDate,
    enddate: isoDate.nullable(),
    fixmedins_codes: z.array(z.string()).nullable().default(null),
    wi_confirmed: z.boolean().optional(),
    /** settle/v2: what the insured place confirmed; when present it replaces wi_confirmed. */
    wi_confirmations: z
      .array(
        z.enum(WI_CONFIRMATIONS, {
          error:
            '工伤确认须为 injury、recurrence、rehab 或 device / a confirmation is injury, recurrence, rehab or device',
        }),
      )
      .optional(),
  })
  .superRefine((f, ctx) => {
    if (!(FILING_TYPES[f.kind] as readonly string[]).includes(f.type)) {
      ctx.addIssue({
        code: 'custom',
        path: ['type'],
        message: `备案类型与种类不符 / filing type ${f.type} is not a ${f.kind} type`,
      });
    }
    if (f.enddate !== null && f.enddate < f.begndate) {
      ctx.addIssue({
        code: 'custom',
        path: ['enddate'],
        message: '备案截止日期早于开始日期 / enddate is before begndate',
      });
    }
  });

export const circumstancesSchema = z.object({
  emergency: z.boolean().default(false),
  trauma: z.boolean().default(false),
  trauma_commitment_signed: z.boolean().default(false),
  third_party_liable: z.boolean().default(false),
});

/** No special circumstance: what a request that says none means (and what the station assumes until
 * the cashier ticks one). */
export const NO_CIRCUMSTANCES: Readonly<z.infer<typeof circumstancesSchema>> = Object.freeze(
  circumstancesSchema.parse({}),
);

export const accumulatorsSchema = z.object({
  year: z.number().int().min(1900).max(9999).optional(),
  inpatient_admissions: z.number().int().min(0).default(0),
  hifp_pay: amountString.default('0.00'),
  large_pay: amountString.default('0.00'),
  outpatient_dedc: amountString.default('0.00'),
  outpatient_fund: amountString.default('0.00'),
  chronic_dedc: z.record(z.string(), amountString).default({}),
  chronic_fund: z.record(z.string(), amountString).default({}),
  acct_balance: amountString.default('0.00'),
  // settle/v2: the serious-illness qualifying amount so far, and what serious illness and medical
  // assistance paid this year.
  hifmi_base: amountString.default('0.00'),
  hifmi_pay: amountString.default('0.00'),
  maf_pay: amountString.default('0.00'),
});

/**
 * settle/v2 mid-stay (中途) settlement: one part of a long stay. Part 1 settles as v1; from part 2 on,
 * the deductible is what the earlier parts left (dedc_left) and the bands are walked over the stay's
 * cumulative in-policy amount from inscp_before. The amounts are needed for a medical inpatient part ≥ 2.
 */
/** The settlement types a stay is settled in parts for (medical or work-injury inpatient, rehab). */
export const STAY_SETL_TYPES = ['inpatient', 'rehab'] as const;

export const staySchema = z.object({
  part: z
    .number({ error: '中途结算段号须为不小于1的整数 / stay.part is an integer ≥ 1' })
    .int({ error: '中途结算段号须为不小于1的整数 / stay.part is an integer ≥ 1' })
    .min(1, { error: '中途结算段号须为不小于1的整数 / stay.part is an integer ≥ 1' }),
  dedc_left: amountString.optional(),
  inscp_before: amountString.optional(),
});

export const catalogEntrySchema = z.object({
  name: z.string(),
  chrgitm_lv: z.enum(['01', '02', '03']),
  selfpay_prop: ratioString,
  pric_uplmt_amt: amountString.nullable(),
  med_chrgitm_type: medChrgitmType.optional(),
});

export const wiCatalogEntrySchema = z.object({
  name: z.string(),
  pric_uplmt_amt: amountString.nullable(),
  med_chrgitm_type: medChrgitmType.optional(),
});

export const billLineSchema = z.object({
  feedetl_sn: nonEmptyString,
  med_list_codg: nonEmptyString,
  name: z.string().optional(),
  cnt: quantityString,
  pric: priceString,
  det_item_fee_sumamt: amountString,
  non_work_injury: z.boolean().optional(),
  /** settle/v2: meal allowance or transport, never paid by a fund. */
  fee_kind: feeKind.optional(),
  /** settle/v2: the line's charge category; else its catalog entry's; else "14". */
  med_chrgitm_type: medChrgitmType.optional(),
});

export const settleRequestObject = z.object({
  contract: z.enum(CONTRACTS, {
    error: 'contract 须为 "settle/v1" 或 "settle/v2" / contract must be "settle/v1" or "settle/v2"',
  }),
  scheme: z.enum(SCHEMES, {
    error: 'scheme 须为 medical 或 work_injury / scheme must be medical or work_injury',
  }),
  setl_type: z.enum(['inpatient', 'outpatient', 'chronic_outpatient', 'rehab', 'device'], {
    error: 'setl_type 未知 / unknown setl_type',
  }),
  settle_date: isoDate,
  admission_date: isoDate.optional(),
  dise_codg: z.string().optional(),
  person: personSchema,
  institution: institutionSchema,
  filing: filingSchema.nullable(),
  circumstances: circumstancesSchema.default({ ...NO_CIRCUMSTANCES }),
  accumulators: accumulatorsSchema.default(accumulatorsSchema.parse({})),
  acct_used: z.boolean().default(false),
  policy: policySchema.optional(),
  catalog: z.record(z.string(), catalogEntrySchema).optional(),
  wi_catalog: z.record(z.string(), wiCatalogEntrySchema).optional(),
  stay: staySchema.optional(),
  lines: z.array(billLineSchema).min(1, { error: '账单至少一行 / a bill has at least one line' }),
});

export type SettleRequest = z.infer<typeof settleRequestObject>;
export type SettleRequestInput = z.input<typeof settleRequestObject>;
export type Person = z.infer<typeof personSchema>;
export type Institution = z.infer<typeof institutionSchema>;
export type Filing = z.infer<typeof filingSchema>;
export type Circumstances = z.infer<typeof circumstancesSchema>;
export type Accumulators = z.infer<typeof accumulatorsSchema>;
export type CatalogEntry = z.infer<typeof catalogEntrySchema>;
export type WiCatalogEntry = z.infer<typeof wiCatalogEntrySchema>;
export type BillLine = z.infer<typeof billLineSchema>;
export type Stay = z.infer<typeof staySchema>;

export { perLevel, ratioTable, amountString, ratioString, isoDate, divisionCode };
