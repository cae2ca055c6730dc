import { chinaOffsetIso } from '../../settle-service/time';

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
  return chinaOffsetIso(new Date(iso)).slice(11, 19);
}

/** YYYY-MM-DD HH:mm:ss in China time for an ISO instant (receipts). */
export function formatChinaTime(iso: string): string {
  return chinaOffsetIso(new Date(iso)).slice(0, 19).replace('T', ' ');
}
