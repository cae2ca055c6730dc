// Sync errors with a stable code and zh-CN / English messages, for the queue screen and the log.

export type SyncErrorCode =
  'PROTOCOL_VIOLATION' | 'ROW_COUNT_MISMATCH' | 'PLATFORM_UNREACHABLE' | 'PLATFORM_REFUSED' | 'PUSH_BUSY';

const MESSAGES: Record<SyncErrorCode, { zh: string; en: string }> = {
  PROTOCOL_VIOLATION: {
    zh: '平台返回的数据不符合接口规范，已拒收，本机数据未改动。',
    en: 'The platform sent data that breaks the protocol; it was refused and nothing stored was changed.',
  },
  ROW_COUNT_MISMATCH: {
    zh: '平台下发的数据条数与其声明不符，该页已拒收，本机数据未改动；下次同步从上次保存处继续。',
    en: 'The platform delivered a different number of changes than it announced; the page was refused, nothing stored changed, and the next pull resumes from the last stored page.',
  },
  PLATFORM_UNREACHABLE: {
    zh: '暂时无法连接平台，稍后自动重试。',
    en: 'The platform cannot be reached right now; retrying automatically.',
  },
  PLATFORM_REFUSED: {
    zh: '平台拒绝了请求，需要人工处理。',
    en: 'The platform refused the request; a person must look at it.',
  },
  PUSH_BUSY: {
    zh: '另一个窗口正在上传结算。',
    en: 'Another window is uploading settlements.',
  },
};

export class SyncError extends Error {
  readonly code: SyncErrorCode;
  readonly message_zh: string;
  readonly message_en: string;
  readonly detail: string;
  override readonly cause: unknown;

  constructor(code: SyncErrorCode, detail: string, cause?: unknown) {
    const m = MESSAGES[code];
    super(`${m.en} ${detail}`);
    this.name = 'SyncError';
    this.code = code;
    this.message_zh = `${m.zh} ${detail}`;
    this.message_en = `${m.en} ${detail}`;
    this.detail = detail;
    this.cause = cause;
  }
}
