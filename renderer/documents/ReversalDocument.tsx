// The reversal receipt (红冲凭证): the original settlement it reverses, who cancelled it and why, who
// approved, every amount negated, the funds' shares by fund, and — in bold — what the patient gets
// back in cash and to their personal account. It follows the platform's side (2305 waiting, done
// with its reversal id, refused). Same page and parts as the settlement receipt (ReceiptDocument).
import { SETLINFO_FIELDS } from '../../shared/settlement';
import { isChinese, messagesFor } from '../i18n';
import { reversalFigures, type FundLabel } from '../settle-service';
import { formatChinaTime, fundLabel } from '../ui';
import { AmountTable, PatientLine, ReceiptHeading, type ReceiptProps } from './ReceiptDocument';
import { fill } from './render-document';

/** A fund's short name (统筹基金, 大额医疗 … ui's fundLabel) or, for a result without fund types,
 * its setlinfo label. */
function fundName(label: FundLabel, lang: string): string {
  if (!('fund_pay_type' in label)) return messagesFor(lang).setlinfo[label.field];
  const name = fundLabel(label.fund_pay_type);
  return isChinese(lang) ? name.zh : name.en;
}

export function ReversalDocument({ row, institution, lang, reprint }: ReceiptProps) {
  const c = row.cancel;
  if (!c) throw new Error(`settlement ${row.local_setl_id} is not cancelled`);
  const m = messagesFor(lang);
  const r = m.receipt;
  const v = m.reversal;
  const f = reversalFigures(row);
  const platform =
    c.platform === 'cancelled'
      ? fill(v.platform.cancelled, { id: c.reversal?.setl_id ?? '' })
      : v.platform[c.platform];
  const approved = c.approved_by ? ` · ${v.approvedBy}: ${c.approved_by.name} ${c.approved_by.id}` : '';
  const funds = f.funds.map((x) => ({ label: fundName(x.label, lang), amount: x.amount }));
  return (
    <main data-testid="reversal-document">
      <ReceiptHeading m={m} institution={institution} heading={v.heading} reprint={reprint} />
      <div className="note">{platform}</div>
      <PatientLine m={m} row={row} />
      <div>
        {`${v.original}: ${row.local_setl_id}${row.setl_id ? ` / ${row.setl_id}` : ''} · ${r.settledAt}: ${formatChinaTime(row.settled_at)} · ${r.opter}: ${row.opter}`}
      </div>
      <div>{`${v.cancelledAt}: ${formatChinaTime(c.cancelled_at)} · ${v.cancelledBy}: ${c.opter}${approved}`}</div>
      <div>{`${v.reason}: ${m.cancelReason[c.reason_code]} · ${c.reason_text}`}</div>
      {f.basis === 'platform' && <div>{v.basisPlatform}</div>}
      <h2>{v.refund}</h2>
      <AmountTable
        rows={[
          { label: v.refundCash, amount: f.refund.cash, strong: true },
          { label: v.refundAccount, amount: f.refund.account },
          { label: v.refundTotal, amount: f.refund.total, strong: true },
        ]}
      />
      <h2>{v.funds}</h2>
      <AmountTable rows={funds.length > 0 ? funds : [{ label: m.review.noFund, amount: '0.00' }]} />
      <h2>{v.amounts}</h2>
      <AmountTable rows={SETLINFO_FIELDS.map((k) => ({ label: m.setlinfo[k], amount: f.setlinfo[k] }))} />
    </main>
  );
}
