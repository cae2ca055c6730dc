import { z } from 'zod';
import { Decimal, isAmountString, isRatioString } from '../money';
import {
  amountString,
  divisionCode,
  isoDate,
  medChrgitmType,
  nonEmptyString,
  perLevel,
  ratioString,
  ratioTable,
} from './schema-primitives';

/**
 * The national maximum reductions of the payment ratio for temporary cross-province treatment
 * (2022 notice, seed 001/002: "降低幅度原则上不超过10个百分点…不超过20个百分点"). A policy beyond
 * them breaks a national rule and is invalid input.
 */
export const NATIONAL_MAX_REDUCTION = {
  referral: '0.10',
  emergency: '0.10',
  other_temporary: '0.20',
} as const;

const band = z.object({ upto: amountString.nullable(), ratio: ratioTable });

type Issue = { code: 'custom'; path: (string | number)[]; message: string };

/**
 * Bands are ranges walked upward from `floor` (0 for the basic fund, the threshold for serious
 * illness): every upto strictly above the one before (the first above the floor), only the last open.
 */
function checkBands(
  bands: readonly { upto: string | null }[],
  floor: Decimal,
  floorMessage: string,
  add: (issue: Issue) => void,
): void {
  let previous = floor;
  bands.forEach((b, i) => {
    const last = i === bands.length - 1;
    if (last && b.upto !== null) {
      add({
        code: 'custom',
        path: ['bands', i, 'upto'],
        message: '最后一段须不设上限(null) / the last band must be open (upto null)',
      });
    } else if (!last && b.upto === null) {
      add({
        code: 'custom',
        path: ['bands', i, 'upto'],
        message: '只有最后一段可不设上限 / only the last band may be open',
      });
    } else if (b.upto !== null && isAmountString(b.upto)) {
      // A malformed upto is reported by its own schema; zod runs this refinement anyway.
      const upto = new Decimal(b.upto);
      if (upto.lte(previous)) {
        add({
          code: 'custom',
          path: ['bands', i, 'upto'],
          message: i === 0 ? floorMessage : '分段上限须递增 / band limits must increase',
        });
      }
      previous = upto;
    }
  });
}

const inpatientPolicy = z
  .object({
    deductible: perLevel(amountString),
    deductible_factors: z.array(ratioString).min(1),
    bands: z.array(band).min(1),
    annual_cap: amountString,
  })
  // Bands are ranges from 0 upward (contract step 3.2): strictly increasing, the last one open.
  .superRefine((p, ctx) =>
    checkBands(p.bands, new Decimal(0), '分段上限须大于0 / band limits must be above 0', (i) =>
      ctx.addIssue(i),
    ),
  );

/**
 * Residents' serious-illness insurance (大病保险, settle/v2): bands on the year's cumulative qualifying
 * amount above `threshold`; the first upto above the threshold, strictly increasing, the last open.
 */
const seriousIllness = z
  .object({
    threshold: amountString,
    bands: z.array(z.object({ upto: amountString.nullable(), ratio: ratioString })).min(1),
    annual_cap: amountString,
  })
  .superRefine((p, ctx) => {
    if (!isAmountString(p.threshold)) return; // reported by its own schema
    checkBands(
      p.bands,
      new Decimal(p.threshold),
      '大病保险第一段上限须高于起付线 / the first serious-illness band must end above the threshold',
      (i) => ctx.addIssue(i),
    );
  });

/** Medical assistance (医疗救助, settle/v2): a ratio per assistance category, one annual cap. */
const medicalAssistance = z.object({
  ratio: z.record(z.string(), ratioString),
  annual_cap: amountString,
});

const reduction = z
  .object({
    referral: ratioString.optional(),
    emergency: ratioString.optional(),
    other_temporary: ratioString.optional(),
  })
  .superRefine((r, ctx) => {
    for (const key of Object.keys(NATIONAL_MAX_REDUCTION) as (keyof typeof NATIONAL_MAX_REDUCTION)[]) {
      const value = r[key];
      if (isRatioString(value) && new Decimal(value).gt(NATIONAL_MAX_REDUCTION[key])) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `降低比例超过国家上限${NATIONAL_MAX_REDUCTION[key]} / reduction exceeds the national maximum of ${NATIONAL_MAX_REDUCTION[key]}`,
        });
      }
    }
  });

export const policySchema = z
  .object({
    policy_id: nonEmptyString,
    insuplc_admdvs: divisionCode,
    insutype: z.string().optional(),
    valid_from: isoDate,
    valid_to: isoDate.nullable(),
    inpatient: inpatientPolicy.optional(),
    outpatient: z
      .object({ annual_deductible: amountString, ratio: ratioTable, annual_cap: amountString })
      .optional(),
    chronic: z
      .object({
        diseases: z.record(
          z.string(),
          z.object({
            name: z.string(),
            annual_deductible: amountString,
            ratio: ratioString,
            annual_limit: amountString,
          }),
        ),
      })
      .optional(),
    large_amount: z.object({ ratio: ratioString, annual_cap: amountString }).optional(),
    cross_province: z.object({ reduction }).optional(),
    work_injury: z
      .object({
        devices: z.record(
          z.string(),
          z.object({
            name: z.string(),
            limit_amt: amountString,
            med_chrgitm_type: medChrgitmType.optional(),
          }),
        ),
      })
      .optional(),
    serious_illness: seriousIllness.optional(),
    medical_assistance: medicalAssistance.optional(),
  })
  .superRefine((p, ctx) => {
    if (p.valid_to !== null && p.valid_to < p.valid_from) {
      ctx.addIssue({
        code: 'custom',
        path: ['valid_to'],
        message: '政策截止日期早于生效日期 / valid_to is before valid_from',
      });
    }
  });

export type Policy = z.infer<typeof policySchema>;
export type SeriousIllnessPolicy = z.infer<typeof seriousIllness>;
export type MedicalAssistancePolicy = z.infer<typeof medicalAssistance>;
