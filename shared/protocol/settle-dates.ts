// The platform does not take a station's dates on trust (platform-protocol.md "Reference platform
// operation"): a settle_date after the platform's today in China time, one older than its offline
// window, or one that is not the China date of settled_at is rejected. Pure: the caller gives today.

import { cstDate } from './time';
import type { RejectionCode } from './errors';

/** How far back (days) an offline settlement may be dated by default (`--max-offline-days`). */
export const DEFAULT_MAX_OFFLINE_DAYS = 90;

/** `YYYY-MM-DD` shifted by whole days (calendar arithmetic in UTC, so no zone or DST). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}

export interface DateProblem {
  code: Extract<RejectionCode, 'SETTLE_DATE_IN_FUTURE' | 'SETTLE_DATE_TOO_OLD' | 'SETTLE_DATE_MISMATCH'>;
  detail: string;
}

/** The first rule the settlement's dates break, or null. `today` is the platform's China date. */
export function settleDateProblem(
  settleDate: string,
  settledAt: string,
  today: string,
  maxOfflineDays: number,
): DateProblem | null {
  if (settleDate > today)
    return { code: 'SETTLE_DATE_IN_FUTURE', detail: `settle_date ${settleDate} > today ${today}` };
  const oldest = addDays(today, -maxOfflineDays);
  if (settleDate < oldest)
    return {
      code: 'SETTLE_DATE_TOO_OLD',
      detail: `settle_date ${settleDate} < ${oldest} (${maxOfflineDays} days before ${today})`,
    };
  const atDate = cstDate(Date.parse(settledAt));
  if (atDate !== settleDate)
    return {
      code: 'SETTLE_DATE_MISMATCH',
      detail: `settle_date ${settleDate}, settled_at ${settledAt} is ${atDate} in China`,
    };
  return null;
}
