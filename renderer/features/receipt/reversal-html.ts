// The reversal receipt (红冲凭证): the original settlement it reverses, who cancelled it and why, who
// approved, every amount negated, the funds' shares by fund, and — in bold — what the patient gets
// back in cash and to their personal account. It follows the platform's side (2305 waiting, done
// with its reversal id, refused). Same page and labels as the settlement receipt (receipt-html.ts).
import { SETLINFO_FIELDS } from '../../../shared/settlement';
import type { SettlementRow } from '../../db';
import { isChinese, messagesFor } from '../../i18n';
import type { FundLabel } from '../../settle-service';
import { reversalFigures } from '../../settle-service';
import { formatChinaTime, fundLabel, maskCertno } from '../../ui';
import { esc, receiptDocument, type Reprint } from './receipt-html';

/** A fund's short name (统筹基金, 大额医疗 … ui's fundLabel) or, for a result without fund types,
 * its setlinfo label. */
function fundName(label: FundLabel, lang: string): string {
  if (!('fund_pay_type' in label)) return messagesFor(lang).setlinfo[label.field];
  const name = fundLabel(label.fund_pay_type);
  return isChinese(lang) ? name.zh : name.en;
}

export function reversalHtml(
  row: SettlementRow,
  opts: { institution: string; lang: string; reprint?: Reprint },
): string {
  const c = row.cancel;
  if (!c) throw new Error(`settlement ${row.local_setl_id} is not cancelled`);
  const zh = isChinese(opts.lang);
  const m = messagesFor(opts.lang);
  const r = m.receipt;
  const v = m.reversal;
  const f = reversalFigures(row);
  const amounts = SETLINFO_FIELDS.map(
    (k) => `<tr><th>${esc(m.setlinfo[k])}</th><td>${esc(f.setlinfo[k])}</td></tr>`,
  ).join('');
  const funds =
    f.funds
      .map((x) => `<tr><th>${esc(fundName(x.label, opts.lang))}</th><td>${esc(x.amount)}</td></tr>`)
      .join('') || `<tr><th>${esc(m.review.noFund)}</th><td>0.00</td></tr>`;
  const platform =
    c.platform === 'cancelled'
      ? v.platform.cancelled.replace('{{id}}', c.reversal?.setl_id ?? '')
      : v.platform[c.platform];
  const approved = c.approved_by
    ? ` · ${esc(v.approvedBy)}: ${esc(c.approved_by.name)} ${esc(c.approved_by.id)}`
    : '';
  return receiptDocument(
    `${row.local_setl_id}-R`,
    zh,
    `<h1>${esc(opts.institution)} · ${esc(v.heading)}</h1>
${opts.reprint ? `<div class="status reprint">${esc(r.reprint)} · ${esc(r.reprintedAt)} ${esc(formatChinaTime(opts.reprint.at))} · ${esc(r.reprintedBy)} ${esc(opts.reprint.opter)}</div>` : ''}
<div class="status">${esc(platform)}</div>
<div>${esc(r.patient)}: ${esc(row.psn_name)} ${esc(maskCertno(row.certno))} · ${esc(r.encounter)}: ${esc(row.encounter_no)}</div>
<div>${esc(v.original)}: ${esc(row.local_setl_id)}${row.setl_id ? ` / ${esc(row.setl_id)}` : ''} · ${esc(r.settledAt)}: ${esc(formatChinaTime(row.settled_at))} · ${esc(r.opter)}: ${esc(row.opter)}</div>
<div>${esc(v.cancelledAt)}: ${esc(formatChinaTime(c.cancelled_at))} · ${esc(v.cancelledBy)}: ${esc(c.opter)}${approved}</div>
<div>${esc(v.reason)}: ${esc(m.cancelReason[c.reason_code])} · ${esc(c.reason_text)}</div>
${f.basis === 'platform' ? `<div>${esc(v.basisPlatform)}</div>` : ''}
<h2 style="font-size:13px">${esc(v.refund)}</h2>
<table><tr class="cash"><th>${esc(v.refundCash)}</th><td>${esc(f.refund.cash)}</td></tr><tr><th>${esc(v.refundAccount)}</th><td>${esc(f.refund.account)}</td></tr><tr class="cash"><th>${esc(v.refundTotal)}</th><td>${esc(f.refund.total)}</td></tr></table>
<h2 style="font-size:13px">${esc(v.funds)}</h2><table>${funds}</table>
<h2 style="font-size:13px">${esc(v.amounts)}</h2><table>${amounts}</table>`,
  );
}
