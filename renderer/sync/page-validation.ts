// A page of 8101 is checked completely before anything is written: one bad row refuses the whole
// page and the stored data and checkpoint stay as they were (platform-protocol.md, 8101).
import type { z } from 'zod';
import { datasetDeltaOutputSchema, datasetRowSchemas, type DatasetRow } from '../../shared/protocol/datasets';
import type { DatasetName } from '../db';
import { SyncError } from './errors';

export type { DatasetRow };

export interface ValidPage<D extends DatasetName> {
  rows: DatasetRow<D>[];
  deleted: string[];
  next_ver: number;
  more: boolean;
  total_rows: number;
}

function violation(dataset: string, since: number, what: string): SyncError {
  return new SyncError('PROTOCOL_VIOLATION', { detail: `8101 ${dataset} since_ver ${since}: ${what}` });
}

function issuePath(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
}

export function validatePage<D extends DatasetName>(
  dataset: D,
  raw: unknown,
  request: { since_ver: number; page_size: number },
): ValidPage<D> {
  const envelope = datasetDeltaOutputSchema.safeParse(raw);
  if (!envelope.success) {
    const issue = envelope.error.issues[0]!;
    throw violation(dataset, request.since_ver, `output${issuePath(issue.path)}: ${issue.message}`);
  }
  const page = envelope.data;
  if (page.next_ver < request.since_ver) {
    throw violation(dataset, request.since_ver, `next_ver ${page.next_ver} goes back before since_ver`);
  }
  if (page.rows.length > request.page_size) {
    throw violation(
      dataset,
      request.since_ver,
      `${page.rows.length} rows for page_size ${request.page_size}`,
    );
  }
  if (page.more && page.next_ver === request.since_ver) {
    throw violation(dataset, request.since_ver, 'more=true without progress would loop forever');
  }
  // A page that says more is full: anything less means rows went missing between the platform's
  // query and this page (a row skipped here could never be noticed later).
  if (page.more && page.rows.length + page.deleted.length !== request.page_size) {
    throw violation(
      dataset,
      request.since_ver,
      `more=true with ${page.rows.length + page.deleted.length} changes for page_size ${request.page_size}`,
    );
  }
  const schema = datasetRowSchemas[dataset] as unknown as z.ZodType<DatasetRow<D>>;
  const rows: DatasetRow<D>[] = new Array(page.rows.length);
  const keys = new Set<string>();
  for (let i = 0; i < page.rows.length; i++) {
    const parsed = schema.safeParse(page.rows[i]);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw violation(dataset, request.since_ver, `rows[${i}]${issuePath(issue.path)}: ${issue.message}`);
    }
    const row = parsed.data;
    if (keys.has(row.key))
      throw violation(dataset, request.since_ver, `rows[${i}].key ${row.key} appears twice`);
    keys.add(row.key);
    rows[i] = row;
  }
  // A key deleted and then published again since since_ver is a row now: the row wins.
  const deleted = page.deleted.filter((k) => !keys.has(k));
  return { rows, deleted, next_ver: page.next_ver, more: page.more, total_rows: page.total_rows };
}
