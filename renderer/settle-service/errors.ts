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
  | 'JOURNAL_WITHDRAW_FAILED'
  | 'STAY_PART_OUT_OF_ORDER'
  | 'NOT_OPEN_TASK'
  | 'SETTLEMENT_NOT_FOUND'
  | 'ALREADY_CANCELLED'
  | 'CANCEL_FORBIDDEN'
  | 'APPROVAL_REQUIRED'
  | 'NOT_LATEST_PART'
  | 'REASON_REQUIRED'
  | 'DATA_INCOMPLETE'
  | 'CATALOG_INCOMPLETE'
  | 'NOTHING_TO_HAND_OVER'
  | 'CLOCK_BEHIND'
  | 'HANDOVER_NOT_FOUND'
  | 'HANDOVER_NOT_WITHDRAWABLE'
  | 'HANDOVER_CONFIRMED'
  | 'OWN_APPROVAL'
  | 'INVALID_CASH'
  | 'SETTLED_OTHERWISE';

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
  JOURNAL_WITHDRAW_FAILED: {
    zh: '本笔未结算，但结算日志未能撤回该笔记录：请勿重复收费，并立即通知信息科人工核对该笔。',
    en: 'Nothing was settled, but the settlement journal could not take the line back: do not charge again, and call the IT office now to check this settlement by hand.',
  },
  STAY_PART_OUT_OF_ORDER: {
    zh: '中途结算段号须接续本机已结算的本次住院各段（同一住院号）：第1段先结，其后依次为第2、3…段。',
    en: 'A mid-stay part must follow the parts of this stay settled here (same encounter number): part 1 first, then 2, 3 …',
  },
  DATA_INCOMPLETE: {
    zh: '本机首次数据同步尚未完成（备案、政策或累计数据还在下载），暂不能判断和结算，请稍候（状态栏显示进度）。',
    en: "This station's first data sync has not finished (filings, policies or year-to-date figures are still downloading), so it cannot judge or settle yet; wait a moment (the status bar shows the progress).",
  },
  CATALOG_INCOMPLETE: {
    zh: '目录尚未下载完成，以下项目本机还没有，且无法向平台查询；为免误判为目录外项目，暂不预结算。请稍候或联网后再试。',
    en: 'The catalog has not finished downloading; the items below are not here yet and the platform could not be asked, so the bill is not computed rather than class them off-catalog. Try again shortly or once online.',
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
  NOTHING_TO_HAND_OVER: {
    zh: '此操作员自上次交班以来没有任何结算、撤销或差额处理，无需交班。',
    en: 'This operator has settled, cancelled or corrected nothing since the last handover; there is nothing to hand over.',
  },
  CLOCK_BEHIND: {
    zh: '上次交班的结束时间晚于本机当前时间（时钟被回拨？），交班不能结束在将来；请核对系统时间。',
    en: "The last handover ends after this station's current time (was the clock set back?); a handover cannot end in the future. Check the system time.",
  },
  HANDOVER_NOT_FOUND: { zh: '本机没有这次交班记录。', en: 'There is no such handover on this station.' },
  HANDOVER_NOT_WITHDRAWABLE: {
    zh: '只能撤回本操作员最近一次、尚未经主管确认的交班。',
    en: "Only the operator's latest handover, not yet confirmed by a supervisor, can be withdrawn.",
  },
  HANDOVER_CONFIRMED: {
    zh: '这次交班已经主管确认，不能再更改、确认或撤回。',
    en: 'This handover is confirmed by a supervisor; it cannot be changed, confirmed again or withdrawn.',
  },
  OWN_APPROVAL: {
    zh: '须由另一位主管以自己的工号和 PIN 审批，不能审批自己的操作。',
    en: 'Another supervisor must approve with their own id and PIN; nobody approves their own work.',
  },
  SETTLED_OTHERWISE: {
    zh: '这笔被拒绝的结算已在柜台处理（转全自费或退款后重新结算），不能再撤销，以免重复退款。',
    en: 'This rejected settlement was already dealt with at the counter (self-pay, or refunded to settle again); it cannot be cancelled, so nothing is refunded twice.',
  },
  INVALID_CASH: {
    zh: '请输入实点现金金额（非负，最多两位小数，如 1234.50）。',
    en: 'Enter the counted cash (not negative, at most two decimals, e.g. 1234.50).',
  },
};

export class SettleServiceError extends codedError('SettleServiceError', SETTLE_SERVICE_ERROR_MESSAGES) {}
