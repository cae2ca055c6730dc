// The bulk seeding path (COPY, indexes and key constraints built after the load) stores exactly what
// the row-by-row path stores: the same dataset rows with the same versions and JSON text, the same
// people, and afterwards the same indexes and constraints as a freshly migrated schema, with the
// rows' pages all-visible without a VACUUM. On PGlite always, on PostgreSQL too when
// TEST_DATABASE_URL is set.

import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoWorld } from '../../shared/demo-world';
import { backends } from '../contract/harness';
import { copyInStatements, datasetCopyChunks, withIndexesDeferred } from './bulk';
import { binaryCopyChunks } from './copy-binary';
import type { Database } from './database';
import { dropSchema, openDatabase } from './database';
import { upsertRows } from './datasets';
import { migrate } from './migrations';
import { PEOPLE_COLUMNS, WORLD_DATASETS, peopleRows, seedIfEmpty, worldRows, worldSource } from './seed';
import { workerWorldSource } from './world-worker';

const worldOptions = { seed: 'bulk', today: '2026-06-15', catalogSize: 700, peopleCount: 260 };
const world = demoWorld(worldOptions);

const DATASET_ROWS = 'SELECT dataset, key, ver, deleted, ref, row_json FROM dataset_rows ORDER BY ver';
const PEOPLE = `SELECT ${PEOPLE_COLUMNS.join(', ')} FROM people ORDER BY psn_no`;
const SCHEMA_SHAPE = [
  `SELECT indexname AS name, replace(indexdef, current_schema() || '.', '') AS def FROM pg_indexes WHERE schemaname = current_schema() ORDER BY 1`,
  `SELECT c.conname AS name, pg_get_constraintdef(c.oid) AS def FROM pg_constraint c
     WHERE c.connamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) ORDER BY 1`,
];

for (const backend of backends()) {
  describe(`bulk seeding on ${backend.name}`, () => {
    const schemas: string[] = [];
    const open: Database[] = [];
    async function fresh(): Promise<Database> {
      const schema = `bulk_${randomBytes(5).toString('hex')}`;
      const db = await openDatabase(
        backend.databaseUrl ? { databaseUrl: backend.databaseUrl, schema, poolSize: 2 } : {},
      );
      if (backend.databaseUrl) schemas.push(schema);
      open.push(db);
      await migrate(db);
      return db;
    }
    const shape = async (db: Database) =>
      Promise.all(SCHEMA_SHAPE.map(async (sql) => (await db.query(sql)).map((r) => JSON.stringify(r))));

    let seeded: Database;
    beforeAll(async () => {
      seeded = await fresh();
      expect((await seedIfEmpty(seeded, worldSource(world))).seeded).toBe(true);
    });
    afterAll(async () => {
      for (const db of open) await db.close();
      for (const schema of schemas) await dropSchema(backend.databaseUrl as string, schema);
    });

    it('stores every dataset row as upsertRows does: same keys, versions, refs and JSON text', async () => {
      const reference = await fresh();
      const rows = worldRows(world);
      await reference.transaction(async (tx) => {
        for (const dataset of WORLD_DATASETS) await upsertRows(tx, dataset, rows[dataset]);
      });
      const stored = await seeded.query(DATASET_ROWS);
      expect(stored.length).toBe(WORLD_DATASETS.reduce((n, d) => n + rows[d].length, 0));
      expect(stored).toEqual(await reference.query(DATASET_ROWS));
      // …and both are the world's own rows, in the seeding order, versions 1, 2, 3, …
      const expected = WORLD_DATASETS.flatMap((dataset) =>
        rows[dataset].map((r) => [dataset, r.key, r.ref, JSON.stringify(r.row)]),
      );
      expect(stored.map((r) => [r.dataset, r.key, r.ref, r.row_json])).toEqual(expected);
      expect(stored.map((r) => [Number(r.ver), r.deleted])).toEqual(expected.map((_, i) => [i + 1, false]));
      const [{ ver }] = await seeded.query<{ ver: number }>('SELECT ver FROM ver_counter');
      expect(Number(ver)).toBe(expected.length);
    });

    it('stores every person with what 1101 answers from, their card number and chip serial', async () => {
      const stored = await seeded.query(PEOPLE);
      const expected = peopleRows(world).sort((a, b) => ((a[0] as string) < (b[0] as string) ? -1 : 1));
      expect(stored.map((r) => PEOPLE_COLUMNS.map((c) => r[c]))).toEqual(expected);
      const scenario = world.people.find((p) => p.scenario !== null) as (typeof world.people)[number];
      const row = stored.find((r) => r.psn_no === scenario.person.psn_no) as Record<string, unknown>;
      const card = world.cards.find((c) => c.psn_no === scenario.person.psn_no);
      expect(row.card_no).toBe(card?.card_no);
      expect(JSON.parse(row.person_json as string)).toEqual({
        person: scenario.person,
        gender: scenario.gender,
        birth_date: scenario.birth_date,
        emp_name: scenario.emp_name,
        work_injury_insured: scenario.work_injury_insured,
        card: { card_id: card?.card_id },
      });
    });

    it('seeds the same rows when a worker thread generates the world and builds the chunks', async () => {
      const db = await fresh();
      const source = workerWorldSource(worldOptions);
      try {
        expect(await source.describe()).toEqual(await worldSource(world).describe());
        expect((await seedIfEmpty(db, source)).seeded).toBe(true);
      } finally {
        await source.close();
      }
      expect(await db.query(DATASET_ROWS)).toEqual(await seeded.query(DATASET_ROWS));
      expect(await db.query(PEOPLE)).toEqual(await seeded.query(PEOPLE));
      expect(await shape(db)).toEqual(await shape(seeded));
    });

    it('a worker that cannot generate the world fails the seeding with its reason, and stores nothing', async () => {
      const db = await fresh();
      const source = workerWorldSource({ ...worldOptions, catalogSize: 0 });
      try {
        await expect(seedIfEmpty(db, source)).rejects.toThrow(
          /worker failed: catalogSize must be an integer/,
        );
      } finally {
        await source.close();
      }
      expect(await db.query('SELECT key FROM meta')).toEqual([]);
      expect(await db.query('SELECT key FROM dataset_rows')).toEqual([]);
    });

    it('leaves the same indexes and constraints as a freshly migrated schema', async () => {
      expect(await shape(seeded)).toEqual(await shape(await fresh()));
    });

    it('leaves every page that holds loaded rows all-visible (frozen by COPY), with no VACUUM', async () => {
      // Pages PostgreSQL extended the table by in advance and no row filled stay empty and are not
      // all-visible; an index-only scan never visits them. A page is all-visible only when it holds rows.
      const [{ visible, holding }] = await seeded.query<{ visible: number; holding: number }>(
        `SELECT relallvisible AS visible,
                (SELECT count(DISTINCT (ctid::text::point)[0]) FROM dataset_rows) AS holding
           FROM pg_class
          WHERE relname = 'dataset_rows' AND relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())`,
      );
      expect(Number(holding)).toBeGreaterThan(0);
      expect(Number(visible)).toBe(Number(holding));
    });

    it('refuses to seed over rows already stored, and changes nothing', async () => {
      const db = await fresh();
      await db.query("INSERT INTO people (psn_no, certno, person_json) VALUES ('P-STRAY', 'C-STRAY', '{}')");
      await expect(seedIfEmpty(db, worldSource(world))).rejects.toThrow(/people already holds rows/);
      expect(await db.query('SELECT psn_no FROM people')).toEqual([{ psn_no: 'P-STRAY' }]);
      expect(await db.query('SELECT key FROM meta')).toEqual([]);
      expect(await db.query('SELECT key FROM dataset_rows')).toEqual([]);
    });

    it('a duplicate key fails the load and rolls it back whole, indexes included', async () => {
      const db = await fresh();
      const before = await shape(db);
      const rows = worldRows(world).catalog.slice(0, 3);
      await expect(
        db.transaction((tx) =>
          withIndexesDeferred(tx, ['dataset_rows'], () =>
            copyInStatements(tx, datasetCopyChunks('catalog', [...rows, rows[1]], 1)),
          ),
        ),
      ).rejects.toThrow();
      expect(await db.query('SELECT key FROM dataset_rows')).toEqual([]);
      expect(await shape(db)).toEqual(before);
    });

    it('binary COPY keeps any text exactly: backslashes, tabs, line breaks, \\N, quotes, any Unicode', async () => {
      const db = await fresh();
      await db.exec('CREATE TABLE copy_probe (n integer PRIMARY KEY, a text, b text)');
      const text = fc.string({ unit: 'binary', maxLength: 40 }).map((s) => s.replace(/\0/g, ''));
      const hostile = fc.constantFrom('\\', '\\N', '\t', '\n', '\r\n', '\\\\t', '"', "'", '', ' ', '\u2028');
      const value = fc.oneof(text, hostile, fc.constant(null));
      let round = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(value, value), { minLength: 1, maxLength: 8 }), async (pairs) => {
          round += 1;
          const rows = pairs.map(([a, b], i) => [round * 100 + i, a, b] as const);
          // Chunks of 64 bytes: rows split across several chunks, and rows longer than a chunk.
          const chunks = [...binaryCopyChunks(['int4', 'text', 'text'], rows, (r) => r, 64)];
          await db.transaction((tx) => tx.copyFrom('copy_probe', ['n', 'a', 'b'], chunks));
          const back = await db.query<{ a: string | null; b: string | null }>(
            'SELECT a, b FROM copy_probe WHERE n >= $1 AND n < $2 ORDER BY n',
            [round * 100, round * 100 + 100],
          );
          expect(back.map((r) => [r.a, r.b])).toEqual(pairs);
        }),
        { numRuns: 60 },
      );
    });

    it('refuses a value that does not fit its column type, naming the column', () => {
      const encode = (row: (string | number | boolean | null)[]) => [
        ...binaryCopyChunks(['text', 'int4', 'bool'], [row], (r) => r),
      ];
      expect(() => encode(['a', 1.5, true])).toThrow(/COPY column 2 is int4, got number 1.5/);
      expect(() => encode(['a', 2 ** 31, true])).toThrow(/column 2 is int4/);
      expect(() => encode([7, 1, true])).toThrow(/COPY column 1 is text, got number 7/);
      expect(() => encode(['a', 1, 'yes'])).toThrow(/COPY column 3 is bool, got string yes/);
      expect(() => encode(['a', 1])).toThrow(/2 values for 3 columns/);
      expect(encode(['a', null, null])).toHaveLength(1);
    });

    it('refuses a table or column name that is not a plain identifier', async () => {
      await expect(
        seeded.transaction((tx) => tx.copyFrom('people; DROP TABLE meta', ['psn_no'], [])),
      ).rejects.toThrow(/invalid identifier/);
      expect((await seeded.query('SELECT count(*)::int AS n FROM meta'))[0].n).toBe(5);
    });
  });
}
