// Calendar arithmetic on 'YYYY-MM-DD' strings, in UTC so the result never depends on the machine's
// time zone. The demo world is relative to a `today` given by the caller (shared/ has no clock).

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function toUtc(date: string): Date {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (
    d.getUTCFullYear() !== Number(m[1]) ||
    d.getUTCMonth() !== Number(m[2]) - 1 ||
    d.getUTCDate() !== Number(m[3])
  ) {
    throw new RangeError(`not a calendar date: ${date}`);
  }
  return d;
}

function fromUtc(d: Date): string {
  const y = String(d.getUTCFullYear()).padStart(4, '0');
  const mo = String(d.getUTCMonth() + 1).padStart(2, '0');
  const da = String(d.getUTCDate()).padStart(2, '0');
  return `${y}-${mo}-${da}`;
}

// Generating the 200,000-person bench world calls these a few million times over a few thousand
// distinct dates: day numbers and strings are remembered (bounded; the results never change), which
// took a quarter of the generation time off (docs/platform.md, seeding profile).
const MEMO_LIMIT = 50_000;
const DAY_MS = 86_400_000;
const dayNumbers = new Map<string, number>();
const dateStrings = new Map<number, string>();

function dayNumber(date: string): number {
  let n = dayNumbers.get(date);
  if (n === undefined) {
    n = toUtc(date).getTime() / DAY_MS;
    if (dayNumbers.size < MEMO_LIMIT) dayNumbers.set(date, n);
  }
  return n;
}

function dateOfDay(n: number): string {
  let s = dateStrings.get(n);
  if (s === undefined) {
    s = fromUtc(new Date(n * DAY_MS));
    if (dateStrings.size < MEMO_LIMIT) dateStrings.set(n, s);
  }
  return s;
}

export function assertDate(date: string): string {
  return dateOfDay(dayNumber(date));
}

export function addDays(date: string, days: number): string {
  return dateOfDay(dayNumber(date) + days);
}

/** Adds months, clamping the day to the target month's last day (2025-01-31 + 1 month = 2025-02-28). */
export function addMonths(date: string, months: number): string {
  const d = toUtc(date);
  const day = d.getUTCDate();
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, last));
  return fromUtc(target);
}

export function yearOf(date: string): number {
  return Number(assertDate(date).slice(0, 4));
}

export function startOfYear(date: string): string {
  return `${String(yearOf(date)).padStart(4, '0')}-01-01`;
}

export function compactDate(date: string): string {
  return assertDate(date).replace(/-/g, '');
}
