// The settle result as settlement-contract.md "Result" fixes it, for what a station uploads (8201).
// The engine's result schema (shared/settlement) also requires the project's own extensions — a line's
// med_list_codg and basis, the trace, the reduction, cross_province, English refusal messages — but the
// contract says extensions are additive, so a result from another producer that carries only the
// contract's fields is accepted. Derived from the engine's schema, never re-declared: a field the
// engine adds stays required here unless it is named below as an extension.

import { z } from 'zod';
import { itemResultSchema, settleResultSchema } from '../settlement';

/** The engine's result fields that the contract does not require (top level, per line, per refusal). */
export const RESULT_EXTENSIONS = {
  result: { reduction: true, cross_province: true, trace: true },
  item: { med_list_codg: true, basis: true },
  refusal: { message_en: true },
} as const;

export const contractResultSchema = settleResultSchema
  .extend({
    refusal: z.array(settleResultSchema.shape.refusal.element.partial(RESULT_EXTENSIONS.refusal)),
    items: z.array(itemResultSchema.partial(RESULT_EXTENSIONS.item)).optional(),
  })
  .partial(RESULT_EXTENSIONS.result);

export type ContractResult = z.infer<typeof contractResultSchema>;
