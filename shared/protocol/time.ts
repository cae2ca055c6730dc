// Envelope time formats. The national interface writes China Standard Time (UTC+8, no daylight
// saving); we format from a millisecond instant given by the caller, so the result never depends on
// the machine's time zone.

const CST_OFFSET_MS = 8 * 3600_000;

function parts(ms: number): {
  y: string;
  mo: string;
  d: string;
  h: string;
  mi: string;
  s: string;
  ms: string;
} {
  if (!Number.isFinite(ms)) throw new RangeError(`not a time: ${ms}`);
  const t = new Date(ms + CST_OFFSET_MS);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return {
    y: p(t.getUTCFullYear(), 4),
    mo: p(t.getUTCMonth() + 1),
    d: p(t.getUTCDate()),
    h: p(t.getUTCHours()),
    mi: p(t.getUTCMinutes()),
    s: p(t.getUTCSeconds()),
    ms: p(t.getUTCMilliseconds(), 3),
  };
}

/** `yyyy-MM-dd HH:mm:ss` (inf_time, sign_time). */
export function formatInfTime(ms: number): string {
  const t = parts(ms);
  return `${t.y}-${t.mo}-${t.d} ${t.h}:${t.mi}:${t.s}`;
}

/** `yyyyMMddHHmmssSSS` (respond_time, refmsg_time). */
export function formatRespondTime(ms: number): string {
  const t = parts(ms);
  return `${t.y}${t.mo}${t.d}${t.h}${t.mi}${t.s}${t.ms}`;
}

/** `yyyy-MM-dd` of the instant in China Standard Time. */
export function cstDate(ms: number): string {
  const t = parts(ms);
  return `${t.y}-${t.mo}-${t.d}`;
}

/** The instant as China time with its offset, `yyyy-MM-ddTHH:mm:ss+08:00`: how 8201 `settled_at`
 * travels and a receipt shows it (the same instant as the UTC one). */
export function chinaOffsetIso(ms: number): string {
  const t = parts(ms);
  return `${t.y}-${t.mo}-${t.d}T${t.h}:${t.mi}:${t.s}+08:00`;
}

/** msgid: fixmedins_code (12) + yyyyMMddHHmmss + a 4-digit sequence = 30 characters. */
export function buildMsgid(fixmedinsCode: string, ms: number, sequence: number): string {
  if (!/^[A-Za-z0-9]{12}$/.test(fixmedinsCode))
    throw new RangeError(`fixmedins_code must be 12 letters or digits: ${fixmedinsCode}`);
  const t = parts(ms);
  const seq = String(((sequence % 10000) + 10000) % 10000).padStart(4, '0');
  return `${fixmedinsCode}${t.y}${t.mo}${t.d}${t.h}${t.mi}${t.s}${seq}`;
}
