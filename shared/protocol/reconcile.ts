// 3201 对总账 and 3202 明细对账: which settlements a reconciliation row covers, and 3202's messages.
// One source for both ends: the platform groups its stored settlements with these, the station groups
// its own, so a difference between the two can only come from the settlements themselves.

import { z } from 'zod';
import { amountString, isoDate } from '../settlement';
import type { SCHEMES, SETL_TYPES } from '../settlement';
import { withoutControlChars } from './text';

type AnySetlType = (typeof SETL_TYPES)[keyof typeof SETL_TYPES][number];

/** 3201's clr_type: 11 outpatient and chronic outpatient, 21 inpatient, rehab and devices, 99 all. */
export const CLR_TYPE_SETL_TYPES = {
  '11': ['outpatient', 'chronic_outpatient'],
  '21': ['inpatient', 'rehab', 'device'],
  '99': ['inpatient', 'outpatient', 'chronic_outpatient', 'rehab', 'device'],
} as const satisfies Record<string, readonly AnySetlType[]>;
export type ClrType = keyof typeof CLR_TYPE_SETL_TYPES;
/** The clearing types a settlement belongs to exactly one of (99 is their sum). */
export const SPLIT_CLR_TYPES = ['11', '21'] as const satisfies readonly ClrType[];

export const INSUTYPES = ['310', '390', '410'] as const;
export type Insutype = (typeof INSUTYPES)[number];

/** The clearing type of a settlement type (11 or 21). */
export function clrTypeOf(setlType: AnySetlType): (typeof SPLIT_CLR_TYPES)[number] {
  return (CLR_TYPE_SETL_TYPES['11'] as readonly string[]).includes(setlType) ? '11' : '21';
}

/** The insurance type a settlement is reconciled under: 410 for work injury, else the person's
 * medical insurance type (310 employees when the filing names none) — what the platform stores. */
export function reconcileInsutype(
  scheme: (typeof SCHEMES)[number],
  personInsutype?: Exclude<Insutype, '410'>,
): Insutype {
  return scheme === 'work_injury' ? '410' : (personInsutype ?? '310');
}

const setlFlag = z.enum(['0', '1']);

/** One settlement as the station holds it. refd_setl_flag "1": cancelled (红冲) at the station. */
export const detailRowSchema = z
  .object({
    setl_id: z.string().min(1).max(64),
    mdtrt_id: z.string().min(1).max(64),
    psn_no: z.string().min(1).max(64),
    insutype: z.enum(INSUTYPES),
    clr_type: z.enum(SPLIT_CLR_TYPES),
    medfee_sumamt: amountString,
    fund_pay_sumamt: amountString,
    acct_pay: amountString,
    refd_setl_flag: setlFlag,
  })
  .strict();
export type DetailRow = z.infer<typeof detailRowSchema>;

export const detailReconcileInputSchema = withoutControlChars(
  z.object({
    data: z
      .object({
        stmt_begndate: isoDate,
        stmt_enddate: isoDate,
        /** the clearing agency: the treatment place's division (mdtrtarea_admvs) */
        setl_optins: z.string().regex(/^\d{6}$/, { error: '须为6位区划代码 / a 6-digit division code' }),
        rows: z.array(detailRowSchema).max(20_000),
      })
      .strict()
      .refine((d) => d.stmt_enddate >= d.stmt_begndate, {
        error: 'stmt_enddate 早于 stmt_begndate / stmt_enddate is before stmt_begndate',
        path: ['stmt_enddate'],
      })
      .refine((d) => new Set(d.rows.map((r) => r.setl_id)).size === d.rows.length, {
        error: 'setl_id 重复 / a setl_id appears twice',
        path: ['rows'],
      }),
  }),
);

/** 0 matched, 1 amounts (or the cancel) differ, 2 unknown to the platform, 3 cancelled on the platform. */
export const DETAIL_RESULTS = ['0', '1', '2', '3'] as const;
export type DetailResult = (typeof DETAIL_RESULTS)[number];

/** A settlement as the platform holds it (its own figures, which are the ones that count). */
export const platformSettlementSchema = z.object({
  setl_id: z.string(),
  local_setl_id: z.string(),
  mdtrt_id: z.string().nullable(),
  psn_no: z.string(),
  insutype: z.string(),
  clr_type: z.enum(SPLIT_CLR_TYPES),
  settle_date: z.string(),
  medfee_sumamt: amountString,
  fund_pay_sumamt: amountString,
  acct_pay: amountString,
  refd_setl_flag: setlFlag,
  /** Extension: the station that uploaded it (another counter of the same hospital). */
  station_id: z.string(),
});
export type PlatformSettlement = z.infer<typeof platformSettlementSchema>;

export const detailReconcileOutputSchema = z.object({
  rows: z.array(
    z.object({
      setl_id: z.string(),
      stmt_rslt: z.enum(DETAIL_RESULTS),
      /** Extension: which fields differ (medfee_sumamt, fund_pay_sumamt, acct_pay, refd_setl_flag). */
      fields: z.array(z.string()),
      platform: platformSettlementSchema.nullable(),
    }),
  ),
  missing: z.array(platformSettlementSchema),
});
export type DetailReconcileOutput = z.infer<typeof detailReconcileOutputSchema>;
