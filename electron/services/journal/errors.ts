// The journal's failures, with the words the cashier sees when a settlement cannot be made durable.
export type JournalErrorCode = 'JOURNAL_UNWRITABLE' | 'JOURNAL_CORRUPT';

const MESSAGES: Record<JournalErrorCode, { zh: string; en: string }> = {
  JOURNAL_UNWRITABLE: {
    zh: '结算日志无法写入（磁盘已满或无权限），为防止丢失，本笔不予结算',
    en: 'The settlement journal cannot be written (disk full or no permission); nothing is settled so nothing can be lost',
  },
  JOURNAL_CORRUPT: {
    zh: '结算日志有一行校验失败',
    en: 'A line of the settlement journal failed its checksum',
  },
};

export class JournalError extends Error {
  readonly code: JournalErrorCode;
  readonly message_zh: string;
  readonly message_en: string;
  readonly detail: string;

  constructor(code: JournalErrorCode, detail: string, cause?: unknown) {
    super(`${MESSAGES[code].en} (${detail})`, { cause });
    this.name = 'JournalError';
    this.code = code;
    this.detail = detail;
    this.message_zh = `${MESSAGES[code].zh}（${detail}）`;
    this.message_en = `${MESSAGES[code].en} (${detail})`;
  }
}
