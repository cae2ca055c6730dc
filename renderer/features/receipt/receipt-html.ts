// The printable receipt as a self-contained HTML document (no scripts, inline styles): the same text
// goes to the screen preview, the system print dialog and the PDF.
import { SETLINFO_FIELDS, type SetlinfoField } from '../../../shared/settlement';
import type { SettlementRow } from '../../db';
import { formatChinaTime } from '../sync/format-time';

const LABELS: Record<SetlinfoField, [string, string]> = {
  medfee_sumamt: ['医疗费总额', 'Total'],
  fulamt_ownpay_amt: ['全自费', 'Full self-pay'],
  overlmt_selfpay: ['超限价自付', 'Over price ceiling'],
  preselfpay_amt: ['先行自付', 'Pre-self-pay'],
  inscp_scp_amt: ['政策范围内费用', 'In-policy amount'],
  act_pay_dedc: ['起付线', 'Deductible'],
  hifp_pay: ['统筹基金支付', 'Pooled fund'],
  hifob_pay: ['大额医疗支付', 'Large-amount medical subsidy'],
  hifmi_pay: ['大病保险支付', 'Serious-illness insurance'],
  maf_pay: ['医疗救助支付', 'Medical assistance'],
  fund_pay_sumamt: ['基金支付合计', 'Funds in all'],
  psn_part_amt: ['个人负担', 'Person’s share'],
  acct_pay: ['个人账户支付', 'Personal account'],
  psn_cash_pay: ['个人现金支付', 'Cash'],
};

const STATUS: Record<SettlementRow['status'], [string, string]> = {
  pending: ['待平台确认（离线结算暂收凭据）', 'Pending platform confirmation (provisional receipt)'],
  confirmed: ['平台已确认', 'Confirmed by the platform'],
  discrepancy: ['平台核算有差异，请到窗口处理', 'The platform’s figures differ: see the counter'],
  rejected: ['平台拒绝，请到窗口处理', 'Rejected by the platform: see the counter'],
  cancelled: ['已撤销', 'Cancelled'],
};

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function receiptHtml(row: SettlementRow, opts: { institution: string; lang: string }): string {
  const en = !opts.lang.startsWith('zh');
  const l = (pair: [string, string]) => esc(en ? pair[1] : pair[0]);
  const s = row.result.setlinfo;
  const certno = `${row.certno.slice(0, 6)}********${row.certno.slice(14)}`;
  const rows = SETLINFO_FIELDS.map((f) => `<tr><th>${l(LABELS[f])}</th><td>${esc(s[f])}</td></tr>`).join('');
  const trace = row.result.trace.map((e) => `<li>${esc(en ? e.en : e.zh)}</li>`).join('');
  return `<!doctype html><html lang="${en ? 'en' : 'zh-CN'}"><head><meta charset="utf-8"><title>${esc(row.local_setl_id)}</title>
<style>body{font-family:"Noto Sans CJK SC","Noto Sans SC",sans-serif;font-size:12px;margin:12px;color:#111}h1{font-size:16px;margin:0 0 6px}
table{border-collapse:collapse;width:100%}th{text-align:left;font-weight:normal;padding:2px 4px}td{text-align:right;padding:2px 4px;font-variant-numeric:tabular-nums}
.cash td,.cash th{font-weight:bold;font-size:14px;border-top:1px solid #000}.status{border:1px solid #000;padding:4px;margin:6px 0;font-weight:bold}ol{padding-left:18px}</style></head>
<body><h1>${esc(opts.institution)} · ${l(['跨省直接结算单', 'Cross-province direct settlement'])}</h1>
<div class="status">${l(STATUS[row.status])}${row.setl_id ? ` · ${l(['平台结算号', 'Platform id'])} ${esc(row.setl_id)}` : ''}</div>
<div>${l(['患者', 'Patient'])}: ${esc(row.psn_name)} ${esc(certno)}</div>
<div>${l(['本地结算号', 'Local id'])}: ${esc(row.local_setl_id)} · ${l(['结算时间', 'Settled at'])}: ${esc(formatChinaTime(row.settled_at))} · ${l(['收费员', 'Cashier'])}: ${esc(row.opter)}</div>
<table>${rows.replace(`<tr><th>${l(LABELS.psn_cash_pay)}`, `<tr class="cash"><th>${l(LABELS.psn_cash_pay)}`)}</table>
<h2 style="font-size:13px">${l(['计算依据', 'How it was computed'])}</h2><ol>${trace}</ol></body></html>`;
}
