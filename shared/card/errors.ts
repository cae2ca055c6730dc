// Typed card errors: a code the station can branch on and messages a cashier can read in both
// languages (style.md §9). Drivers throw CardError; services turn it into an 'error' event.

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

const MESSAGES: Record<CardErrorCode, [zh: string, en: string]> = {
  NO_CARD: ['读卡器中没有卡，请插卡或放卡', 'No card in the reader; insert or present the card'],
  CARD_MUTE: ['卡片无应答，请重新插卡', 'The card does not answer; insert it again'],
  NOT_SOCIAL_SECURITY_CARD: [
    '这不是社会保障卡（找不到社保应用）',
    'This is not a social security card (no SSSE application)',
  ],
  CARD_DAMAGED: [
    '卡内数据损坏或不完整，请改用身份证号码或电子凭证',
    'The card data is damaged or incomplete; use the ID number or the e-certificate',
  ],
  APDU_FAILED: ['卡片返回错误状态', 'The card returned an error status'],
  FRAME_GARBLED: ['读卡器通信数据错误，请重试', 'Garbled data from the reader; try again'],
  READER_TIMEOUT: ['读卡器无响应，请检查连接', 'The reader does not answer; check its cable'],
  READER_UNPLUGGED: ['读卡器已拔出', 'The reader was unplugged'],
  READER_BUSY: ['读卡器正忙，请稍候', 'The reader is busy; wait a moment'],
  READER_NOT_FOUND: ['未找到读卡器', 'No reader found'],
  DEVICE_OPEN_FAILED: [
    '无法打开读卡设备（权限或占用）',
    'Cannot open the reading device (permissions or in use)',
  ],
  SSN_INVALID: [
    '卡内社会保障号码校验不通过，不能使用',
    'The social security number on the card fails its check and cannot be used',
  ],
  DLL_UNAVAILABLE: ['厂商读卡库只能在 Windows 上使用', 'The vendor reader DLL works only on Windows'],
  DLL_ERROR: ['读卡器厂商库返回错误', 'The reader vendor library returned an error'],
  DLL_OUTPUT_INVALID: [
    '读卡器厂商库返回的数据格式不正确',
    'The reader vendor library returned malformed data',
  ],
  DEMO_CARD_UNKNOWN: ['演示托盘中没有这张卡', 'The demo tray holds no such card'],
  SCAN_INVALID: ['扫码数据不完整，请重新扫码', 'The scanned data is incomplete; scan again'],
};

export class CardError extends Error {
  readonly code: CardErrorCode;
  readonly message_zh: string;
  readonly message_en: string;
  /** Extra facts for logs and support (status word, DLL return code, …); never shown raw. */
  readonly detail?: string;

  constructor(code: CardErrorCode, detail?: string, override?: { zh?: string; en?: string }) {
    const [zh, en] = MESSAGES[code];
    const message_en = override?.en ?? en;
    super(detail ? `${code}: ${message_en} (${detail})` : `${code}: ${message_en}`);
    this.name = 'CardError';
    this.code = code;
    this.message_zh = override?.zh ?? zh;
    this.message_en = message_en;
    this.detail = detail;
  }

  /** Plain object for IPC / JSON (an Error does not survive structured clone with its fields). */
  toJSON(): CardErrorPayload {
    return { code: this.code, message_zh: this.message_zh, message_en: this.message_en, detail: this.detail };
  }
}

export interface CardErrorPayload {
  code: CardErrorCode;
  message_zh: string;
  message_en: string;
  detail?: string;
}

export function isCardError(e: unknown): e is CardError {
  return e instanceof CardError;
}
