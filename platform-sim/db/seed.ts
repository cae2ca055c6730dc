// Seeds an empty database from the deterministic demo world (shared/demo-world), once: the seed and
// `today` are recorded in meta, and a restart on the same data keeps the stored world (and every
// settlement made since) instead of seeding again.

import type { DemoWorld } from '../../shared/demo-world';
import type { Database } from './database';
import type { RowWrite } from './datasets';
import { upsertRows } from './datasets';

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
    const rows = worldRows(world);
    for (const dataset of [
      'institutions',
      'policies',
      'catalog',
      'wi_catalog',
      'filings',
      'accumulators',
    ] as const) {
      await upsertRows(tx, dataset, rows[dataset]);
    }
    const cardOf = new Map(world.cards.map((c) => [c.psn_no, c]));
    const people = world.people;
    for (let i = 0; i < people.length; i += 1000) {
      const chunk = people.slice(i, i + 1000);
      await tx.query(
        `INSERT INTO people (psn_no, certno, card_no, ecert_token, person_json)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])`,
        [
          chunk.map((p) => p.person.psn_no),
          chunk.map((p) => p.person.certno),
          chunk.map((p) => cardOf.get(p.person.psn_no)?.card_no ?? null),
          chunk.map((p) => p.ecert_token),
          chunk.map((p) =>
            JSON.stringify({ ...p, filings: undefined, card: cardOf.get(p.person.psn_no) ?? null }),
          ),
        ],
      );
    }
    return true;
  });
  // A fresh bulk load: set the visibility map and statistics now, so 8101's version-range scans and
  // counts use index-only scans from the first pull instead of visiting every heap page.
  if (seeded) await db.exec('VACUUM ANALYZE dataset_rows');
  const settings = await readSettings(db);
  if (!settings) throw new Error('the platform database has no world after seeding');
  return { seeded, settings };
}
