// How the screens write instants, ages, ratios and ID numbers: instants always in China time,
// whatever the machine's zone; ratios exactly; ID numbers masked.
import { Decimal } from '../../shared/money';
import { chinaOffsetIso } from '../../shared/protocol';

/** "3 分钟" style ages, short and language-neutral enough for the indicator (s / min / h / d). */
export function formatAge(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}min`;
  if (s < 86400) return `${Math.floor(s / 3600)}h${Math.floor((s % 3600) / 60)}min`;
  return `${Math.floor(s / 86400)}d`;
}

/** HH:mm:ss in China time for an ISO instant. */
export function formatClock(iso: string): string {
  return chinaOffsetIso(Date.parse(iso)).slice(11, 19);
}

/** YYYY-MM-DD HH:mm:ss in China time for an ISO instant (receipts). */
export function formatChinaTime(iso: string): string {
  return chinaOffsetIso(Date.parse(iso)).slice(0, 19).replace('T', ' ');
}

/** A ratio string as percentage points, multiplied exactly (decimal.js), never as a JS number:
 * Number("0.07") * 100 is 7.000000000000001. "0.07" → "7", "0.075" → "7.5", "1" → "100". */
export function ratioAsPercent(ratio: string): string {
  return new Decimal(ratio).times(100).toString();
}

/** An ID number on screen and on paper shows only the birthplace code and the last four characters
 * (110101********1234): enough to compare with the card and the patient, not enough to copy. */
export function maskCertno(certno: string): string {
  const id = certno.trim();
  if (id.length >= 15) return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
  if (id.length >= 5) return `${id.slice(0, 2)}${'*'.repeat(id.length - 4)}${id.slice(-2)}`;
  return '*'.repeat(id.length);
}
