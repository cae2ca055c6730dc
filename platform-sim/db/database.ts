// One small interface over the two PostgreSQL engines the platform runs on: embedded PGlite (a data
// directory, or in memory) and a PostgreSQL server (DATABASE_URL). The same SQL runs on both; only
// connection handling and transaction start differ.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import type { QueryOptions } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import { type CopyBytes, binaryCopyData } from './copy-binary';

export type Row = Record<string, unknown>;

export interface Queryable {
  /** A Buffer parameter is text given as its UTF-8 bytes, sent in binary format on both engines. */
  query<T extends Row = Row>(sql: string, params?: unknown[]): Promise<T[]>;
}

/** A transaction: statements, and COPY for bulk loads (seeding). */
export interface Transaction extends Queryable {
  /**
   * Loads rows with one COPY … FROM statement in PostgreSQL's binary format. `chunks` are whole binary
   * tuples (copy-binary.ts builds them, for the table's column types); the file header and trailer
   * are added here.
   */
  copyFrom(
    table: string,
    columns: readonly string[],
    chunks: readonly CopyBytes[],
    options?: CopyOptions,
  ): Promise<void>;
}

export interface CopyOptions {
  /** COPY … WITH (FREEZE): the rows are written frozen and their pages all-visible, so no VACUUM is
   * needed after the load. Only for a table truncated (or created) earlier in the same transaction;
   * the server refuses it otherwise. */
  freeze?: boolean;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

function copyStatement(
  table: string,
  columns: readonly string[],
  source: string,
  options: CopyOptions,
): string {
  for (const name of [table, ...columns])
    if (!IDENTIFIER.test(name)) throw new RangeError(`invalid identifier ${name} for COPY`);
  return `COPY ${table} (${columns.join(', ')}) FROM ${source} WITH (FORMAT binary${options.freeze ? ', FREEZE' : ''})`;
}

export interface TransactionOptions {
  /** A read-only snapshot (REPEATABLE READ), so several statements see one consistent state. */
  snapshot?: boolean;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  transaction<T>(fn: (tx: Transaction) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** Run DDL or several statements without parameters. */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** PGlite data directory; omitted = in-memory PGlite. Ignored when databaseUrl is set. */
  dataDir?: string;
  /** postgres://… — use a PostgreSQL server instead of PGlite. */
  databaseUrl?: string;
  /** PostgreSQL schema to keep the platform's tables in (server only); created when missing. */
  schema?: string;
  poolSize?: number;
}

/** PGlite measures and copies a string parameter character by character in JS, which made storing
 * an 8201 batch its costliest statement; bytes go through as they are (docs/platform.md, profile).
 * Otherwise PGlite's own text serialiser (a Date as ISO text, anything else by toString). */
const TEXT_AS_BYTES: QueryOptions = {
  serializers: {
    // PGlite's Bind writes a Uint8Array as a binary parameter; its types only say string.
    25: ((v: unknown) => (v instanceof Uint8Array ? v : v instanceof Date ? v.toISOString() : String(v))) as (
      v: unknown,
    ) => string,
  },
};

/** PGlite's start parameters plus wal_level = minimal: the first seeding's COPY into tables truncated
 * in the same transaction and its index builds then write no WAL (the pages are written out at
 * commit instead), about 0.6 GB less written for the bench world and 1.5 s less of its seeding
 * (docs/platform.md, "Seeding, fourth round"). PGlite has no replication or archiving to feed; every
 * other write is WAL-logged as before. */
const PGLITE_START = [...PGlite.defaultStartParams, '-c', 'wal_level=minimal', '-c', 'max_wal_senders=0'];

async function openPglite(dataDir: string | undefined): Promise<Database> {
  const db = new PGlite(dataDir, { startParams: PGLITE_START });
  await db.waitReady;
  return {
    kind: 'pglite',
    async query<T extends Row>(sql: string, params?: unknown[]) {
      return (await db.query<T>(sql, params, TEXT_AS_BYTES)).rows;
    },
    async exec(sql) {
      await db.exec(sql);
    },
    // PGlite is one backend: its transaction() holds the connection, so transactions never overlap.
    async transaction<T>(fn: (tx: Transaction) => Promise<T>) {
      return db.transaction(async (tx) =>
        fn({
          async query<R extends Row>(sql: string, params?: unknown[]) {
            return (await tx.query<R>(sql, params, TEXT_AS_BYTES)).rows;
          },
          // PGlite reads COPY data from a Blob it exposes as the device /dev/blob.
          async copyFrom(table, columns, chunks, options = {}) {
            const sql = copyStatement(table, columns, "'/dev/blob'", options);
            await tx.query(sql, [], { blob: new Blob(binaryCopyData(chunks)) });
          },
        }),
      );
    },
    async close() {
      await db.close();
    },
  };
}

async function openPostgres(url: string, schema: string | undefined, poolSize: number): Promise<Database> {
  if (schema !== undefined && !IDENTIFIER.test(schema)) throw new RangeError(`invalid schema name ${schema}`);
  if (schema) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } catch (err) {
      // Two processes creating the same schema at once: the loser sees a unique violation; fine.
      if ((err as { code?: string }).code !== '23505') throw err;
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client that loses its server emits 'error' on the pool; without a listener it would crash the process.
  pool.on('error', () => undefined);
  const query = async <T extends Row>(sql: string, params?: unknown[]): Promise<T[]> =>
    (await pool.query(sql, params as unknown[])).rows as T[];
  return {
    kind: 'postgres',
    query,
    async exec(sql) {
      await pool.query(sql);
    },
    async transaction<T>(fn: (tx: Transaction) => Promise<T>, options: TransactionOptions = {}) {
      const client = await pool.connect();
      try {
        await client.query(options.snapshot ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN');
        const result = await fn({
          async query<R extends Row>(sql: string, params?: unknown[]) {
            return (await client.query(sql, params as unknown[])).rows as R[];
          },
          // node-postgres speaks COPY only through pg-copy-streams; pipeline() waits for the server's
          // CommandComplete and respects the socket's backpressure.
          async copyFrom(table, columns, chunks, options = {}) {
            const stream = client.query(copyFromStdin(copyStatement(table, columns, 'STDIN', options)));
            await pipeline(Readable.from(binaryCopyData(chunks)), stream);
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}

/** True when a PGlite data directory holds no database yet (missing, empty, or without PG_VERSION):
 * opening it will create one (initdb). */
export function isNewPgliteDir(dataDir: string): boolean {
  return !existsSync(join(dataDir, 'PG_VERSION'));
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.schema, options.poolSize ?? 10);
  return openPglite(options.dataDir);
}

/** Drops a schema on a PostgreSQL server (tests use one throwaway schema per platform). */
export async function dropSchema(url: string, schema: string): Promise<void> {
  if (!IDENTIFIER.test(schema)) throw new RangeError(`invalid schema name ${schema}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
