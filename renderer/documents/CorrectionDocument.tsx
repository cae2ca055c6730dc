// The two papers of a task settled at the counter (settle-service/correction.ts), on the receipt's
// page and parts (ReceiptDocument) with the screens' labels:
// - the correction receipt (结算更正凭证): the original settlement, the station's and the platform's
//   figures side by side for a discrepancy, and in bold the cash collected or refunded now;
// - the self-pay note (全自费结算说明) the patient takes to the insured place: why the direct
//   settlement was refused, the whole bill paid in cash, who approved, where to sign.
import { FUND_PAY_TYPES, type FundPayType, type SetlinfoField } from '../../shared/settlement';
import { Decimal, formatAmount } from '../../shared/money';
import type { SettlementRow } from '../db';
import { isChinese, messagesFor, type Messages } from '../i18n';
import { sideBySide } from '../settle-service';
import { formatChinaTime, fundLabel } from '../ui';
import { AmountTable, PatientLine, ReceiptHeading } from './ReceiptDocument';

/** A fund's name from its key: a fund type (setldetail), or a setlinfo field for results without. */
export function fundKeyName(key: string, lang: string): string {
  if (key in FUND_PAY_TYPES) {
    const name = fundLabel(key as FundPayType);
    return isChinese(lang) ? name.zh : name.en;
  }
  return messagesFor(lang).setlinfo[key as SetlinfoField] ?? key;
}

export interface CorrectionProps {
  row: SettlementRow;
  institution: string;
  lang: string;
}

/** The heading, the patient, the original settlement and who corrected it when. */
function CorrectionHeader({
  row,
  institution,
  m,
  heading,
}: {
  row: SettlementRow;
  institution: string;
  m: Messages;
  heading: string;
}) {
  const r = m.receipt;
  const c = row.correction!;
  return (
    <>
      <ReceiptHeading m={m} institution={institution} heading={heading} />
      <PatientLine m={m} row={row} />
      <div>
        {`${m.correctionDoc.original}: ${row.local_setl_id}${row.setl_id ? ` / ${row.setl_id}` : ''} · ${r.settledAt}: ${formatChinaTime(row.settled_at)} · ${r.opter}: ${row.opter}`}
      </div>
      <div>{`${m.correctionDoc.correctedAt}: ${formatChinaTime(c.at)} · ${m.correctionDoc.correctedBy}: ${c.opter}`}</div>
    </>
  );
}

type Compared = { station: string; platform: string; difference: string };

function CompareTable({ m, rows }: { m: Messages; rows: readonly (Compared & { name: string })[] }) {
  const f = m.fix;
  return (
    <table>
      <tbody>
        <tr>
          <th>{f.field}</th>
          <td>{f.station}</td>
          <td>{f.platform}</td>
          <td>{f.difference}</td>
        </tr>
        {rows.map((x) => (
          <tr key={x.name}>
            <th>{x.name}</th>
            <td>{x.station}</td>
            <td>{x.platform}</td>
            <td>{x.difference}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function CorrectionDocument({ row, institution, lang }: CorrectionProps) {
  const c = row.correction;
  if (!c) throw new Error(`settlement ${row.local_setl_id} has no correction`);
  const m = messagesFor(lang);
  const d = m.correctionDoc;
  const cash = new Decimal(c.cash);
  const side = c.kind === 'discrepancy' ? sideBySide({ ...row, status: 'discrepancy' }) : null;
  return (
    <main data-testid="correction-document">
      <CorrectionHeader row={row} institution={institution} m={m} heading={d.heading} />
      <div className="note">{d.kind[c.kind]}</div>
      <AmountTable
        rows={[
          {
            label: cash.isNegative() ? d.refunded : d.collected,
            amount: formatAmount(cash.abs()),
            strong: true,
          },
        ]}
      />
      {side && (
        <>
          <h2>{m.fix.sideBySide}</h2>
          <CompareTable m={m} rows={side.fields.map((x) => ({ ...x, name: m.setlinfo[x.field] }))} />
          <h2>{m.fix.funds}</h2>
          <CompareTable m={m} rows={side.funds.map((x) => ({ ...x, name: fundKeyName(x.key, lang) }))} />
        </>
      )}
    </main>
  );
}

export function SelfPayNoteDocument({ row, institution, lang }: CorrectionProps) {
  const c = row.correction;
  if (!c) throw new Error(`settlement ${row.local_setl_id} has no correction`);
  const m = messagesFor(lang);
  const n = m.selfPayNote;
  const zh = isChinese(lang);
  const s = row.result.setlinfo;
  return (
    <main data-testid="self-pay-note">
      <CorrectionHeader row={row} institution={institution} m={m} heading={n.heading} />
      <div>{`${n.insuredPlace}: ${row.request.person.insuplc_admdvs}`}</div>
      <div className="note">{n.body}</div>
      <h2>{n.reasons}</h2>
      <ol>
        {row.reasons.map((r, i) => (
          <li key={i}>{`${r.code} · ${zh || !r.message_en ? r.message : r.message_en}`}</li>
        ))}
      </ol>
      <AmountTable
        rows={[
          { label: n.total, amount: s.medfee_sumamt, strong: true },
          { label: n.paidBefore, amount: s.psn_cash_pay },
          { label: n.paidNow, amount: c.cash },
        ]}
      />
      {c.approved_by && (
        <div>{`${n.approvedBy}: ${c.approved_by.name} ${c.approved_by.id} · ${formatChinaTime(c.approved_by.at)}`}</div>
      )}
      <p
        style={{ marginTop: 24 }}
      >{`${n.signPatient}: ____________ \u2003 ${n.signCounter}: ____________`}</p>
    </main>
  );
}
