// Lookups the settle service and the counter screens need: filings through the lookup segments
// (search-segments.ts), the rest on keys and indexes.
import type { StationDb } from './station-db';
import { segmentIndex } from './search-segments';
import { getRow, getRows } from './packs';
import type { AccumulatorRow, FilingRow, PolicyRow, Scheme } from './types';

/** The filings of a person, by citizen ID number (what a card or a typed ID gives) or psn_no. Each
 * segment hit is checked against the stored row, so a filing changed or deleted since is not
 * returned for its old person. */
export async function findFilings(
  db: StationDb,
  who: { certno?: string; psn_no?: string },
): Promise<FilingRow[]> {
  if (lookupOf(who) === null) return [];
  await segmentIndex(db, 'filings').refresh();
  return filingsInIndex(db, who);
}

/** findFilings once the filings' lookup segments have been refreshed (`segmentIndex(db,
 * 'filings').refresh()`): reads only the filings' stores, so it can run inside a transaction over
 * rowStores(db, 'filings') (the settle service's read transaction, build-request.ts). */
export async function filingsInIndex(
  db: StationDb,
  who: { certno?: string; psn_no?: string },
): Promise<FilingRow[]> {
  const lookup = lookupOf(who);
  if (lookup === null) return [];
  const [field, value] = lookup;
  const keys = new Set<string>();
  for (const hit of segmentIndex(db, 'filings').hits(field, value, 'exact')) keys.add(hit.key);
  if (keys.size === 0) return [];
  const rows = await getRows(db, 'filings', [...keys]);
  // in key order, as an index returned them and as the platform reads them: selectFiling keeps the
  // first of two equally good filings, and station and platform must pick the same one
  return rows
    .filter((r): r is FilingRow => r !== undefined && r[field] === value)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The field and value a person is looked up by: psn_no when known, else the ID number. */
function lookupOf(who: { certno?: string; psn_no?: string }): ['psn_no' | 'certno', string] | null {
  if (who.psn_no) return ['psn_no', who.psn_no];
  const certno = who.certno?.trim().toUpperCase();
  return certno ? ['certno', certno] : null;
}

export async function findFiling(
  db: StationDb,
  who: { certno?: string; psn_no?: string },
  scheme: Scheme,
): Promise<FilingRow | undefined> {
  const rows = await findFilings(db, who);
  return rows.find((r) => r.scheme === scheme);
}

/** The policy of an insured place and insurance type in force on a date (YYYY-MM-DD compares as a
 * string): valid_from ≤ date and (valid_to null or date ≤ valid_to); the latest valid_from wins. */
export async function policyInForce(
  db: StationDb,
  insuplc_admdvs: string,
  insutype: string,
  date: string,
): Promise<PolicyRow | undefined> {
  const rows = await db.policies
    .where('[insuplc_admdvs+insutype]')
    .equals([insuplc_admdvs, insutype])
    .toArray();
  const inForce = rows.filter((r) => r.valid_from <= date && (r.valid_to === null || date <= r.valid_to));
  inForce.sort((a, b) => (a.valid_from < b.valid_from ? 1 : a.valid_from > b.valid_from ? -1 : 0));
  return inForce[0];
}

export function accumulatorKey(psn_no: string, year: number): string {
  return `${psn_no}:${year}`;
}

export async function accumulatorsOf(
  db: StationDb,
  psn_no: string,
  year: number,
): Promise<AccumulatorRow | undefined> {
  return getRow(db, 'accumulators', accumulatorKey(psn_no, year));
}
