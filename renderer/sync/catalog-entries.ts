// 8102 catalog entries by code: what the counter asks the platform for while the first catalog pull
// is still running (renderer/settle-service). The answer is checked as strictly as a pull page — each
// row against the dataset's row schema, only codes that were asked, each once, and every code asked
// accounted for — and nothing of it is stored: the pull brings the same entries in their turn.
import type { z } from 'zod';
import {
  catalogEntriesOutputSchema,
  datasetRowSchemas,
  MAX_CATALOG_CODES,
  type CatalogDatasetName,
} from '../../shared/protocol';
import type { CatalogEntry, WiCatalogEntry } from '../../shared/settlement';
import { SyncError } from './errors';
import type { PlatformPort } from './platform-port';

export type CatalogEntryOf<D extends CatalogDatasetName> = D extends 'catalog'
  ? CatalogEntry
  : WiCatalogEntry;

function violation(what: string): SyncError {
  return new SyncError('PROTOCOL_VIOLATION', { detail: `8102: ${what}` });
}

/** The platform's current entries for the codes (asked 500 at a time); a code it does not hold is
 * absent from the map. */
export async function fetchCatalogEntries<D extends CatalogDatasetName>(
  port: PlatformPort,
  dataset: D,
  codes: readonly string[],
): Promise<Map<string, CatalogEntryOf<D>>> {
  const found = new Map<string, CatalogEntryOf<D>>();
  const rowSchema = datasetRowSchemas[dataset] as unknown as z.ZodType<{
    key: string;
    entry: CatalogEntryOf<D>;
  }>;
  for (let i = 0; i < codes.length; i += MAX_CATALOG_CODES) {
    const asked = codes.slice(i, i + MAX_CATALOG_CODES);
    const answer = catalogEntriesOutputSchema.safeParse(
      await port.call('8102', { data: { dataset, codes: asked } }),
    );
    if (!answer.success) throw violation(`output: ${answer.error.issues[0]!.message}`);
    const open = new Set(asked);
    answer.data.rows.forEach((raw, j) => {
      const row = rowSchema.safeParse(raw);
      if (!row.success) throw violation(`rows[${j}]: ${row.error.issues[0]!.message}`);
      if (!open.delete(row.data.key))
        throw violation(`rows[${j}].key ${row.data.key} was not asked or came twice`);
      found.set(row.data.key, row.data.entry);
    });
    for (const code of answer.data.missing)
      if (!open.delete(code)) throw violation(`missing ${code} was not asked or came twice`);
    if (open.size > 0) throw violation(`${open.size} codes neither answered nor missing`);
  }
  return found;
}
