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

/** What this window already knows of a dataset's pull, so the counter need not read the checkpoints:
 * a read of them waits behind the page being written (a catalog page's transaction holds the
 * checkpoints for a second and more during a new station's first sync). 'whole' never goes back
 * (completed_at is never cleared); 'pulling' is set by this window's own writer and lasts until it
 * notes the last page. */
type Known = 'whole' | 'pulling';
const known = new WeakMap<StationDb, Map<DatasetName, Known>>();

function knownOf(db: StationDb): Map<DatasetName, Known> {
  let map = known.get(db);
  if (!map) known.set(db, (map = new Map()));
  return map;
}

/** The pull's writer, after a page's transaction committed: the dataset is whole, or still coming. */
export function notePulled(db: StationDb, dataset: DatasetName, whole: boolean): void {
  const map = knownOf(db);
  if (map.get(dataset) !== 'whole') map.set(dataset, whole ? 'whole' : 'pulling');
}

/** The datasets of the list never pulled to their end here (in the list's order). A dataset this
 * window's writer is still pulling is incomplete without a read (if another window finished it
 * meanwhile, the answer is only cautious: ask the platform, or wait). */
export async function incompleteDatasets(
  db: StationDb,
  datasets: readonly DatasetName[],
): Promise<DatasetName[]> {
  const map = knownOf(db);
  const unknown = datasets.filter((d) => map.get(d) === undefined);
  if (unknown.length > 0) {
    const checkpoints = await db.checkpoints.bulkGet(unknown);
    unknown.forEach((d, i) => checkpoints[i]?.completed_at && map.set(d, 'whole'));
  }
  return datasets.filter((d) => map.get(d) !== 'whole');
}
