// The platform protocol (platform-protocol.md) as zod schemas, shared by platform-sim and the
// station's platform client: every message is validated with these on both sides.

import type { z } from 'zod';
import { catalogEntriesInputSchema, catalogEntriesOutputSchema } from './catalog-entries';
import { datasetDeltaInputSchema, datasetDeltaOutputSchema } from './datasets';
import type { Infno } from './envelope';
import { detailReconcileInputSchema, detailReconcileOutputSchema } from './reconcile';
import {
  personRowsInputSchema,
  personRowsOutputSchema,
  preSettleInputSchema,
  preSettleOutputSchema,
} from './pre-settle';
import {
  cancelInputSchema,
  cancelOutputSchema,
  personInfoInputSchema,
  personInfoOutputSchema,
  reconcileInputSchema,
  reconcileOutputSchema,
  signInInputSchema,
  signInOutputSchema,
  signOutInputSchema,
  signOutOutputSchema,
  statusInputSchema,
} from './transactions';
import { statusOutputSchema, uploadInputSchema, uploadOutputSchema } from './upload';

export * from './catalog-entries';
export * from './contract-result';
export * from './datasets';
export * from './envelope';
export * from './errors';
export * from './filing-choice';
export * from './reconcile';
export * from './pre-settle';
export * from './settle-dates';
export * from './signing';
export * from './stay-parts';
export * from './text';
export * from './time';
export * from './transactions';
export * from './upload';

export const transactionSchemas = {
  '9001': { input: signInInputSchema, output: signInOutputSchema },
  '9002': { input: signOutInputSchema, output: signOutOutputSchema },
  '1101': { input: personInfoInputSchema, output: personInfoOutputSchema },
  '2303': { input: preSettleInputSchema, output: preSettleOutputSchema },
  '2305': { input: cancelInputSchema, output: cancelOutputSchema },
  '3201': { input: reconcileInputSchema, output: reconcileOutputSchema },
  '3202': { input: detailReconcileInputSchema, output: detailReconcileOutputSchema },
  '8101': { input: datasetDeltaInputSchema, output: datasetDeltaOutputSchema },
  '8102': { input: catalogEntriesInputSchema, output: catalogEntriesOutputSchema },
  '8103': { input: personRowsInputSchema, output: personRowsOutputSchema },
  '8201': { input: uploadInputSchema, output: uploadOutputSchema },
  '8202': { input: statusInputSchema, output: statusOutputSchema },
} as const satisfies Record<Infno, { input: z.ZodType; output: z.ZodType }>;

export type TransactionInput<I extends Infno> = z.input<(typeof transactionSchemas)[I]['input']>;
export type TransactionOutput<I extends Infno> = z.output<(typeof transactionSchemas)[I]['output']>;

export function isInfno(value: string): value is Infno {
  return Object.prototype.hasOwnProperty.call(transactionSchemas, value);
}
