import { z } from 'zod';
import { Decimal } from '../money';
import {
  amountString,
  divisionCode,
  isoDate,
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

const inpatientPolicy = z
  .object({
    deductible: perLevel(amountString),
    deductible_factors: z.array(ratioString).min(1),
    bands: z.array(band).min(1),
    annual_cap: amountString,
  })
  .superRefine((p, ctx) => {
    // Bands are ranges from 0 upward (contract step 3.2): strictly increasing, the last one open.
    let previous = new Decimal(0);
    p.bands.forEach((b, i) => {
      const last = i === p.bands.length - 1;
      if (last && b.upto !== null) {
        ctx.addIssue({
          code: 'custom',
          path: ['bands', i, 'upto'],
          message: '最后一段须不设上限(null) / the last band must be open (upto null)',
        });
      } else if (!last && b.upto === null) {
        ctx.addIssue({
          code: 'custom',
          path: ['bands', i, 'upto'],
          message: '只有最后一段可不设上限 / only the last band may be open',
        });
      } else if (b.upto !== null) {
        const upto = new Decimal(b.upto);
        if (upto.lte(previous)) {
          ctx.addIssue({
            code: 'custom',
            path: ['bands', i, 'upto'],
            message: '分段上限须递增 / band limits must increase',
          });
        }
        previous = upto;
      }
    });
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
      if (value !== undefined && new Decimal(value).gt(NATIONAL_MAX_REDUCTION[key])) {
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
      .object({ devices: z.record(z.string(), z.object({ name: z.string(), limit_amt: amountString })) })
      .optional(),
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
