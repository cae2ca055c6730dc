// Stable machine codes of a refused message (envelope `err_code`, a project extension), each with the
// Chinese and English message a person sees. An answer with infcode -1 is permanent for that message.

export const ERR_CODES = {
  BAD_JSON: ['请求不是有效的JSON', 'the request body is not valid JSON'],
  BODY_TOO_LARGE: ['请求体过大', 'the request body is too large'],
  UNSUPPORTED_MEDIA_TYPE: ['请求须为application/json', 'the request must be application/json'],
  NOT_FOUND: ['接口地址不存在', 'no such endpoint'],
  METHOD_NOT_ALLOWED: ['请求方法不允许', 'method not allowed'],
  ENVELOPE_INVALID: ['报文信封字段不合法', 'the message envelope is invalid'],
  UNKNOWN_INFNO: ['未知的交易编号', 'unknown transaction code (infno)'],
  INPUT_INVALID: ['交易输入不合法', 'the transaction input is invalid'],
  SIGNATURE_INVALID: ['签名校验失败', 'the request signature was refused'],
  SIGN_IN_REQUIRED: ['请先签到(9001)', 'sign in (9001) first'],
  STATION_INSTITUTION_MISMATCH: [
    '站点只能以其登记的机构签到和交易',
    'a station signs in and calls only as the institution it is registered for',
  ],
  INSTITUTION_UNKNOWN: ['机构编码未在平台登记', 'the institution code is not registered on the platform'],
  PERSON_NOT_FOUND: ['未查询到参保人员信息', 'no insured person matches'],
  SETTLEMENT_NOT_FOUND: ['未找到该结算记录', 'no such settlement'],
  SETTLEMENT_NOT_CANCELLABLE: ['该结算不可撤销', 'this settlement cannot be cancelled'],
  DATASET_UNKNOWN: ['未知的数据集', 'unknown dataset'],
  INTERNAL_ERROR: ['平台内部错误', 'internal platform error'],
} as const satisfies Record<string, readonly [string, string]>;

export type ErrCode = keyof typeof ERR_CODES;

export function errMessage(code: ErrCode, detail?: string): string {
  const [zh, en] = ERR_CODES[code];
  return detail ? `${zh} / ${en}: ${detail}` : `${zh} / ${en}`;
}

/** Reasons an uploaded settlement is rejected by the platform (8201), beyond settle()'s refusal codes. */
export const REJECTION_CODES = {
  FILING_REVOKED: ['备案已被参保地撤销', 'the filing was revoked by the insured place'],
  DUPLICATE_ENCOUNTER: ['该就诊已由其他结算结算', 'this encounter was already settled by another settlement'],
  PERSON_NOT_FOUND: ['平台无此参保人员', 'the platform has no such insured person'],
  INSTITUTION_UNKNOWN: ['机构未在平台登记', 'the institution is not registered on the platform'],
  POLICY_NOT_FOUND: ['结算日无有效的参保地政策', 'no insured-place policy in force on the settle date'],
  INVALID_INPUT: ['结算请求不合法', 'the settlement request is invalid'],
  STATION_MISMATCH: ['结算所属站点与签名站点不符', 'the settlement names another station than the signer'],
  LOCAL_SETL_ID_TAKEN: [
    '该本地结算号已由其他站点使用',
    'another station already uploaded a settlement with this local_setl_id',
  ],
  SETTLE_DATE_IN_FUTURE: [
    '结算日期晚于平台当日(北京时间)',
    "settle_date is after the platform's today (China time)",
  ],
  SETTLE_DATE_TOO_OLD: [
    '结算日期超出平台允许的离线期限',
    "settle_date is older than the platform's offline window",
  ],
  SETTLE_DATE_MISMATCH: ['结算日期不是结算时间的北京日期', 'settle_date is not the China date of settled_at'],
  STAY_PART_OUT_OF_ORDER: [
    '中途结算段号须接续平台已结算的本次住院各段',
    'a mid-stay part must follow the parts of the stay the platform has settled',
  ],
  SETTLEMENT_FAILED: [
    '平台处理该结算时出错，未保存任何内容',
    'the platform failed on this settlement and stored nothing of it',
  ],
} as const satisfies Record<string, readonly [string, string]>;

export type RejectionCode = keyof typeof REJECTION_CODES;
