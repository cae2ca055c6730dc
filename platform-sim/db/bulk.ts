// Bulk loading for the first seeding of an empty database: COPY in PostgreSQL's binary format instead of
// INSERTs (node-postgres and PGlite both move one byte stream far faster than array parameters), with
// the tables' indexes built once after the load instead of row by row. The rows, their
// JSON text and their versions are exactly those upsertRows() would write (bulk.test.ts proves it).

import type { DatasetName } from '../../shared/protocol';
import type { CopyOptions, Transaction } from './database';
import type { RowWrite } from './datasets';
import { binaryCopyChunks, type CopyBytes, type CopyType } from './copy-binary';

/** About how many bytes of COPY data go into one statement. Every COPY statement ends by leaving the
 * pages PostgreSQL extended the table by in advance empty (not all-visible; 23 % of the table's pages
 * with 1,000-row statements), and each statement has its own overhead: few, large statements. */
export const COPY_STATEMENT_BYTES = 32 * 1024 * 1024;

/** The tables the first seeding fills by bulk load, with their columns in COPY order and their types. */
export const COPY_TABLES = {
  dataset_rows: {
    columns: ['dataset', 'key', 'ver', 'deleted', 'ref', 'row_json'],
    types: ['text', 'text', 'int4', 'bool', 'text', 'text'],
  },
  people: {
    columns: ['psn_no', 'certno', 'card_no', 'ecert_token', 'person_json'],
    types: ['text', 'text', 'text', 'text', 'text'],
  },
} as const satisfies Record<string, { columns: readonly string[]; types: readonly CopyType[] }>;
export type CopyTable = keyof typeof COPY_TABLES;

/** Binary COPY tuples (copy-binary.ts) for one of COPY_TABLES. */
export interface CopyChunk {
  table: CopyTable;
  bytes: CopyBytes;
}

/**
 * Loads chunks of binary COPY tuples into their tables, in statements of about COPY_STATEMENT_BYTES
 * each (a new statement whenever the table changes). The chunks may come from another thread as
 * they are built.
 */
export async function copyInStatements(
  tx: Transaction,
  chunks: Iterable<CopyChunk> | AsyncIterable<CopyChunk>,
  options: CopyOptions = {},
): Promise<void> {
  let table: CopyTable | null = null;
  let group: CopyBytes[] = [];
  let size = 0;
  const flush = async () => {
    if (table !== null && group.length > 0)
      await tx.copyFrom(table, COPY_TABLES[table].columns, group, options);
    group = [];
    size = 0;
  };
  for await (const chunk of chunks) {
    if (chunk.table !== table || size >= COPY_STATEMENT_BYTES) {
      await flush();
      table = chunk.table;
    }
    group.push(chunk.bytes);
    size += chunk.bytes.length;
  }
  await flush();
}

/** New dataset rows as binary COPY tuples, as upsertRows() writes them: versions first, first + 1, … in
 * the rows' order, `deleted` false, the row as JSON text. */
export function* datasetCopyChunks(
  dataset: DatasetName,
  rows: Iterable<RowWrite>,
  first: number,
): Generator<CopyChunk> {
  let ver = first;
  const encoded = binaryCopyChunks(COPY_TABLES.dataset_rows.types, rows, (r) => [
    dataset,
    r.key,
    ver++,
    false,
    r.ref,
    JSON.stringify(r.row),
  ]);
  for (const bytes of encoded) yield { table: 'dataset_rows', bytes };
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
