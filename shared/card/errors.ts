// Typed card errors: a code the station can branch on and messages a cashier can read in both
// languages (style.md §9). Drivers throw CardError; services turn it into an 'error' event.
import { codedError, type CodedErrorPayload, type MessageTable } from '../errors';

export type CardErrorCode =
  | 'NO_CARD' // reader answered, no card in the slot / field
  | 'CARD_MUTE' // card did not answer the reset
  | 'NOT_SOCIAL_SECURITY_CARD' // SELECT of the SSSE application refused
  | 'CARD_DAMAGED' // records missing or unparseable
  | 'APDU_FAILED' // unexpected status word
  | 'FRAME_GARBLED' // reader frame failed its checks
  | 'READER_TIMEOUT' // reader did not answer in time
  | 'READER_UNPLUGGED' // device vanished during a read
  | 'READER_BUSY' // a read is already running on this device
  | 'READER_NOT_FOUND' // no configured device present
  | 'DEVICE_OPEN_FAILED' // node-hid could not open the device
  | 'SSN_INVALID' // social security number fails GB 11643 checks
  | 'DLL_UNAVAILABLE' // vendor DLL path asked for where it cannot run
  | 'DLL_ERROR' // iReadCardBas returned a negative code
  | 'DLL_OUTPUT_INVALID' // iReadCardBas output could not be parsed
  | 'SCAN_INVALID' // scanned data could not be reassembled
  | 'DEMO_CARD_UNKNOWN'; // the demo tray was asked for a card it does not hold

export const CARD_ERROR_MESSAGES: MessageTable<CardErrorCode> = {
  NO_CARD: { zh: '读卡器中没有卡，请插卡或放卡', en: 'No card in the reader; insert or present the card' },
  CARD_MUTE: { zh: '卡片无应答，请重新插卡', en: 'The card does not answer; insert it again' },
  NOT_SOCIAL_SECURITY_CARD: {
    zh: '这不是社会保障卡（找不到社保应用）',
    en: 'This is not a social security card (no SSSE application)',
  },
  CARD_DAMAGED: {
    zh: '卡内数据损坏或不完整，请改用身份证号码或电子凭证',
    en: 'The card data is damaged or incomplete; use the ID number or the e-certificate',
  },
  APDU_FAILED: { zh: '卡片返回错误状态', en: 'The card returned an error status' },
  FRAME_GARBLED: { zh: '读卡器通信数据错误，请重试', en: 'Garbled data from the reader; try again' },
  READER_TIMEOUT: { zh: '读卡器无响应，请检查连接', en: 'The reader does not answer; check its cable' },
  READER_UNPLUGGED: { zh: '读卡器已拔出', en: 'The reader was unplugged' },
  READER_BUSY: { zh: '读卡器正忙，请稍候', en: 'The reader is busy; wait a moment' },
  READER_NOT_FOUND: { zh: '未找到读卡器', en: 'No reader found' },
  DEVICE_OPEN_FAILED: {
    zh: '无法打开读卡设备（权限或占用）',
    en: 'Cannot open the reading device (permissions or in use)',
  },
  SSN_INVALID: {
    zh: '卡内社会保障号码校验不通过，不能使用',
    en: 'The social security number on the card fails its check and cannot be used',
  },
  DLL_UNAVAILABLE: {
    zh: '厂商读卡库只能在 Windows 上使用',
    en: 'The vendor reader DLL works only on Windows',
  },
  DLL_ERROR: { zh: '读卡器厂商库返回错误', en: 'The reader vendor library returned an error' },
  DLL_OUTPUT_INVALID: {
    zh: '读卡器厂商库返回的数据格式不正确',
    en: 'The reader vendor library returned malformed data',
  },
  DEMO_CARD_UNKNOWN: { zh: '演示托盘中没有这张卡', en: 'The demo tray holds no such card' },
  SCAN_INVALID: { zh: '扫码数据不完整，请重新扫码', en: 'The scanned data is incomplete; scan again' },
};

export class CardError extends codedError('CardError', CARD_ERROR_MESSAGES) {}

/** A CardError as IPC / JSON carries it (an Error does not survive structured clone with its fields). */
export type CardErrorPayload = CodedErrorPayload<CardErrorCode>;

export function isCardError(e: unknown): e is CardError {
  return e instanceof CardError;
}
