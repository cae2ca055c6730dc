// Storage errors a cashier can read: a stable code plus zh-CN and English messages. Raw DOMException
// names (QuotaExceededError, AbortError, VersionError …) never reach the screen.
import { codedError, type MessageTable } from '../../shared/errors';

export type StationDbErrorCode =
  'QUOTA_EXCEEDED' | 'UPGRADE_BLOCKED' | 'VERSION_TOO_NEW' | 'STORAGE_UNAVAILABLE' | 'TRANSACTION_ABORTED';

export const STATION_DB_ERROR_MESSAGES: MessageTable<StationDbErrorCode> = {
  QUOTA_EXCEEDED: {
    zh: '本机存储空间已满，刚才的操作没有保存，已保存的数据完好。请清理磁盘或联系管理员。',
    en: 'The disk quota for this station is full. The last change was not saved; everything saved before is intact. Free disk space or call an administrator.',
  },
  UPGRADE_BLOCKED: {
    zh: '另一个收费站窗口仍在使用旧版本数据库。请关闭其他窗口后重试，数据不会丢失。',
    en: 'Another station window still has the old database version open. Close the other windows and retry; no data is lost.',
  },
  VERSION_TOO_NEW: {
    zh: '本机数据库来自更新版本的收费站程序。请安装最新版本，数据保持不变。',
    en: 'The database on this machine was written by a newer station version. Install the latest version; the data is left untouched.',
  },
  STORAGE_UNAVAILABLE: {
    zh: '无法打开本机数据库（浏览器存储不可用）。',
    en: 'The local database cannot be opened (browser storage is unavailable).',
  },
  TRANSACTION_ABORTED: {
    zh: '本机数据库写入被中止，刚才的操作没有保存，已保存的数据完好。',
    en: 'A database write was aborted. The last change was not saved; everything saved before is intact.',
  },
};

export class StationDbError extends codedError('StationDbError', STATION_DB_ERROR_MESSAGES) {}

function errorName(e: unknown): string {
  if (e && typeof e === 'object' && 'name' in e && typeof (e as { name: unknown }).name === 'string') {
    return (e as { name: string }).name;
  }
  return '';
}

function innerOf(e: unknown): unknown {
  return e && typeof e === 'object' && 'inner' in e ? (e as { inner: unknown }).inner : undefined;
}

/** True when the error (or the DOMException Dexie wraps) says the disk quota ran out. Chromium often
 * reports a full disk as an AbortError on the transaction whose inner error is QuotaExceededError. */
export function isQuotaError(e: unknown): boolean {
  for (
    let cur: unknown = e, depth = 0;
    cur && depth < 4;
    cur = innerOf(cur) ?? (cur as { cause?: unknown }).cause, depth++
  ) {
    const name = errorName(cur);
    if (name === 'QuotaExceededError') return true;
    const msg = cur instanceof Error ? cur.message : '';
    if (/quota/i.test(msg)) return true;
  }
  return false;
}

/** Maps any storage failure onto a StationDbError; passes other errors through unchanged. */
export function toStationDbError(e: unknown): unknown {
  if (e instanceof StationDbError) return e;
  if (isQuotaError(e)) return new StationDbError('QUOTA_EXCEEDED', { cause: e });
  const name = errorName(e);
  if (name === 'VersionError') return new StationDbError('VERSION_TOO_NEW', { cause: e });
  if (name === 'AbortError') return new StationDbError('TRANSACTION_ABORTED', { cause: e });
  if (name === 'MissingAPIError' || name === 'InvalidStateError')
    return new StationDbError('STORAGE_UNAVAILABLE', { cause: e });
  return e;
}
