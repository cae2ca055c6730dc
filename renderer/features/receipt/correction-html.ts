// The two papers of a task settled at the counter (settle-service/correction.ts), on the receipt's
// page (receipt-html.ts) with the screens' labels:
// - the correction receipt (结算更正凭证): the original settlement, the station's and the platform's
//   figures side by side for a discrepancy, and in bold the cash collected or refunded now;
// - the self-pay note (全自费结算说明) the patient takes to the insured place: why the direct
//   settlement was refused, the whole bill paid in cash, who approved, where to sign.
import { FUND_PAY_TYPES, type FundPayType, type SetlinfoField } from '../../../shared/settlement';
import { Decimal, formatAmount } from '../../../shared/money';
import type { SettlementRow } from '../../db';
import { isChinese, messagesFor } from '../../i18n';
import { sideBySide } from '../../settle-service';
import { formatChinaTime, fundLabel, maskCertno } from '../../ui';
import { esc, receiptDocument } from './receipt-html';

/** A fund's name from its key: a fund type (setldetail), or a setlinfo field for results without. */
export function fundKeyName(key: string, lang: string): string {
  if (key in FUND_PAY_TYPES) {
    const name = fundLabel(key as FundPayType);
    return isChinese(lang) ? name.zh : name.en;
  }
  return messagesFor(lang).setlinfo[key as SetlinfoField] ?? key;
}

function header(row: SettlementRow, lang: string, institution: string, heading: string): string {
  const m = messagesFor(lang);
  const r = m.receipt;
  const c = row.correction!;
  return `<h1>${esc(institution)} · ${esc(heading)}</h1>
<div>${esc(r.patient)}: ${esc(row.psn_name)} ${esc(maskCertno(row.certno))} · ${esc(r.encounter)}: ${esc(row.encounter_no)}</div>
<div>${esc(m.correctionDoc.original)}: ${esc(row.local_setl_id)}${row.setl_id ? ` / ${esc(row.setl_id)}` : ''} · ${esc(r.settledAt)}: ${esc(formatChinaTime(row.settled_at))} · ${esc(r.opter)}: ${esc(row.opter)}</div>
<div>${esc(m.correctionDoc.correctedAt)}: ${esc(formatChinaTime(c.at))} · ${esc(m.correctionDoc.correctedBy)}: ${esc(c.opter)}</div>`;
}

export function correctionHtml(row: SettlementRow, opts: { institution: string; lang: string }): string {
  const c = row.correction;
  if (!c) throw new Error(`settlement ${row.local_setl_id} has no correction`);
  if (c.kind === 'self_pay') return selfPayNoteHtml(row, opts);
  const m = messagesFor(opts.lang);
  const d = m.correctionDoc;
  const cash = new Decimal(c.cash);
  const money = `<table><tr class="cash"><th>${esc(cash.isNegative() ? d.refunded : d.collected)}</th><td>${esc(formatAmount(cash.abs()))}</td></tr></table>`;
  let compare = '';
  if (c.kind === 'discrepancy') {
    const side = sideBySide({ ...row, status: 'discrepancy' });
    const f = m.fix;
    const head = `<tr><th>${esc(f.field)}</th><td>${esc(f.station)}</td><td>${esc(f.platform)}</td><td>${esc(f.difference)}</td></tr>`;
    const line = (name: string, x: { station: string; platform: string; difference: string }) =>
      `<tr><th>${esc(name)}</th><td>${esc(x.station)}</td><td>${esc(x.platform)}</td><td>${esc(x.difference)}</td></tr>`;
    compare = `<h2 style="font-size:13px">${esc(f.sideBySide)}</h2><table>${head}${side.fields.map((x) => line(m.setlinfo[x.field], x)).join('')}</table>
<h2 style="font-size:13px">${esc(f.funds)}</h2><table>${head}${side.funds.map((x) => line(fundKeyName(x.key, opts.lang), x)).join('')}</table>`;
  }
  return receiptDocument(
    `${row.local_setl_id}-C`,
    isChinese(opts.lang),
    `${header(row, opts.lang, opts.institution, d.heading)}
<div class="status">${esc(d.kind[c.kind])}</div>
${money}${compare}`,
  );
}

export function selfPayNoteHtml(row: SettlementRow, opts: { institution: string; lang: string }): string {
  const c = row.correction!;
  const m = messagesFor(opts.lang);
  const n = m.selfPayNote;
  const zh = isChinese(opts.lang);
  const s = row.result.setlinfo;
  const reasons = row.reasons
    .map((r) => `<li>${esc(r.code)} · ${esc(zh || !r.message_en ? r.message : r.message_en)}</li>`)
    .join('');
  const approved = c.approved_by
    ? `<div>${esc(n.approvedBy)}: ${esc(c.approved_by.name)} ${esc(c.approved_by.id)} · ${esc(formatChinaTime(c.approved_by.at))}</div>`
    : '';
  return receiptDocument(
    `${row.local_setl_id}-SELF`,
    zh,
    `${header(row, opts.lang, opts.institution, n.heading)}
<div>${esc(n.insuredPlace)}: ${esc(row.request.person.insuplc_admdvs)}</div>
<div class="status">${esc(n.body)}</div>
<h2 style="font-size:13px">${esc(n.reasons)}</h2><ol>${reasons}</ol>
<table><tr class="cash"><th>${esc(n.total)}</th><td>${esc(s.medfee_sumamt)}</td></tr>
<tr><th>${esc(n.paidBefore)}</th><td>${esc(s.psn_cash_pay)}</td></tr>
<tr><th>${esc(n.paidNow)}</th><td>${esc(c.cash)}</td></tr></table>
${approved}
<p style="margin-top:24px">${esc(n.signPatient)}: ____________ &emsp; ${esc(n.signCounter)}: ____________</p>`,
  );
}
