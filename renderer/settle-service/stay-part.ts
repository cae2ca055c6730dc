// A mid-stay (中途) part at the counter (settle/v2): the cashier marks the bill as part N of a long
// stay, and the station works out `stay.dedc_left` and `stay.inscp_before` from its own earlier local
// settlements of the same encounter number, with the function the platform uses on its side
// (shared/protocol/stay-parts.ts). A part that does not follow the earlier ones is refused here.
// The local encounter guard keys on encounter + part: part 1 (or a whole stay) holds the encounter
// row's `local_setl_id`, parts 2, 3 … its `parts` map, so no schema version is needed.
import { nextStayAfter } from '../../shared/protocol';
import type { Stay } from '../../shared/settlement';
import type { SettlementRow, StationDb } from '../db';
import { SettleServiceError } from './errors';

/** A local settlement that counts as an earlier part: settled, and not rejected or cancelled since. */
function stands(row: SettlementRow): boolean {
  return row.result.status === 'settled' && row.status !== 'rejected' && row.status !== 'cancelled';
}

/** The `stay` of part `part` of encounter `encounterNo`, from this station's own settlements. */
export async function localStay(
  db: StationDb,
  psnNo: string,
  encounterNo: string | undefined,
  part: number,
  medicalInpatient: boolean,
): Promise<Stay> {
  const encounter = encounterNo?.trim() ?? '';
  if (encounter === '') throw new SettleServiceError('ENCOUNTER_REQUIRED', { detail: `stay part ${part}` });
  const rows = await db.settlements
    .where('psn_no')
    .equals(psnNo)
    .filter((r) => r.encounter_no === encounter && stands(r))
    .toArray();
  const next = nextStayAfter(
    part,
    medicalInpatient,
    rows.map((r) => ({
      request: r.request,
      // the figures that count: the platform's, when it disagreed
      setlinfo: (r.status === 'discrepancy' && r.platform_result ? r.platform_result : r.result).setlinfo,
    })),
  );
  if (!next.ok)
    throw new SettleServiceError('STAY_PART_OUT_OF_ORDER', {
      detail: `${encounter}: ${part}${next.expected === null ? '' : ` → ${next.expected}`}`,
    });
  return next.stay;
}

export { encounterHolder, withEncounterHolder } from '../db';
