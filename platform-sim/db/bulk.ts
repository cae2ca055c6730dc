// Bulk loading for the first seeding of an empty database: COPY in PostgreSQL's text format instead of
// INSERTs (node-postgres and PGlite both move one text stream far faster than array parameters), with
// the tables' indexes built once after the load instead of row by row. The rows, their
// JSON text and their versions are exactly those upsertRows() would write (bulk.test.ts proves it).

import type { DatasetName } from '../../shared/protocol';
import type { CopyOptions, Transaction } from './database';
import type { RowWrite } from './datasets';
import { reserveVersions } from './datasets';

// COPY's text format: a backslash starts an escape, tab separates fields, newline ends a row.
const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPES = /[\\\t\n\r]/g;
const ESCAPED: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One COPY text-format field: `\N` for null, the value with backslash, tab and line breaks escaped. */
export function copyField(value: string | null): string {
  if (value === null) return '\\N';
  return NEEDS_ESCAPE.test(value) ? value.replace(ESCAPES, (c) => ESCAPED[c]) : value;
}

/** One COPY text-format line (with its newline). */
export function copyLine(values: readonly (string | null)[]): string {
  return values.map(copyField).join('\t') + '\n';
}

/** Rows as COPY text, `size` rows per chunk, each chunk built only when the load asks for it. */
export function* copyChunks<T>(
  items: readonly T[],
  toLine: (item: T, index: number) => string,
  size = 1_000,
): Generator<string> {
  for (let i = 0; i < items.length; i += size) {
    const end = Math.min(items.length, i + size);
    const lines: string[] = [];
    for (let j = i; j < end; j++) lines.push(toLine(items[j], j));
    yield lines.join('');
  }
}

const DATASET_COLUMNS = ['dataset', 'key', 'ver', 'deleted', 'ref', 'row_json'] as const;

/**
 * Writes new dataset rows with COPY: the same versions (reserved from the counter in one step, in
 * the rows' order), `deleted` false and JSON text as upsertRows(). Only for keys not stored yet (a
 * first seeding): a key already there fails the load on the primary key instead of updating it.
 */
export async function copyNewRows(
  tx: Transaction,
  dataset: DatasetName,
  rows: RowWrite[],
  options: CopyOptions = {},
): Promise<void> {
  if (rows.length === 0) return;
  const first = await reserveVersions(tx, rows.length);
  await tx.copyFrom(
    'dataset_rows',
    DATASET_COLUMNS,
    copyChunks(rows, (r, i) =>
      copyLine([dataset, r.key, String(first + i), 'f', r.ref, JSON.stringify(r.row)]),
    ),
    options,
  );
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Makes sure the tables hold no row, then truncates them: COPY … WITH (FREEZE) is allowed only into
 * a table truncated in the same transaction, and writes the rows frozen with their pages marked
 * all-visible (no VACUUM afterwards). A table that holds rows is refused rather than emptied: the
 * first seeding never overwrites anything stored.
 */
export async function emptyForBulkLoad(tx: Transaction, tables: readonly string[]): Promise<void> {
  const list = tables.map(quoted).join(', ');
  // Locked before they are looked at, so no row can arrive between the check and the truncation.
  await tx.query(`LOCK TABLE ${list} IN ACCESS EXCLUSIVE MODE`);
  for (const table of tables) {
    const [{ stored }] = await tx.query<{ stored: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM ${quoted(table)}) AS stored`,
    );
    if (stored) throw new Error(`${table} already holds rows: refusing to bulk-load over them`);
  }
  await tx.query(`TRUNCATE ${list}`);
}

/**
 * Runs a bulk load with the tables' indexes dropped — primary keys and unique constraints too — and
 * builds them again afterwards from their own definitions (read from the catalog, so the migrations
 * stay their one source) in the same transaction: one sort per index instead of a B-tree insert per
 * row. A duplicate key still fails the load, when its constraint is added back, and rolls it all back.
 */
export async function withIndexesDeferred<T>(
  tx: Transaction,
  tables: readonly string[],
  load: () => Promise<T>,
): Promise<T> {
  const here = `(SELECT oid FROM pg_namespace WHERE nspname = current_schema())`;
  const constraints = await tx.query<{ name: string; table: string; def: string }>(
    `SELECT c.conname AS name, t.relname AS table, pg_get_constraintdef(c.oid) AS def
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
      WHERE t.relnamespace = ${here} AND t.relname = ANY($1::text[]) AND c.contype IN ('p', 'u')
      ORDER BY t.relname, c.conname`,
    [tables],
  );
  const indexes = await tx.query<{ name: string; def: string }>(
    `SELECT ic.relname AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_class ic ON ic.oid = i.indexrelid
      WHERE t.relnamespace = ${here} AND t.relname = ANY($1::text[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
      ORDER BY ic.relname`,
    [tables],
  );
  for (const { name } of indexes) await tx.query(`DROP INDEX ${quoted(name)}`);
  for (const { name, table } of constraints)
    await tx.query(`ALTER TABLE ${quoted(table)} DROP CONSTRAINT ${quoted(name)}`);
  const result = await load();
  // The sorts of the index builds: in memory rather than in temporary files (the setting ends with
  // the transaction).
  await tx.query("SET LOCAL maintenance_work_mem = '256MB'");
  for (const { name, table, def } of constraints)
    await tx.query(`ALTER TABLE ${quoted(table)} ADD CONSTRAINT ${quoted(name)} ${def}`);
  for (const { def } of indexes) await tx.query(def);
  return result;
}
