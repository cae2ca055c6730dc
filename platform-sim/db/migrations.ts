// The platform's schema, as numbered migrations applied in order and recorded in schema_migrations.
// A migration never changes once released: add a new one. An advisory lock keeps two processes that
// share one PostgreSQL from migrating at the same time.

import type { Database } from './database';

export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'initial',
    sql: `
      CREATE TABLE meta (key text PRIMARY KEY, value text NOT NULL);
      -- The platform-wide dataset version: one row, bumped with a row lock, so versions commit in order.
      CREATE TABLE ver_counter (id integer PRIMARY KEY CHECK (id = 1), ver integer NOT NULL);
      INSERT INTO ver_counter VALUES (1, 0);
      -- Every dataset row of 8101; deleted rows stay as tombstones so deltas can report them.
      CREATE TABLE dataset_rows (
        dataset text NOT NULL, key text NOT NULL, ver integer NOT NULL, deleted boolean NOT NULL DEFAULT false,
        ref text, row_json text NOT NULL, PRIMARY KEY (dataset, key));
      CREATE INDEX dataset_rows_ver ON dataset_rows (dataset, ver);
      CREATE INDEX dataset_rows_ref ON dataset_rows (dataset, ref);
      CREATE TABLE people (
        psn_no text PRIMARY KEY, certno text NOT NULL UNIQUE, card_no text, ecert_token text UNIQUE, person_json text NOT NULL);
      CREATE INDEX people_card_no ON people (card_no);
      CREATE TABLE sign_ins (
        sign_no text PRIMARY KEY, station_id text NOT NULL, fixmedins_code text NOT NULL, opter_no text NOT NULL,
        signed_at timestamptz NOT NULL DEFAULT now());
      CREATE TABLE nonces (station_id text NOT NULL, nonce text NOT NULL, seen_at_ms bigint NOT NULL, PRIMARY KEY (station_id, nonce));
      CREATE INDEX nonces_seen ON nonces (seen_at_ms);
      CREATE SEQUENCE setl_seq;
      CREATE TABLE settlements (
        local_setl_id text PRIMARY KEY, setl_id text UNIQUE, station_id text NOT NULL, fixmedins_code text NOT NULL,
        psn_no text, encounter_key text, scheme text, setl_type text, insutype text, settle_date text,
        outcome text NOT NULL, answer_json text, upload_json text, platform_result_json text,
        acc_key text, acc_before_json text, acc_after_json text,
        medfee_sumamt numeric(16,2), fund_pay_sumamt numeric(16,2), hifp_pay numeric(16,2), acct_pay numeric(16,2),
        created_at timestamptz NOT NULL DEFAULT now(), cancelled_at timestamptz, cancel_setl_id text UNIQUE, cancel_json text);
      CREATE INDEX settlements_reconcile ON settlements (fixmedins_code, settle_date);
      CREATE INDEX settlements_person ON settlements (psn_no);
      -- One settlement per encounter (fixmedins_code + mdtrt_id), across stations.
      CREATE TABLE encounters (encounter_key text PRIMARY KEY, local_setl_id text NOT NULL);
    `,
  },
  {
    version: 2,
    name: 'encounter stay part',
    // A mid-stay settlement (settle/v2 stay.part) is its own encounter claim: key + part. A whole stay
    // is part 1, so rows claimed before this migration keep guarding their encounter.
    sql: `
      ALTER TABLE encounters ADD COLUMN stay_part integer NOT NULL DEFAULT 1;
      ALTER TABLE encounters DROP CONSTRAINT encounters_pkey;
      ALTER TABLE encounters ADD PRIMARY KEY (encounter_key, stay_part);
    `,
  },
  {
    version: 3,
    name: 'sign-out',
    // 9002: a signed-out sign_no is refused from then on; the row stays as the record of the shift.
    sql: `ALTER TABLE sign_ins ADD COLUMN signed_out_at timestamptz;`,
  },
  {
    version: 4,
    name: 'ref index only where there is a ref',
    // Lookups by ref (a person's filings and accumulators, a place's policies) always name one, so
    // the catalogs' rows (ref null, about half of the bench world's 775,000) need no entry: the
    // first seeding builds the index in half the time, and every ref = … query can still use it.
    sql: `
      DROP INDEX dataset_rows_ref;
      CREATE INDEX dataset_rows_ref ON dataset_rows (dataset, ref) WHERE ref IS NOT NULL;
    `,
  },
];

const MIGRATION_LOCK = 72_727_201;

export async function migrate(db: Database): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set(
      (await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) =>
        Number(r.version),
      ),
    );
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      const sql = m.sql.replace(/^\s*--.*$/gm, '');
      for (const statement of sql
        .split(';')
        .map((s) => s.trim())
        .filter((s) => s.length > 0)) {
        await tx.query(statement);
      }
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}
