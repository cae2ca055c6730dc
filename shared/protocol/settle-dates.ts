// The platform does not take a station's dates on trust (platform-protocol.md "Reference platform
// operation"): a settle_date after the platform's today in China time, one older than its offline
// window, or one that is not the China date of settled_at is rejected, and so is a settled_at later
// than the platform's clock allows a signed request to be. Pure: the caller gives the clock.

import type { RejectionCode } from './errors';
import { TIMESTAMP_WINDOW_MS } from './signing';
import { cstDate } from './time';

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

/** The first rule the settlement's dates break, or null. `nowMs` is the platform's clock. */
export function settleDateProblem(
  settleDate: string,
  settledAt: string,
  nowMs: number,
  maxOfflineDays: number,
): DateProblem | null {
  const today = cstDate(nowMs);
  if (settleDate > today)
    return { code: 'SETTLE_DATE_IN_FUTURE', detail: `settle_date ${settleDate} > today ${today}` };
  const atMs = Date.parse(settledAt);
  // The same allowance as a signed request's timestamp: station clocks are that close or refused.
  if (atMs > nowMs + TIMESTAMP_WINDOW_MS)
    return { code: 'SETTLE_DATE_IN_FUTURE', detail: `settled_at ${settledAt} is after the platform's clock` };
  const oldest = addDays(today, -maxOfflineDays);
  if (settleDate < oldest)
    return {
      code: 'SETTLE_DATE_TOO_OLD',
      detail: `settle_date ${settleDate} < ${oldest} (${maxOfflineDays} days before ${today})`,
    };
  const atDate = cstDate(atMs);
  if (atDate !== settleDate)
    return {
      code: 'SETTLE_DATE_MISMATCH',
      detail: `settle_date ${settleDate}, settled_at ${settledAt} is ${atDate} in China`,
    };
  return null;
}
