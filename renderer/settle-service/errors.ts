// What can stop a settlement at the counter, in words a cashier can act on.
import { codedError, type MessageTable } from '../../shared/errors';

export type SettleServiceErrorCode =
  | 'PERSON_NOT_FOUND'
  | 'NO_POLICY'
  | 'NO_INSUTYPE'
  | 'INVALID_BILL'
  | 'NOT_SETTLED'
  | 'STALE_PREVIEW'
  | 'ALREADY_SETTLED'
  | 'ENCOUNTER_REQUIRED'
  | 'JOURNAL_UNWRITABLE'
  | 'STAY_PART_OUT_OF_ORDER'
  | 'NOT_OPEN_TASK'
  | 'SETTLEMENT_NOT_FOUND'
  | 'ALREADY_CANCELLED'
  | 'CANCEL_FORBIDDEN'
  | 'APPROVAL_REQUIRED'
  | 'NOT_LATEST_PART'
  | 'REASON_REQUIRED';

export const SETTLE_SERVICE_ERROR_MESSAGES: MessageTable<SettleServiceErrorCode> = {
  PERSON_NOT_FOUND: {
    zh: '本机备案库中没有此人，请联网读取人员信息或核对证件号。',
    en: 'This person is not in the local filing database; read the person online or check the ID number.',
  },
  NO_POLICY: {
    zh: '本机没有参保地在结算日有效的待遇政策，请联网同步后再结算。',
    en: 'No policy of the insured place in force on the settle date is stored here; sync, then settle.',
  },
  NO_INSUTYPE: {
    zh: '人员信息缺少险种（职工 310 / 居民 390），无法选择参保地政策。',
    en: 'The person has no insurance type (employee 310 / resident 390), so no policy can be chosen.',
  },
  INVALID_BILL: { zh: '账单数据有误，未结算。', en: 'The bill is invalid; nothing was settled.' },
  NOT_SETTLED: {
    zh: '本次结算未通过直接结算审核（见原因），不能作为直接结算提交；请按全自费收费并告知回参保地报销。',
    en: 'This bill cannot be settled directly (see the reasons); charge it in full and refer the patient to the insured place.',
  },
  STALE_PREVIEW: {
    zh: '预结算后此人的累计数据已变化，请重新预结算。',
    en: "The person's year-to-date figures changed after the preview; preview again.",
  },
  ALREADY_SETTLED: { zh: '此就诊已结算，不能重复结算。', en: 'This encounter is already settled.' },
  ENCOUNTER_REQUIRED: {
    zh: '请填写医院的就诊号（住院号或门诊号，1–64 个字符，不含控制字符），未结算。',
    en: "Enter the hospital's encounter number (admission or visit number, 1–64 characters, no control characters); nothing was settled.",
  },
  JOURNAL_UNWRITABLE: {
    zh: '结算日志无法写入（磁盘已满或日志不可用），为防止丢失，本笔未结算；请通知信息科。',
    en: 'The settlement journal cannot be written (disk full or journal unavailable); nothing was settled so nothing can be lost. Call the IT office.',
  },
  STAY_PART_OUT_OF_ORDER: {
    zh: '中途结算段号须接续本机已结算的本次住院各段（同一住院号）：第1段先结，其后依次为第2、3…段。',
    en: 'A mid-stay part must follow the parts of this stay settled here (same encounter number): part 1 first, then 2, 3 …',
  },
  NOT_OPEN_TASK: {
    zh: '此结算不是待处理事项（已处理过，或并无差异 / 拒绝）。',
    en: 'This settlement is not an open task (already resolved, or never a discrepancy or rejection).',
  },
  SETTLEMENT_NOT_FOUND: { zh: '本机没有这笔结算。', en: 'There is no such settlement on this station.' },
  ALREADY_CANCELLED: { zh: '这笔结算已撤销，不能再次撤销。', en: 'This settlement is already cancelled.' },
  CANCEL_FORBIDDEN: {
    zh: '当前操作员无权撤销结算。',
    en: 'The operator signed in may not cancel settlements.',
  },
  APPROVAL_REQUIRED: {
    zh: '撤销他人或非当日的结算，须主管以自己的 PIN 审批。',
    en: "Cancelling another operator's or an earlier day's settlement needs a supervisor's approval with their PIN.",
  },
  NOT_LATEST_PART: {
    zh: '同一次住院须从最后一段中途结算起逐段撤销。',
    en: 'A stay is cancelled from its last mid-stay part backwards.',
  },
  REASON_REQUIRED: {
    zh: '请选择撤销原因并写明说明（1–200 个字符，不含控制字符），未撤销。',
    en: 'Choose a reason and say why (1–200 characters, no control characters); nothing was cancelled.',
  },
};

export class SettleServiceError extends codedError('SettleServiceError', SETTLE_SERVICE_ERROR_MESSAGES) {}
