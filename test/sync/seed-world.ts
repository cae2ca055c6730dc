// Fills a station database from the demo world the way a pull would: the rows are shaped as
// platform-sim serves them (platform-sim/db/seed.ts worldRows) and go through the real page
// validation and page writer. For unit tests that need cached data but no platform.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { demoWorld, type DemoWorld } from '../../shared/demo-world';
import type { DatasetName } from '../../shared/protocol';
import { openStationDb, type StationDb } from '../../renderer/db';
import { applyPage, prepareRows } from '../../renderer/sync/apply-page';
import { validatePage } from '../../renderer/sync/page-validation';

export function worldPages(world: DemoWorld): Record<DatasetName, unknown[]> {
  return {
    institutions: world.institutions.map((i) => ({
      key: i.fixmedins_code,
      fixmedins_name: i.fixmedins_name,
      institution: i.institution,
    })),
    policies: world.policies.map((p) => ({ key: p.policy_id, policy: p })),
    catalog: world.catalog.map((c) => ({ key: c.code, entry: c.entry })),
    wi_catalog: world.wi_catalog.map((c) => ({ key: c.code, entry: c.entry })),
    filings: world.filings.map((f) => ({
      key: f.filing_id,
      scheme: f.scheme,
      person: f.person,
      filing: f.filing,
    })),
    accumulators: world.accumulators.map((a) => ({
      key: `${a.psn_no}:${a.accumulators.year}`,
      psn_no: a.psn_no,
      accumulators: a.accumulators,
    })),
  };
}

export async function seededStationDb(
  opts: { today: string; seed?: string; indexedDB?: IDBFactory } = { today: '2026-06-30' },
): Promise<{ db: StationDb; world: DemoWorld; indexedDB: IDBFactory }> {
  const world = demoWorld({ seed: opts.seed ?? 'unit', today: opts.today });
  const indexedDB = opts.indexedDB ?? new IDBFactory();
  const db = await openStationDb({ name: 'station', indexedDB, IDBKeyRange });
  let ver = 0;
  for (const [dataset, rows] of Object.entries(worldPages(world)) as [DatasetName, unknown[]][]) {
    const raw = { rows, deleted: [], next_ver: (ver += rows.length), more: false, total_rows: rows.length };
    const page = validatePage(dataset, raw, { since_ver: 0, page_size: rows.length });
    await applyPage(db, dataset, page, prepareRows(dataset, page), `${opts.today}T00:00:00.000Z`);
  }
  return { db, world, indexedDB };
}
