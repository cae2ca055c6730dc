// settled_at travels in 8201 as China time with its offset ("2025-06-30T10:12:00+08:00"), the way
// the platform and a receipt show it; the instant is the same as the UTC one.
const CHINA_OFFSET_MS = 8 * 3600_000;

export function chinaOffsetIso(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 19) + '+08:00';
}

/** The calendar date in China (UTC+8), whatever the machine's zone: settle dates are Chinese dates. */
export function chinaDate(at: Date): string {
  return chinaOffsetIso(at).slice(0, 10);
}
