// Lookups the settle service and the counter screens need, all on indexes.
import type { StationDb } from './station-db';
import type { AccumulatorRow, FilingRow, PolicyRow, Scheme } from './types';

/** The filings of a person, by citizen ID number (what a card or a typed ID gives) or psn_no. */
export async function findFilings(
  db: StationDb,
  who: { certno?: string; psn_no?: string },
): Promise<FilingRow[]> {
  if (who.psn_no) return db.filings.where('psn_no').equals(who.psn_no).toArray();
  if (who.certno) return db.filings.where('certno').equals(who.certno.trim().toUpperCase()).toArray();
  return [];
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
  return db.accumulators.get(accumulatorKey(psn_no, year));
}
