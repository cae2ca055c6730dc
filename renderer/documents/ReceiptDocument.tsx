// The settlement receipt (结算单) and the parts the reversal receipt shares with it: the heading, the
// reprint note, the patient line and a label/amount table. Every label is the screens' own
// (i18n receipt.*, setlinfo.*), so a screen and its receipt never name a figure differently.
import { SETLINFO_FIELDS } from '../../shared/settlement';
import type { SettlementRow } from '../db';
import { isChinese, messagesFor, type Messages } from '../i18n';
import { formatChinaTime, maskCertno } from '../ui';
import { fill } from './render-document';

/** A reprint (补打) says so at the top, with when and by whom it was printed again. */
export interface Reprint {
  at: string;
  opter: string;
}

export interface ReceiptProps {
  row: SettlementRow;
  institution: string;
  lang: string;
  reprint?: Reprint | undefined;
}

/** The institution and the receipt's heading, then the reprint note when it is one. */
export function ReceiptHeading({
  m,
  institution,
  heading,
  reprint,
}: {
  m: Messages;
  institution: string;
  heading: string;
  reprint?: Reprint | undefined;
}) {
  const r = m.receipt;
  return (
    <>
      <h1>{`${institution} · ${heading}`}</h1>
      {reprint && (
        <div className="note reprint">
          {`${r.reprint} · ${r.reprintedAt} ${formatChinaTime(reprint.at)} · ${r.reprintedBy} ${reprint.opter}`}
        </div>
      )}
    </>
  );
}

/** Who was treated: the name, the masked ID number and the encounter number. */
export function PatientLine({ m, row }: { m: Messages; row: SettlementRow }) {
  const r = m.receipt;
  return (
    <div>{`${r.patient}: ${row.psn_name} ${maskCertno(row.certno)} · ${r.encounter}: ${row.encounter_no}`}</div>
  );
}

/** Label / amount rows; `strong` rows (what the patient pays or gets back) in bold. */
export function AmountTable({
  rows,
}: {
  rows: readonly { label: string; amount: string; strong?: boolean }[];
}) {
  return (
    <table>
      <tbody>
        {rows.map((x) => (
          <tr key={x.label} className={x.strong ? 'cash' : undefined}>
            <th>{x.label}</th>
            <td>{x.amount}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ReceiptDocument({ row, institution, lang, reprint }: ReceiptProps) {
  const m = messagesFor(lang);
  const r = m.receipt;
  const s = row.result.setlinfo;
  const zh = isChinese(lang);
  return (
    <main data-testid="receipt-document">
      <ReceiptHeading m={m} institution={institution} heading={r.heading} reprint={reprint} />
      <div className="note">{r.note[row.status] + (row.setl_id ? ` · ${r.setlId} ${row.setl_id}` : '')}</div>
      {row.presettle?.outcome === 'offline' && (
        <div className="note offline" data-offline="true">
          {r.offline}
        </div>
      )}
      <PatientLine m={m} row={row} />
      {row.result.stay_part !== undefined && (
        <div data-stay-part={row.result.stay_part}>
          {fill(m.review.stayPart, { part: row.result.stay_part })}
        </div>
      )}
      {row.result.emergency_waived && row.result.emergency_waived.length > 0 && (
        <div data-emergency-waived="true">
          {m.review.emergencyWaived}
          <ul>
            {row.result.emergency_waived.map((w) => (
              <li key={w.code}>{zh || !w.message_en ? w.message : w.message_en}</li>
            ))}
          </ul>
        </div>
      )}
      <div>
        {`${r.localId}: ${row.local_setl_id} · ${r.settledAt}: ${formatChinaTime(row.settled_at)} · ${r.opter}: ${row.opter}`}
      </div>
      <AmountTable
        rows={SETLINFO_FIELDS.map((f) => ({
          label: m.setlinfo[f],
          amount: s[f],
          strong: f === 'psn_cash_pay',
        }))}
      />
      <h2>{r.howComputed}</h2>
      <ol>
        {row.result.trace.map((e, i) => (
          <li key={i}>{zh ? e.zh : e.en}</li>
        ))}
      </ol>
    </main>
  );
}
