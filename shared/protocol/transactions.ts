// Inputs and outputs of the non-dataset transactions (platform-protocol.md "Transactions").

import { z } from 'zod';
import { amountString, isoDate } from '../settlement';
import { CLR_TYPE_SETL_TYPES, INSUTYPES, type ClrType } from './reconcile';
import { withoutControlChars } from './text';

const CLR_TYPES = Object.keys(CLR_TYPE_SETL_TYPES) as [ClrType, ...ClrType[]];

const signedAmount = z
  .string()
  .regex(/^-?\d+\.\d{2}$/, { error: '金额须为两位小数 / an amount with two decimals' });

// 9001 签到 sign-in
export const signInInputSchema = withoutControlChars(
  z.object({
    signIn: z.object({
      opter_no: z.string().min(1).max(30),
      mac: z.string().max(64),
      ip: z.string().max(64),
    }),
  }),
);
export const signInOutputSchema = z.object({
  signinoutb: z.object({ sign_time: z.string(), sign_no: z.string().min(1) }),
});

// 9002 签退 sign-out: the operator's sign_no stops being valid (end of a shift, the station closing)
export const signOutInputSchema = withoutControlChars(
  z.object({
    signOut: z.object({ sign_no: z.string().min(1).max(64), opter_no: z.string().min(1).max(30) }).strict(),
  }),
);
export const signOutOutputSchema = z.object({
  signoutoutb: z.object({ sign_time: z.string(), sign_no: z.string().min(1) }),
});

// 1101 人员信息获取 person info
export const personInfoInputSchema = withoutControlChars(
  z.object({
    data: z
      .object({
        mdtrt_cert_type: z.enum(['01', '02', '03']),
        mdtrt_cert_no: z.string().min(1).max(128),
        card_sn: z.string().max(64).optional(),
        psn_cert_type: z.string().max(8).optional(),
        certno: z.string().max(32).optional(),
        psn_name: z.string().max(50).optional(),
      })
      .strict(),
  }),
);
export const baseinfoSchema = z.object({
  psn_no: z.string(),
  psn_cert_type: z.string(),
  certno: z.string(),
  psn_name: z.string(),
  gend: z.enum(['1', '2', '9']),
  naty: z.string(),
  brdy: isoDate,
  age: z.number().int().min(0),
});
export const insuinfoSchema = z.object({
  balc: amountString,
  /** 310 employee basic, 390 resident basic, 410 work injury */
  insutype: z.string(),
  /** 11 in-service employee, 21 retired, 15 resident */
  psn_type: z.string(),
  /** 1 normal, 2 suspended */
  psn_insu_stas: z.string(),
  insuplc_admdvs: z.string(),
  emp_name: z.string(),
});
export const personInfoOutputSchema = z.object({
  baseinfo: baseinfoSchema,
  insuinfo: z.array(insuinfoSchema),
});

// 2305 结算撤销 cancel settlement
export const cancelInputSchema = withoutControlChars(
  z.object({
    data: z
      .object({
        setl_id: z.string().min(1).max(64),
        psn_no: z.string().min(1).max(64),
        local_setl_id: z.string().max(64).optional(),
      })
      .strict(),
  }),
);
export const cancelOutputSchema = z.object({
  setlinfo: z.object({
    setl_id: z.string(),
    orig_setl_id: z.string(),
    local_setl_id: z.string(),
    psn_no: z.string(),
    setl_time: z.string(),
    medfee_sumamt: signedAmount,
    fund_pay_sumamt: signedAmount,
    hifp_pay: signedAmount,
    hifob_pay: signedAmount,
    acct_pay: signedAmount,
    psn_cash_pay: signedAmount,
    /** settle/v2: the serious-illness and medical-assistance funds given back (absent for v1) */
    hifmi_pay: signedAmount.optional(),
    maf_pay: signedAmount.optional(),
  }),
});
export type CancelOutput = z.infer<typeof cancelOutputSchema>;

// 3201 对总账 reconcile totals
export const reconcileInputSchema = withoutControlChars(
  z.object({
    data: z
      .object({
        /** 310 / 390 medical, 410 work injury */
        insutype: z.enum(INSUTYPES),
        /** 11 outpatient and chronic outpatient, 21 inpatient, rehab and devices, 99 all */
        clr_type: z.enum(CLR_TYPES),
        stmt_begndate: isoDate,
        stmt_enddate: isoDate,
        medfee_sumamt: amountString,
        fund_pay_sumamt: amountString,
        acct_pay: amountString,
        fixmedins_setl_cnt: z.number().int().min(0),
      })
      .strict()
      .refine((d) => d.stmt_enddate >= d.stmt_begndate, {
        error: 'stmt_enddate 早于 stmt_begndate / stmt_enddate is before stmt_begndate',
        path: ['stmt_enddate'],
      }),
  }),
);
export const reconcileOutputSchema = z.object({
  stmtinfo: z.object({
    stmt_rslt: z.enum(['0', '1']),
    stmt_rslt_dscr: z.string(),
    /** Extension: the platform's own totals, so a station can see where it differs. */
    platform: z.object({
      medfee_sumamt: amountString,
      fund_pay_sumamt: amountString,
      acct_pay: amountString,
      fixmedins_setl_cnt: z.number().int(),
      /** Extension (settle/v2): each fund's total; together they are fund_pay_sumamt. */
      funds: z
        .object({
          hifp_pay: amountString,
          hifob_pay: amountString,
          hifmi_pay: amountString,
          maf_pay: amountString,
        })
        .optional(),
    }),
  }),
});

// 8202 settlement status
export const statusInputSchema = withoutControlChars(
  z.object({
    data: z.object({ local_setl_ids: z.array(z.string().min(1).max(64)).min(1).max(1000) }).strict(),
  }),
);
