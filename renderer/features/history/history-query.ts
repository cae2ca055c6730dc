// The history's search: name, ID number, encounter number, settle-date range, status and operator,
// newest first. The most selective criterion given picks the index (encounter number, full ID number,
// operator, date range, status: schema version 4) and the rest are checked on each row, so a search
// reads few rows however long the station has been settling. The form's schema is here too: every
// criterion is optional, dates are dates, the range runs forwards, and no text carries a control
// character.
import type { Collection } from 'dexie';
import { z } from 'zod';
import { isIsoDate } from '../../../shared/settlement';
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacter } from '../../../shared/text';
import type { SettlementRow, SettlementStatus, StationDb } from '../../db';

export const HISTORY_STATUSES = [
  'pending',
  'confirmed',
  'discrepancy',
  'rejected',
  'cancelled',
] as const satisfies readonly SettlementStatus[];
export const HISTORY_LIMIT = 200;

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `最多 ${max} 个字符 / at most ${max} characters` })
    .refine((v) => !hasControlCharacter(v), CONTROL_CHARACTER_MESSAGE);
const date = z
  .string()
  .trim()
  .refine((v) => v === '' || isIsoDate(v), { error: '日期格式为 YYYY-MM-DD / a date is YYYY-MM-DD' });

export const historyCriteriaSchema = z
  .object({
    name: text(50),
    certno: text(18),
    encounter_no: text(64),
    from: date,
    to: date,
    status: z.enum(['', ...HISTORY_STATUSES]),
    opter: text(30),
  })
  .refine((c) => c.from === '' || c.to === '' || c.from <= c.to, {
    error: '起始日期晚于截止日期 / the range starts after it ends',
    path: ['to'],
  });
export type HistoryCriteria = z.output<typeof historyCriteriaSchema>;

export const NO_CRITERIA: HistoryCriteria = {
  name: '',
  certno: '',
  encounter_no: '',
  from: '',
  to: '',
  status: '',
  opter: '',
};

/** A whole ID number (15 or 18 characters) is looked up by index; a shorter one matches the end. */
const wholeId = (certno: string) => certno.length === 15 || certno.length === 18;

function matches(s: SettlementRow, c: HistoryCriteria): boolean {
  const certno = c.certno.toUpperCase();
  return (
    (c.name === '' || s.psn_name.includes(c.name)) &&
    (certno === '' ||
      (wholeId(certno) ? s.certno.toUpperCase() === certno : s.certno.toUpperCase().endsWith(certno))) &&
    (c.encounter_no === '' || s.encounter_no === c.encounter_no) &&
    (c.from === '' || s.settle_date >= c.from) &&
    (c.to === '' || s.settle_date <= c.to) &&
    (c.status === '' || s.status === c.status) &&
    (c.opter === '' || s.opter === c.opter)
  );
}

/** The rows an index narrows the search to, or null when no criterion has one (then newest first). */
function candidates(db: StationDb, c: HistoryCriteria): Collection<SettlementRow, string> | null {
  const t = db.settlements;
  if (c.encounter_no) return t.where('encounter_no').equals(c.encounter_no);
  if (wholeId(c.certno))
    return t.where('certno').anyOf(c.certno, c.certno.toUpperCase(), c.certno.toLowerCase());
  if (c.opter) return t.where('opter').equals(c.opter);
  if (c.from || c.to)
    return t.where('settle_date').between(c.from || '0000-00-00', c.to || '9999-99-99', true, true);
  if (c.status) return t.where('status').equals(c.status);
  return null;
}

export async function searchHistory(
  db: StationDb,
  criteria: HistoryCriteria,
  limit = HISTORY_LIMIT,
): Promise<{ rows: SettlementRow[]; more: boolean }> {
  const narrowed = candidates(db, criteria);
  const found = narrowed
    ? await narrowed.filter((s) => matches(s, criteria)).toArray()
    : await db.settlements
        .orderBy('settled_at')
        .reverse()
        .filter((s) => matches(s, criteria))
        .limit(limit + 1)
        .toArray();
  found.sort((a, b) => (a.settled_at < b.settled_at ? 1 : a.settled_at > b.settled_at ? -1 : 0));
  return { rows: found.slice(0, limit), more: found.length > limit };
}
