import type { TraceEntry } from './result';
import type { Filing } from './schema';
import { daysInMonth } from './schema-primitives';

/**
 * Work-injury filing types and how long each is valid (settle/v2 Step 1, seed 003:
 * "异地长期居住(工作)的工伤职工备案有效期为1年；跨省转诊转院工伤职工备案有效期为3个月"). Any other type
 * is FILING_TYPE_NOT_ALLOWED.
 */
export const WI_FILING_MONTHS = { long_term_resident: 12, posted_worker: 12, referral: 3 } as const;
export type WiFilingType = keyof typeof WI_FILING_MONTHS;

export const isWiFilingType = (type: string): type is WiFilingType => Object.hasOwn(WI_FILING_MONTHS, type);

const iso = (y: number, m: number, d: number): string =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * The last valid day of a filing of `months` months from `begndate`: the day before the same day of
 * the month `months` later; where that day does not exist, the last day of that month (contract
 * settle/v2: 2025-01-01 → 2025-12-31; 2024-02-29 → 2025-02-28; 2025-01-31 + 3 → 2025-04-30;
 * 2025-03-01 + 3 → 2025-05-31).
 */
export function windowEnd(begndate: string, months: number): string {
  const [y, m, d] = begndate.split('-').map(Number) as [number, number, number];
  const index = m - 1 + months;
  const year = y + Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = daysInMonth(year, month);
  if (d > last) return iso(year, month, last);
  if (d > 1) return iso(year, month, d - 1);
  // The day before the 1st is the last day of the month before.
  const prevYear = month === 1 ? year - 1 : year;
  const prevMonth = month === 1 ? 12 : month - 1;
  return iso(prevYear, prevMonth, daysInMonth(prevYear, prevMonth));
}

export interface FilingWindow {
  begndate: string;
  /** The last valid day, null = open-ended. */
  end: string | null;
  trace: TraceEntry | null;
}

const LABEL: Record<WiFilingType, [string, string, string, string]> = {
  long_term_resident: ['异地长期居住', 'long-term residence', '1年', '1 year'],
  posted_worker: ['常驻异地工作', 'posted work', '1年', '1 year'],
  referral: ['转诊', 'referral', '3个月', '3 months'],
};

/**
 * The period a filing is valid in. A medical filing: begndate to enddate as filed. A work-injury
 * filing of an allowed type: enddate cut at its 12 or 3 months; of another type (refused anyway) the
 * filed enddate, so the expiry check still reads the filing as written.
 */
export function filingWindow(filing: Filing, workInjury: boolean): FilingWindow {
  if (!workInjury || !isWiFilingType(filing.type)) {
    return { begndate: filing.begndate, end: filing.enddate, trace: null };
  }
  const months = WI_FILING_MONTHS[filing.type];
  const limit = windowEnd(filing.begndate, months);
  // When the filed end is the window's own end, or later, the window is what limits the filing.
  const cut = filing.enddate === null || limit <= filing.enddate;
  const end = cut ? limit : filing.enddate!;
  const [zhType, enType, zhSpan, enSpan] = LABEL[filing.type];
  return {
    begndate: filing.begndate,
    end,
    trace: {
      step: 'eligibility',
      rule: 'WI_FILING_WINDOW',
      zh: cut
        ? `工伤${zhType}备案有效期${zhSpan}，至${end}`
        : `工伤${zhType}备案有效期${zhSpan}（至${limit}），备案截止日${end}更早，以备案截止日为准`,
      en: cut
        ? `A work-injury ${enType} filing is valid for ${enSpan}: until ${end}`
        : `A work-injury ${enType} filing is valid for ${enSpan} (until ${limit}); the filing's own end ${end} is earlier and applies`,
    },
  };
}

export const validIn = (w: FilingWindow, date: string): boolean =>
  w.begndate <= date && (w.end === null || date <= w.end);
