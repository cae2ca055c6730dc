// A handover's counts and sums as one table, for the screen and the printed handover alike: no hooks,
// the labels handed in from the tables (messagesFor(lang)), so the page and the paper never differ.
import type { HandoverFigures } from '../../db';
import type { Messages } from '../../i18n';
import { cashDifference } from '../../settle-service';
import { fundKeyName } from '../receipt/correction-html';

export function HandoverTable({
  figures: f,
  counted,
  m,
  lang,
}: {
  figures: HandoverFigures;
  /** the cash counted, when the cashier entered it */
  counted: string | null;
  m: Messages;
  lang: string;
}) {
  const h = m.handover;
  const line = (label: string, value: string | number, testId: string, strong = false) => (
    <tr key={testId} data-testid={testId} className={strong ? 'cash' : undefined}>
      <th>{label}</th>
      <td className="num">{value}</td>
    </tr>
  );
  return (
    <table className="lines handover-figures" data-testid="handover-figures">
      <tbody>
        {line(h.settlements, f.settlements, 'ho-settlements')}
        {line(h.cancels, f.cancels, 'ho-cancels')}
        {line(h.medfee, f.medfee_sumamt, 'ho-medfee')}
        {f.funds.map((x) => line(`${h.funds} · ${fundKeyName(x.key, lang)}`, x.amount, `ho-fund-${x.key}`))}
        {line(h.acct, f.acct_pay, 'ho-acct')}
        {line(h.cashCollected, f.cash_collected, 'ho-collected')}
        {line(h.refunds, f.refunds, 'ho-refunds')}
        {line(h.corrections, f.corrections, 'ho-corrections')}
        {line(h.correctionsNet, f.corrections_net, 'ho-corrections-net')}
        {line(h.pending, f.pending_upload, 'ho-pending')}
        {line(h.expected, f.expected_cash, 'ho-expected', true)}
        {counted !== null && line(h.counted, counted, 'ho-counted', true)}
        {counted !== null &&
          line(h.difference, cashDifference(counted, f.expected_cash), 'ho-difference', true)}
      </tbody>
    </table>
  );
}
