// The message envelope (platform-protocol.md "Envelope"), request and response.

import { z } from 'zod';
import { withoutControlChars } from './text';

/** An institution code (fixmedins_code): 12 letters or digits. */
export const FIXMEDINS_CODE_PATTERN = /^[A-Za-z0-9]{12}$/;

export const INFNOS = [
  '9001',
  '9002',
  '1101',
  '2303',
  '2305',
  '3201',
  '3202',
  '8101',
  '8102',
  '8103',
  '8201',
  '8202',
] as const;
export type Infno = (typeof INFNOS)[number];

// `input` is left to its transaction's schema, which refuses control characters the same way (the
// message then names the input path and says INPUT_INVALID).
export const requestEnvelopeSchema = withoutControlChars(
  z.object({
    infno: z.string().regex(/^\d{4}$/, { error: 'infno 须为4位数字 / infno has 4 digits' }),
    msgid: z.string().regex(/^[A-Za-z0-9]{12}\d{18}$/, {
      error:
        'msgid 须为机构编码12位+时间14位+序号4位 / msgid is fixmedins_code 12 + yyyyMMddHHmmss + 4 digits',
    }),
    mdtrtarea_admvs: z.string().regex(/^\d{6}$/),
    insuplc_admdvs: z
      .string()
      .regex(/^\d{6}$/)
      .optional()
      .or(z.literal('')),
    recer_sys_code: z.string().max(20),
    infver: z.literal('V1.0'),
    opter_type: z.enum(['1', '2']),
    opter: z.string().min(1).max(30),
    opter_name: z.string().max(50),
    inf_time: z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
    fixmedins_code: z.string().regex(FIXMEDINS_CODE_PATTERN),
    fixmedins_name: z.string().max(200),
    sign_no: z.string().max(64),
    input: z.record(z.string(), z.unknown()),
  }),
  ['input'],
);
export type RequestEnvelope = z.infer<typeof requestEnvelopeSchema>;

export const responseEnvelopeSchema = z.object({
  infcode: z.union([z.literal(0), z.literal(-1)]),
  inf_refmsgid: z.string(),
  refmsg_time: z.string(),
  respond_time: z.string(),
  err_msg: z.string().nullable(),
  err_code: z.string().nullable().optional(),
  output: z.unknown(),
});
export type ResponseEnvelope = z.infer<typeof responseEnvelopeSchema>;
