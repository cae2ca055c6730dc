// zh-CN first, English second. Every string a cashier sees is here; domain messages that come with
// their own zh/en pair (refusals, trace, card warnings) are shown in the current language directly.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

const zh = {
  app: { title: '跨省直接结算收费站', cashier: '收费员', lang: 'English', counter: '收费 F1', queue: '上传队列 F6', mode_browser: '浏览器模式', mode_electron: '桌面模式' },
  sync: {
    online: '在线', offline: '离线', unknown: '连接中', queued: '待上传 {{n}} 笔', oldest: '最早 {{age}}', lastPull: '数据更新于 {{at}}', never: '尚未下载',
    force: '立即同步 F9', running: '同步中…', tasks: '待处理 {{n}} 项', offlineNote: '网络不通：结算照常进行，恢复后自动上传',
  },
  card: {
    title: '1. 读卡', read: '请刷社保卡或扫码', typeId: '或输入身份证号（F2）', lookup: '查询', source: '读卡设备：{{label}}', tray: '演示卡槽',
    insert: '插入', remove: '取出', inserted: '已插入', damaged: '损坏', invalidId: '身份证号无效：{{msg}}', partial: '部分读取', clear: '换人 Esc',
  },
  person: {
    title: '参保人', name: '姓名', insured: '参保地', filing: '备案', filingNone: '本地无备案记录', valid: '有效期', open: '长期', designated: '指定机构', any: '不限',
    canSettle: '可以在本机构直接结算', cannotSettle: '不能直接结算', why: '原因', scheme: '险种', setlType: '结算类型', lookupOnline: '联网查询参保信息…',
    notFound: '未找到该人员：本地无备案，且联网查询失败（{{msg}}）', reduction: '临时外出就医，支付比例降低 {{pct}} 个百分点', category: { in_service: '在职', retired: '退休', resident: '居民' },
  },
  scheme: { medical: '基本医疗保险', work_injury: '工伤保险' },
  filingKind: { long_term: '跨省长期', temporary: '跨省临时外出' },
  filingType: { resettled_retiree: '异地安置退休', long_term_resident: '异地长期居住', posted_worker: '常驻异地工作', referral: '转诊转院', emergency: '急诊抢救', other_temporary: '其他临时外出' },
  setlType: { inpatient: '住院', outpatient: '普通门诊', chronic_outpatient: '门诊慢特病', rehab: '工伤康复', device: '辅助器具配置' },
  bill: {
    title: '2. 账单', demo: '演示账单', import: '导入账单文件（CSV / JSON）', lines: '{{n}} 行，合计 {{sum}} 元', clear: '清空', admission: '入院日期', disease: '病种编码',
    code: '编码', name: '名称', cnt: '数量', pric: '单价', amount: '金额', errors: '账单有 {{n}} 处错误，未导入：', emergency: '急诊抢救', trauma: '外伤', commitment: '已签外伤承诺书', acct: '使用个人账户',
    noDemo: '此人在本机构没有演示账单', review: '计算分割 F4',
  },
  review: {
    title: '3. 结算预览', cash: '个人现金支付', fund: '基金支付', total: '费用总额', settle: '确认结算 F8', back: '返回修改 Esc', trace: '计算依据（可向患者宣读）',
    items: '明细', basis: '依据', refused: '不能直接结算：患者全额自付 {{amount}} 元，可回参保地手工报销', staleRetry: '此人累计数据已变，请重新计算',
  },
  setlinfo: {
    medfee_sumamt: '医疗费总额', fulamt_ownpay_amt: '全自费', overlmt_selfpay: '超限价自付', preselfpay_amt: '先行自付', inscp_scp_amt: '政策范围内费用',
    act_pay_dedc: '起付线', hifp_pay: '统筹基金支付', hifob_pay: '大额/大病保险支付', fund_pay_sumamt: '基金支付合计', psn_part_amt: '个人负担', acct_pay: '个人账户支付', psn_cash_pay: '个人现金支付',
  },
  receipt: {
    title: '结算单', print: '打印 F7', next: '下一位 Enter', pending: '待平台确认', confirmed: '平台已确认', discrepancy: '平台核算有差异', rejected: '平台拒绝', cancelled: '已撤销',
    setlId: '平台结算号', localId: '本地结算号', settledAt: '结算时间', opter: '收费员', institution: '机构', patient: '患者', pendingNote: '离线结算：平台确认前本单为暂收凭据',
  },
  queue: { title: '上传队列与待办', empty: '没有结算记录', status: '状态', tasks: '待处理（差异 / 拒绝）', resolve: '已处理', differences: '差异', reasons: '原因', resolution: '处理说明' },
  db: { upgradeBlocked: '另一窗口仍在使用旧版数据库，请关闭其他收费窗口', closedForUpgrade: '数据库正在升级，请刷新本页', notPersistent: '浏览器未授予持久存储：请勿清除浏览数据', quota: '磁盘空间不足，未写入：{{msg}}' },
  fatal: { title: '收费站无法启动', hint: '请检查本机服务是否运行（npm start），然后刷新页面。' },
};

const en: typeof zh = {
  app: { title: 'Direct settlement station', cashier: 'Cashier', lang: '中文', counter: 'Counter F1', queue: 'Upload queue F6', mode_browser: 'browser mode', mode_electron: 'desktop' },
  sync: {
    online: 'Online', offline: 'Offline', unknown: 'Connecting', queued: '{{n}} to upload', oldest: 'oldest {{age}}', lastPull: 'data of {{at}}', never: 'not downloaded yet',
    force: 'Sync now F9', running: 'Syncing…', tasks: '{{n}} tasks', offlineNote: 'No network: settling goes on, uploads resume by themselves',
  },
  card: {
    title: '1. Card', read: 'Insert the social security card or scan a code', typeId: 'or type the ID number (F2)', lookup: 'Look up', source: 'Read by: {{label}}', tray: 'Demo card tray',
    insert: 'Insert', remove: 'Remove', inserted: 'inserted', damaged: 'damaged', invalidId: 'Invalid ID number: {{msg}}', partial: 'partial read', clear: 'Next person Esc',
  },
  person: {
    title: 'Insured person', name: 'Name', insured: 'Insured place', filing: 'Filing', filingNone: 'no filing cached', valid: 'Valid', open: 'open-ended', designated: 'Designated', any: 'any',
    canSettle: 'Can be settled directly here', cannotSettle: 'Cannot be settled directly', why: 'Why', scheme: 'Insurance', setlType: 'Settlement type', lookupOnline: 'Looking up online…',
    notFound: 'Person not found: no filing cached and the online lookup failed ({{msg}})', reduction: 'Temporary treatment: ratios lowered by {{pct}} points', category: { in_service: 'employed', retired: 'retired', resident: 'resident' },
  },
  scheme: { medical: 'Basic medical insurance', work_injury: 'Work-injury insurance' },
  filingKind: { long_term: 'long-term', temporary: 'temporary' },
  filingType: { resettled_retiree: 'resettled retiree', long_term_resident: 'long-term resident', posted_worker: 'posted worker', referral: 'referral', emergency: 'emergency', other_temporary: 'other temporary' },
  setlType: { inpatient: 'Inpatient', outpatient: 'Outpatient', chronic_outpatient: 'Chronic outpatient', rehab: 'Rehabilitation', device: 'Assistive device' },
  bill: {
    title: '2. Bill', demo: 'Demo bills', import: 'Import a bill file (CSV / JSON)', lines: '{{n}} lines, total {{sum}} yuan', clear: 'Clear', admission: 'Admission date', disease: 'Disease code',
    code: 'Code', name: 'Name', cnt: 'Qty', pric: 'Price', amount: 'Amount', errors: 'The bill has {{n}} errors and was not loaded:', emergency: 'Emergency', trauma: 'Trauma', commitment: 'Commitment letter signed', acct: 'Use personal account',
    noDemo: 'No demo bill for this person here', review: 'Compute split F4',
  },
  review: {
    title: '3. Review', cash: 'Cash to pay', fund: 'Funds pay', total: 'Total', settle: 'Settle F8', back: 'Back Esc', trace: 'How it was computed (read aloud)',
    items: 'Lines', basis: 'Basis', refused: 'Not settled directly: the patient pays the full {{amount}} yuan and claims at the insured place', staleRetry: 'The person’s year-to-date figures changed: compute again',
  },
  setlinfo: {
    medfee_sumamt: 'Total', fulamt_ownpay_amt: 'Full self-pay', overlmt_selfpay: 'Over price ceiling', preselfpay_amt: 'Pre-self-pay', inscp_scp_amt: 'In-policy amount',
    act_pay_dedc: 'Deductible', hifp_pay: 'Pooled fund', hifob_pay: 'Large-amount layer', fund_pay_sumamt: 'Funds in all', psn_part_amt: 'Person’s share', acct_pay: 'Personal account', psn_cash_pay: 'Cash',
  },
  receipt: {
    title: 'Receipt', print: 'Print F7', next: 'Next Enter', pending: 'Pending confirmation', confirmed: 'Confirmed by the platform', discrepancy: 'Platform figures differ', rejected: 'Rejected by the platform', cancelled: 'Cancelled',
    setlId: 'Platform settlement id', localId: 'Local settlement id', settledAt: 'Settled at', opter: 'Cashier', institution: 'Institution', patient: 'Patient', pendingNote: 'Settled offline: a provisional receipt until the platform confirms',
  },
  queue: { title: 'Upload queue and tasks', empty: 'No settlements yet', status: 'Status', tasks: 'Tasks (discrepancies / rejections)', resolve: 'Resolved', differences: 'Differences', reasons: 'Reasons', resolution: 'What was done' },
  db: { upgradeBlocked: 'Another window keeps the old database open: close other station windows', closedForUpgrade: 'The database is being upgraded: reload this page', notPersistent: 'Persistent storage was not granted: do not clear browsing data', quota: 'Disk full, nothing written: {{msg}}' },
  fatal: { title: 'The station cannot start', hint: 'Check that the station service runs (npm start), then reload.' },
};

export function initI18n(lng: 'zh-CN' | 'en'): void {
  void i18next.use(initReactI18next).init({
    lng,
    fallbackLng: 'zh-CN',
    resources: { 'zh-CN': { translation: zh }, en: { translation: en } },
    interpolation: { escapeValue: false },
  });
}

export function setLanguage(lng: 'zh-CN' | 'en'): void {
  localStorage.setItem('station.lang', lng === 'en' ? 'en' : 'zh');
  void i18next.changeLanguage(lng);
  document.documentElement.lang = lng;
}

/** Picks the zh or en half of a bilingual domain message. */
export const pick = (lang: string, zhText: string, enText: string): string => (lang.startsWith('zh') ? zhText : enText);
