// 8102 catalog entries by code (extension, docs/platform.md): the current entries of the medical or
// the work-injury catalog for up to 500 codes. A station whose first catalog pull has not finished
// asks for the codes of a bill it does not hold yet, so a line is never classed off-catalog only
// because its entry has not arrived (renderer/settle-service).

import { z } from 'zod';
import type { DatasetName } from './datasets';
import { withoutControlChars } from './text';

export const CATALOG_DATASETS = ['catalog', 'wi_catalog'] as const satisfies readonly DatasetName[];
export type CatalogDatasetName = (typeof CATALOG_DATASETS)[number];

/** The most codes one 8102 asks for (a 400-line bill has fewer distinct codes). */
export const MAX_CATALOG_CODES = 500;

export const catalogEntriesInputSchema = withoutControlChars(
  z.object({
    data: z
      .object({
        dataset: z.enum(CATALOG_DATASETS),
        codes: z
          .array(z.string().min(1).max(64))
          .min(1)
          .max(MAX_CATALOG_CODES)
          .refine((codes) => new Set(codes).size === codes.length, {
            error: '编码重复 / a code appears twice',
          }),
      })
      .strict(),
  }),
);

/** rows: the dataset's 8101 rows ({key, entry}) of the codes the catalog holds, validated by the
 * station with the same row schemas as a pull; missing: the codes it does not hold (deleted ones
 * included). */
export const catalogEntriesOutputSchema = z.object({
  rows: z.array(z.unknown()),
  missing: z.array(z.string()),
});
export type CatalogEntriesOutput = z.infer<typeof catalogEntriesOutputSchema>;
