// Admin request bodies (tests script the world with these; platform-sim/admin-client.ts sends them).

import { z } from 'zod';
import { catalogRowSchema, filingRowSchema, wiCatalogRowSchema } from '../../shared/protocol';
import { accumulatorsSchema, amountString, policySchema } from '../../shared/settlement';

export const revokeFilingSchema = z.object({ filing_id: z.string().min(1) }).strict();
export const putFilingSchema = filingRowSchema;
export const setAccumulatorsSchema = z
  .object({
    psn_no: z.string().min(1),
    accumulators: accumulatorsSchema.and(z.object({ year: z.number().int().min(1900).max(9999) })),
  })
  .strict();
export const publishCatalogSchema = z.discriminatedUnion('dataset', [
  z
    .object({
      dataset: z.literal('catalog'),
      upserts: z.array(catalogRowSchema).default([]),
      deletes: z.array(z.string()).default([]),
    })
    .strict(),
  z
    .object({
      dataset: z.literal('wi_catalog'),
      upserts: z.array(wiCatalogRowSchema).default([]),
      deletes: z.array(z.string()).default([]),
    })
    .strict(),
]);
export const publishPoliciesSchema = z
  .object({ upserts: z.array(policySchema).default([]), deletes: z.array(z.string()).default([]) })
  .strict();
export const faultSettingsSchema = z
  .object({
    latency_ms: z.number().int().min(0).max(120_000).optional(),
    drop_next: z.number().int().min(0).max(10_000).optional(),
    drop_response_next: z.number().int().min(0).max(10_000).optional(),
    error_next: z.number().int().min(0).max(10_000).optional(),
    error_status: z.number().int().min(500).max(599).or(z.literal(429)).optional(),
    timeout_next: z.number().int().min(0).max(10_000).optional(),
    partition_seconds: z.number().min(0).max(3600).optional(),
    fail_8201_with: z.array(z.string().min(1).max(64)).max(1000).optional(),
  })
  .strict();

/** A settlement fault for reconciliation tests: the platform loses a settlement, or alters its
 * amounts (the medical fee, and the fund payment by the same difference). */
export const settlementFaultSchema = z.discriminatedUnion('fault', [
  z.object({ fault: z.literal('lose'), local_setl_id: z.string().min(1).max(64) }).strict(),
  z
    .object({
      fault: z.literal('alter'),
      local_setl_id: z.string().min(1).max(64),
      medfee_sumamt: amountString,
    })
    .strict(),
]);

export type SettlementFault = z.input<typeof settlementFaultSchema>;
export type PutFiling = z.input<typeof putFilingSchema>;
export type SetAccumulators = z.input<typeof setAccumulatorsSchema>;
export type PublishCatalog = z.input<typeof publishCatalogSchema>;
export type PublishPolicies = z.input<typeof publishPoliciesSchema>;
export type FaultSettingsInput = z.input<typeof faultSettingsSchema>;
