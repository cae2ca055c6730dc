// Seeds an empty database from the deterministic demo world (shared/demo-world), once: the seed and
// `today` are recorded in meta, and a restart on the same data keeps the stored world (and every
// settlement made since) instead of seeding again.

import type { DemoWorld } from '../../shared/demo-world';
import type { Database } from './database';
import type { RowWrite } from './datasets';
import { copyChunks, copyLine, copyNewRows, emptyForBulkLoad, withIndexesDeferred } from './bulk';

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

export function worldRows(
  world: DemoWorld,
): Record<'filings' | 'catalog' | 'wi_catalog' | 'policies' | 'accumulators' | 'institutions', RowWrite[]> {
  return {
    institutions: world.institutions.map((i) => ({
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
    })),
    policies: world.policies.map((p) => ({
      key: p.policy_id,
      ref: p.insuplc_admdvs,
      row: { key: p.policy_id, policy: p },
    })),
    catalog: world.catalog.map((c) => ({ key: c.code, ref: null, row: { key: c.code, entry: c.entry } })),
    wi_catalog: world.wi_catalog.map((c) => ({
      key: c.code,
      ref: null,
      row: { key: c.code, entry: c.entry },
    })),
    filings: world.filings.map((f) => ({
      key: f.filing_id,
      ref: f.person.psn_no,
      row: { key: f.filing_id, scheme: f.scheme, person: f.person, filing: f.filing },
    })),
    accumulators: world.accumulators.map((a) => {
      const key = `${a.psn_no}:${a.accumulators.year}`;
      return { key, ref: a.psn_no, row: { key, psn_no: a.psn_no, accumulators: a.accumulators } };
    }),
  };
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

export const PEOPLE_COLUMNS = ['psn_no', 'certno', 'card_no', 'ecert_token', 'person_json'] as const;

/**
 * The people table's rows, in PEOPLE_COLUMNS order: the person with their card and without the
 * filings (those are dataset rows). Each row is a function, so its JSON is built only when written.
 */
export function peopleRows(world: DemoWorld): (() => (string | null)[])[] {
  const cardOf = new Map(world.cards.map((c) => [c.psn_no, c]));
  return world.people.map((p) => () => {
    const card = cardOf.get(p.person.psn_no);
    return [
      p.person.psn_no,
      p.person.certno,
      card?.card_no ?? null,
      p.ecert_token,
      JSON.stringify({ ...p, filings: undefined, card: card ?? null }),
    ];
  });
}

/** The tables the first seeding fills by bulk load. */
const BULK_TABLES = ['dataset_rows', 'people'] as const;

/** Seeds when the database holds no world yet; returns the settings in force (stored or new). */
export async function seedIfEmpty(
  db: Database,
  world: DemoWorld,
): Promise<{ seeded: boolean; settings: WorldSettings }> {
  const wanted: WorldSettings = {
    seed: world.seed,
    today: world.today,
    catalog_size: world.catalog.length,
    people_count: world.people.length,
    treatment_admdvs: world.treatment_province.admdvs,
  };
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
    await emptyForBulkLoad(tx, BULK_TABLES);
    await withIndexesDeferred(tx, BULK_TABLES, async () => {
      const rows = worldRows(world);
      for (const dataset of WORLD_DATASETS) await copyNewRows(tx, dataset, rows[dataset], { freeze: true });
      const people = peopleRows(world);
      await tx.copyFrom(
        'people',
        PEOPLE_COLUMNS,
        copyChunks(people, (p) => copyLine(p())),
        { freeze: true },
      );
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
