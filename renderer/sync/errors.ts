// Sync errors with a stable code and zh-CN / English messages, for the queue screen and the log.
import { codedError, type MessageTable } from '../../shared/errors';

export type SyncErrorCode =
  | 'PROTOCOL_VIOLATION'
  | 'ROW_COUNT_MISMATCH'
  | 'PLATFORM_UNREACHABLE'
  | 'PLATFORM_REFUSED'
  | 'PUSH_BUSY'
  | 'PLATFORM_KEEPS_FAILING'
  | 'UPLOAD_TOO_LARGE';

export const SYNC_ERROR_MESSAGES: MessageTable<SyncErrorCode> = {
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
  PLATFORM_KEEPS_FAILING: {
    zh: '平台多次处理此结算均失败，已暂停上传此结算；此人之后的结算在其后等待，其他人的结算照常上传。请联系平台或信息科，处理后在此记录，结算将重新上传。',
    en: "The platform keeps failing on this settlement, so it is held back; this person's later settlements wait behind it and everyone else's keep flowing. Contact the platform or IT, then record what was done here and it is sent again.",
  },
  UPLOAD_TOO_LARGE: {
    zh: '此结算太大，无法作为一条上传消息发送，已暂停上传；此人之后的结算在其后等待。请联系信息科。',
    en: "This settlement is too large to send in one upload message, so it is held back; this person's later settlements wait behind it. Contact IT.",
  },
};

export class SyncError extends codedError('SyncError', SYNC_ERROR_MESSAGES) {}
