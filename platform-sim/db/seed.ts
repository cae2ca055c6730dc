// Seeds an empty database from the deterministic demo world (shared/demo-world), once: the seed and
// `today` are recorded in meta, and a restart on the same data keeps the stored world (and every
// settlement made since) instead of seeding again.

import type { DemoCard, DemoPerson, DemoWorld } from '../../shared/demo-world';
import type { Database } from './database';
import type { RowWrite } from './datasets';
import { reserveVersions } from './datasets';
import {
  COPY_TABLES,
  type CopyChunk,
  type CopyTable,
  copyInStatements,
  datasetCopyChunks,
  emptyForBulkLoad,
  withIndexesDeferred,
} from './bulk';
import { binaryCopyChunks } from './copy-binary';

export interface WorldSettings {
  seed: string;
  today: string;
  catalog_size: number;
  people_count: number;
  treatment_admdvs: string;
}

export async function readSettings(db: Database): Promise<WorldSettings | null> {
  const rows = await db.query<{ key: string; value: string }>('SELECT key, value FROM meta');
  const m = new Map(rows.map((r) => [r.key, r.value]));
  if (!m.has('seed')) return null;
  return {
    seed: m.get('seed') as string,
    today: m.get('today') as string,
    catalog_size: Number(m.get('catalog_size')),
    people_count: Number(m.get('people_count')),
    treatment_admdvs: m.get('treatment_admdvs') as string,
  };
}

/** Each dataset's rows as the world gives them, one RowWrite per item, built only as they are read. */
function* datasetRows(world: DemoWorld, dataset: WorldDataset): Generator<RowWrite> {
  switch (dataset) {
    case 'institutions':
      for (const i of world.institutions)
        yield {
          key: i.fixmedins_code,
          ref: null,
          row: {
            key: i.fixmedins_code,
            fixmedins_name: i.fixmedins_name,
            fixmedins_name_en: i.fixmedins_name_en,
            kind: i.kind,
            medical: i.medical,
            work_injury: i.work_injury,
            institution: i.institution,
          },
        };
      return;
    case 'policies':
      for (const p of world.policies)
        yield { key: p.policy_id, ref: p.insuplc_admdvs, row: { key: p.policy_id, policy: p } };
      return;
    case 'catalog':
    case 'wi_catalog':
      for (const c of world[dataset]) yield { key: c.code, ref: null, row: { key: c.code, entry: c.entry } };
      return;
    case 'filings':
      for (const f of world.filings)
        yield {
          key: f.filing_id,
          ref: f.person.psn_no,
          row: { key: f.filing_id, scheme: f.scheme, person: f.person, filing: f.filing },
        };
      return;
    case 'accumulators':
      for (const a of world.accumulators) {
        const key = `${a.psn_no}:${a.accumulators.year}`;
        yield { key, ref: a.psn_no, row: { key, psn_no: a.psn_no, accumulators: a.accumulators } };
      }
  }
}

/** How many rows datasetRows() gives for a dataset: one per item of the world's list. */
function datasetSize(world: DemoWorld, dataset: WorldDataset): number {
  return world[dataset].length;
}

export function worldRows(world: DemoWorld): Record<WorldDataset, RowWrite[]> {
  const rows = {} as Record<WorldDataset, RowWrite[]>;
  for (const dataset of WORLD_DATASETS) rows[dataset] = [...datasetRows(world, dataset)];
  return rows;
}

/** The datasets in the order they are seeded (their versions follow this order). */
export const WORLD_DATASETS = [
  'institutions',
  'policies',
  'catalog',
  'wi_catalog',
  'filings',
  'accumulators',
] as const;
export type WorldDataset = (typeof WORLD_DATASETS)[number];

/** The people table's columns, in COPY order. */
export const PEOPLE_COLUMNS = COPY_TABLES.people.columns;

/**
 * What the people table keeps of a person as JSON (`person_json`): what 1101 answers from and 8201
 * reads. Not the world's labels, scenario or year-start accumulators (the accumulators dataset is
 * their one source; a copy here would go stale with the first settlement) and of the card only the
 * chip's serial number that 1101 checks `card_sn` against (the card number is a column). Rows stored
 * by an older version hold the whole person and card, a superset of this, and read the same.
 */
export type StoredPerson = Pick<
  DemoPerson,
  'person' | 'gender' | 'birth_date' | 'emp_name' | 'work_injury_insured'
> & { card: Pick<DemoCard, 'card_id'> | null };

export function storedPerson(p: DemoPerson, card: DemoCard | undefined): StoredPerson {
  return {
    person: p.person,
    gender: p.gender,
    birth_date: p.birth_date,
    emp_name: p.emp_name,
    work_injury_insured: p.work_injury_insured,
    card: card ? { card_id: card.card_id } : null,
  };
}

/** The people table's rows, in PEOPLE_COLUMNS order, built only as they are read. */
function* personRows(world: DemoWorld): Generator<(string | null)[]> {
  const cardOf = new Map(world.cards.map((c) => [c.psn_no, c]));
  for (const p of world.people) {
    const card = cardOf.get(p.person.psn_no);
    yield [
      p.person.psn_no,
      p.person.certno,
      card?.card_no ?? null,
      p.ecert_token,
      JSON.stringify(storedPerson(p, card)),
    ];
  }
}

/** The people table's rows, in PEOPLE_COLUMNS order. */
export function peopleRows(world: DemoWorld): (string | null)[][] {
  return [...personRows(world)];
}

/** What the seeding needs to know before the rows: the settings to record and each dataset's size. */
export interface WorldDescription {
  settings: WorldSettings;
  counts: Record<WorldDataset, number>;
}

export function describeWorld(world: DemoWorld): WorldDescription {
  const counts = {} as Record<WorldDataset, number>;
  for (const dataset of WORLD_DATASETS) counts[dataset] = datasetSize(world, dataset);
  return {
    settings: {
      seed: world.seed,
      today: world.today,
      catalog_size: world.catalog.length,
      people_count: world.people.length,
      treatment_admdvs: world.treatment_province.admdvs,
    },
    counts,
  };
}

/**
 * The world's rows as binary COPY chunks, in the order they are loaded: every dataset in
 * WORLD_DATASETS order, versions first, first + 1, … (as upsertRows() gives them one dataset after
 * another), then the people.
 */
export function* worldCopyChunks(world: DemoWorld, first: number): Generator<CopyChunk> {
  let ver = first;
  for (const dataset of WORLD_DATASETS) {
    yield* datasetCopyChunks(dataset, datasetRows(world, dataset), ver);
    ver += datasetSize(world, dataset);
  }
  const people = binaryCopyChunks(COPY_TABLES.people.types, personRows(world), (row) => row);
  for (const bytes of people) yield { table: 'people', bytes };
}

/**
 * Where the seeding's rows come from: the world generated on this thread (worldSource), or a worker
 * thread that generates it and builds the chunks while this thread opens the database and loads the
 * chunks already built (world-worker.ts).
 */
export interface WorldSource {
  describe(): Promise<WorldDescription>;
  /** The chunks of worldCopyChunks(world, first). */
  chunks(first: number): Iterable<CopyChunk> | AsyncIterable<CopyChunk>;
}

/** A source for a world already generated on this thread. */
export function worldSource(world: DemoWorld): WorldSource {
  return {
    describe: async () => describeWorld(world),
    chunks: (first) => worldCopyChunks(world, first),
  };
}

/** Seeds when the database holds no world yet; returns the settings in force (stored or new). */
export async function seedIfEmpty(
  db: Database,
  source: WorldSource,
): Promise<{ seeded: boolean; settings: WorldSettings }> {
  const { settings: wanted, counts } = await source.describe();
  const seeded = await db.transaction(async (tx) => {
    // The claim on meta.seed serialises two processes seeding one PostgreSQL: the second waits, then skips.
    const claim = await tx.query(
      "INSERT INTO meta (key, value) VALUES ('seed', $1) ON CONFLICT (key) DO NOTHING RETURNING key",
      [wanted.seed],
    );
    if (claim.length === 0) return false;
    const meta = [
      ['today', wanted.today],
      ['catalog_size', String(wanted.catalog_size)],
      ['people_count', String(wanted.people_count)],
      ['treatment_admdvs', wanted.treatment_admdvs],
    ];
    for (const [key, value] of meta) {
      await tx.query('INSERT INTO meta (key, value) VALUES ($1, $2)', [key, value]);
    }
    const tables = Object.keys(COPY_TABLES) as CopyTable[];
    await emptyForBulkLoad(tx, tables);
    await withIndexesDeferred(tx, tables, async () => {
      // One reservation for every dataset: the same versions as one per dataset in WORLD_DATASETS order.
      const total = WORLD_DATASETS.reduce((n, d) => n + counts[d], 0);
      const first = await reserveVersions(tx, total);
      await copyInStatements(tx, source.chunks(first), { freeze: true });
    });
    return true;
  });
  // The rows were loaded frozen, their pages already all-visible (so 8101's version-range scans and
  // counts use index-only scans from the first pull): only the planner's statistics are left to set.
  if (seeded) await db.exec('ANALYZE dataset_rows');
  const settings = await readSettings(db);
  if (!settings) throw new Error('the platform database has no world after seeding');
  return { seeded, settings };
}
