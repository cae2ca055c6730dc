// The schemas of the counter's forms, made from the shared ones: the typed ID number (GB 11643, the
// shared check), the bill's inputs (dates as settle/v1 writes them, the encounter number as 8201 carries
// it) and a catalog line (quantity and price as settle/v1 accepts them). Messages are "中文 / English".
import { z } from 'zod';
import { validateCitizenId } from '../../../shared/ids';
import { MAX_STAY_PART, uploadSettlementSchema } from '../../../shared/protocol';
import { billLineSchema, isoDate } from '../../../shared/settlement';
import { bilingualMessage } from '../../ui';

/** The hospital's encounter number (住院号 / 门诊号): 8201's mdtrt_id, which the platform's
 * DUPLICATE_ENCOUNTER check keys on. Nothing is committed without one. */
const mdtrtId = uploadSettlementSchema.shape.mdtrt_id;
export const encounterNoSchema = z
  .string()
  .trim()
  .refine((v) => mdtrtId.safeParse(v).success, {
    error: bilingualMessage(
      '请填写住院号/门诊号（1–64 个字符）',
      'Type the encounter number (1–64 characters)',
    ),
  });

export function isEncounterNo(value: string): boolean {
  return encounterNoSchema.safeParse(value).success;
}

/** A mid-stay part number (settle/v2 stay.part) as typed: blank for a whole stay, else 1–999, the
 * parts 8201 keys an encounter on (MAX_STAY_PART). */
export const stayPartSchema = z
  .string()
  .trim()
  .refine((v) => v === '' || (/^[1-9]\d*$/.test(v) && Number(v) <= MAX_STAY_PART), {
    error: bilingualMessage(
      `中途结算段号为1–${MAX_STAY_PART}的整数，整次住院留空`,
      `A mid-stay part is a whole number from 1 to ${MAX_STAY_PART}; blank for a whole stay`,
    ),
  });

/** The typed part as the counter store keeps it: null for a whole stay (or while it is not a number). */
export function stayPartOf(value: string): number | null {
  const v = value.trim();
  return v !== '' && stayPartSchema.safeParse(v).success ? Number(v) : null;
}

export const billInputsSchema = z.object({
  admissionDate: z.union([z.literal(''), isoDate]),
  diseCodg: z.string().trim(),
  mdtrtId: z.string(),
  emergency: z.boolean(),
  trauma: z.boolean(),
  commitment: z.boolean(),
  acctUsed: z.boolean(),
  stayPart: z.string(),
});
/** The encounter number is checked as the cashier types, and again before commit (counter-store). */
export const billInputsFormSchema = billInputsSchema.extend({
  mdtrtId: encounterNoSchema,
  stayPart: stayPartSchema,
});
export type BillInputsForm = z.input<typeof billInputsSchema>;

/** The typed ID number: trimmed, upper-case X, a valid GB 11643 number for `today`. */
export function typedIdSchema(today: string) {
  return z.object({
    id: z
      .string()
      .transform((v) => v.trim().toUpperCase())
      .superRefine((id, ctx) => {
        const check = validateCitizenId(id, { today });
        if (!check.ok)
          ctx.addIssue({ code: 'custom', message: bilingualMessage(check.message_zh, check.message_en) });
      }),
  });
}

/** Quantity and unit price of a line added from the catalog, as settle/v1 accepts them. */
export const catalogLineSchema = z.object({
  cnt: billLineSchema.shape.cnt,
  pric: billLineSchema.shape.pric,
});
