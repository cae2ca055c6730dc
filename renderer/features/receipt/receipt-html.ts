// The printable receipt as a self-contained HTML document (no scripts, inline styles): the same text
// goes to the screen preview, the system print dialog and the PDF. Its labels are the screens' own
// (i18n/zh.ts, en.ts: setlinfo.*, receipt.*), so a screen and its receipt never name a figure differently.
import { SETLINFO_FIELDS } from '../../../shared/settlement';
import type { SettlementRow } from '../../db';
import { isChinese, messagesFor } from '../../i18n';
import { formatChinaTime, maskCertno } from '../../ui';

export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A reprint (补打) says so at the top, with when and by whom it was printed again. */
export interface Reprint {
  at: string;
  opter: string;
}

export function receiptHtml(
  row: SettlementRow,
  opts: { institution: string; lang: string; reprint?: Reprint },
): string {
  const zh = isChinese(opts.lang);
  const m = messagesFor(opts.lang);
  const r = m.receipt;
  const s = row.result.setlinfo;
  const rows = SETLINFO_FIELDS.map(
    (f) =>
      `<tr${f === 'psn_cash_pay' ? ' class="cash"' : ''}><th>${esc(m.setlinfo[f])}</th><td>${esc(s[f])}</td></tr>`,
  ).join('');
  const trace = row.result.trace.map((e) => `<li>${esc(zh ? e.zh : e.en)}</li>`).join('');
  return receiptDocument(
    row.local_setl_id,
    zh,
    `<h1>${esc(opts.institution)} · ${esc(r.heading)}</h1>
${opts.reprint ? `<div class="status reprint">${esc(r.reprint)} · ${esc(r.reprintedAt)} ${esc(formatChinaTime(opts.reprint.at))} · ${esc(r.reprintedBy)} ${esc(opts.reprint.opter)}</div>` : ''}
<div class="status">${esc(r.note[row.status])}${row.setl_id ? ` · ${esc(r.setlId)} ${esc(row.setl_id)}` : ''}</div>
${row.presettle?.outcome === 'offline' ? `<div class="status offline" data-offline="true">${esc(r.offline)}</div>` : ''}
<div>${esc(r.patient)}: ${esc(row.psn_name)} ${esc(maskCertno(row.certno))} · ${esc(r.encounter)}: ${esc(row.encounter_no)}</div>
<div>${esc(r.localId)}: ${esc(row.local_setl_id)} · ${esc(r.settledAt)}: ${esc(formatChinaTime(row.settled_at))} · ${esc(r.opter)}: ${esc(row.opter)}</div>
<table>${rows}</table>
<h2 style="font-size:13px">${esc(r.howComputed)}</h2><ol>${trace}</ol>`,
  );
}

/** The page around a receipt's body: self-contained, no script, the paper's CSS. */
export function receiptDocument(title: string, zh: boolean, body: string): string {
  return `<!doctype html><html lang="${zh ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{font-family:"Noto Sans CJK SC","Noto Sans SC",sans-serif;font-size:12px;margin:12px;color:#111}h1{font-size:16px;margin:0 0 6px}
table{border-collapse:collapse;width:100%}th{text-align:left;font-weight:normal;padding:2px 4px}td{text-align:right;padding:2px 4px;font-variant-numeric:tabular-nums}
.cash td,.cash th{font-weight:bold;font-size:14px;border-top:1px solid #000}.status{border:1px solid #000;padding:4px;margin:6px 0;font-weight:bold}ol{padding-left:18px}</style></head>
<body>${body}</body></html>`;
}
