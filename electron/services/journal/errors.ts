// The journal's failures, with the words the cashier sees when a settlement cannot be made durable.
import { codedError, type MessageTable } from '../../../shared/errors';
export type JournalErrorCode = 'JOURNAL_UNWRITABLE' | 'JOURNAL_CORRUPT';

export const JOURNAL_ERROR_MESSAGES: MessageTable<JournalErrorCode> = {
  JOURNAL_UNWRITABLE: {
    zh: '结算日志无法写入（磁盘已满或无权限），为防止丢失，本笔不予结算',
    en: 'The settlement journal cannot be written (disk full or no permission); nothing is settled so nothing can be lost',
  },
  JOURNAL_CORRUPT: {
    zh: '结算日志有一行校验失败',
    en: 'A line of the settlement journal failed its checksum',
  },
};

export class JournalError extends codedError('JournalError', JOURNAL_ERROR_MESSAGES) {}
