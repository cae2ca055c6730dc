// Pages applied through the pull's own path (validatePage → prepareRows → applyPage) without a
// platform, for tests of what a pulled page stores: rows, deletions and lookup segments.
import type { DatasetName, StationDb } from '../../renderer/db';
import { applyPage, prepareRows } from '../../renderer/sync/apply-page';
import { validatePage } from '../../renderer/sync/page-validation';

/** A catalog row as 8101 delivers it. */
export const catalogRow = (key: string, name: string) => ({
  key,
  entry: { name, chrgitm_lv: '01', selfpay_prop: '0', pric_uplmt_amt: null },
});

let ver = 0;

/** Validates and stores one complete page (more=false) of a dataset, as a pull would. */
export async function applyPulledPage(
  db: StationDb,
  dataset: DatasetName,
  rows: unknown[],
  deleted: string[] = [],
): Promise<void> {
  const since = ver;
  ver += rows.length + deleted.length;
  const raw = { rows, deleted, next_ver: ver, more: false, total_rows: rows.length + deleted.length };
  const valid = validatePage(dataset, raw, { since_ver: since, page_size: 5000 });
  await applyPage(db, dataset, valid, prepareRows(dataset, valid), '2026-12-02T00:00:00.000Z');
}
