// Which datasets this station holds whole: a dataset counts once a pull of it has reached its last
// page (its checkpoint's completed_at). A new station's first sync takes a minute or more; until the
// datasets the counter needs are complete, a person not found could simply not have arrived yet, and
// a missing accumulator row would settle a deductible twice — so the counter waits for them
// (settle-service DATA_INCOMPLETE), and a catalog code missing before the catalog is complete is asked
// of the platform rather than classed off-catalog.
import type { StationDb } from './station-db';
import type { DatasetName } from './types';

/** What a verdict and a settle request are built from besides the catalogs. A pull takes them first
 * (renderer/sync DATASETS). */
export const COUNTER_DATASETS = [
  'institutions',
  'policies',
  'filings',
  'accumulators',
] as const satisfies readonly DatasetName[];

/** The datasets of the list never pulled to their end here (in the list's order). */
export async function incompleteDatasets(
  db: StationDb,
  datasets: readonly DatasetName[],
): Promise<DatasetName[]> {
  const checkpoints = await db.checkpoints.bulkGet([...datasets]);
  return datasets.filter((_, i) => !checkpoints[i]?.completed_at);
}
