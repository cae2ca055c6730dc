// 8101 dataset rows (platform-protocol.md table "Datasets for 8101"). The inner objects are the
// settle/v1 objects of shared/settlement, so a station builds a settle request from rows without
// translation.

import { z } from 'zod';
import {
  SCHEMES,
  accumulatorsSchema,
  catalogEntrySchema,
  filingSchema,
  institutionSchema,
  personSchema,
  policySchema,
  wiCatalogEntrySchema,
} from '../settlement';
import { withoutControlChars } from './text';

export const DATASETS = [
  'filings',
  'catalog',
  'wi_catalog',
  'policies',
  'accumulators',
  'institutions',
] as const;
export type DatasetName = (typeof DATASETS)[number];

export const filingRowSchema = z.object({
  key: z.string().min(1),
  scheme: z.enum(SCHEMES),
  person: personSchema,
  filing: filingSchema,
});
export const catalogRowSchema = z.object({ key: z.string().min(1), entry: catalogEntrySchema });
export const wiCatalogRowSchema = z.object({ key: z.string().min(1), entry: wiCatalogEntrySchema });
export const policyRowSchema = z.object({ key: z.string().min(1), policy: policySchema });
export const accumulatorRowSchema = z.object({
  key: z.string().min(1),
  psn_no: z.string().min(1),
  accumulators: accumulatorsSchema,
});
export const institutionRowSchema = z.object({
  key: z.string().min(1),
  fixmedins_name: z.string(),
  institution: institutionSchema,
  /** Extensions: the English name, the kind of institution, and which insurances it settles. */
  fixmedins_name_en: z.string().optional(),
  kind: z.enum(['hospital', 'rehab_center', 'device_shop']).optional(),
  medical: z.boolean().optional(),
  work_injury: z.boolean().optional(),
});

export const datasetRowSchemas = {
  filings: filingRowSchema,
  catalog: catalogRowSchema,
  wi_catalog: wiCatalogRowSchema,
  policies: policyRowSchema,
  accumulators: accumulatorRowSchema,
  institutions: institutionRowSchema,
} as const satisfies Record<DatasetName, z.ZodType>;

/** A row as 8101 delivers it, by dataset. The station's tables store their own shapes, derived from
 * these (renderer/db/types.ts: FilingRow, CatalogRow … add the fields they index). */
export type DatasetRow<D extends DatasetName> = z.infer<(typeof datasetRowSchemas)[D]>;

export const MAX_PAGE_SIZE = 5000;
/** Versions are PostgreSQL `integer` columns: a larger since_ver could not even be compared. */
export const MAX_VER = 2_147_483_647;

export const datasetDeltaInputSchema = withoutControlChars(
  z.object({
    data: z.object({
      dataset: z.enum(DATASETS),
      since_ver: z.number().int().min(0).max(MAX_VER),
      page_size: z.number().int().min(1).max(MAX_PAGE_SIZE).default(1000),
    }),
  }),
);

export const datasetDeltaOutputSchema = z.object({
  rows: z.array(z.unknown()),
  deleted: z.array(z.string()),
  next_ver: z.number().int().min(0),
  more: z.boolean(),
  total_rows: z.number().int().min(0),
});
export type DatasetDeltaOutput = z.infer<typeof datasetDeltaOutputSchema>;

/** Validates the rows of a delta page for its dataset (the client does this on every page). */
export function parseDatasetRows<D extends DatasetName>(dataset: D, rows: unknown[]): DatasetRow<D>[] {
  const schema = datasetRowSchemas[dataset] as unknown as z.ZodType<DatasetRow<D>>;
  return rows.map((r) => schema.parse(r));
}
