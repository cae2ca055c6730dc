// What the counter can do about a discrepancy or a rejection (settle-service/correction.ts):
// - a discrepancy: both sides field by field and fund by fund, the cash the patient owes or is owed at
//   the platform's figures, and one button that records it and prints the correction receipt;
// - a rejection: the platform's reasons, then either refund and settle again (the encounter is freed,
//   the counter settles the corrected bill under a new local id) or, with a supervisor's id and PIN
//   (operators.approve, the host checks it), convert to self-pay and print the note for the patient.
// The printed page goes to the receipts folder as a PDF and through the print dialog; the screen shows
// it once the task has left the list (onPrinted).
import { useTranslation } from 'react-i18next';
import { Decimal, formatAmount } from '../../../shared/money';
import { printReceiptWithDialog } from '../../bridge';
import type { SettlementRow } from '../../db';
import { selfPayOwed, sideBySide, type CorrectionInput } from '../../settle-service';
import { useOperator, useStation } from '../../station';
import { BilingualAlert, Reasons, useAction } from '../../ui';
import { useSupervisorApproval } from '../approval/supervisor-approval';
import { correctionHtml, fundKeyName } from '../receipt/correction-html';

/** the paper printed, and what kind of correction it was */
export type OnPrinted = (html: string, kind: CorrectionInput['kind']) => void;

/** Records the correction, then saves and prints its paper. */
function useCorrect(onPrinted: OnPrinted) {
  const station = useStation();
  const { i18n } = useTranslation();
  return useAction(async (input: CorrectionInput) => {
    const row = await station.settle.correct(input);
    const html = correctionHtml(row, { institution: station.institutionName, lang: i18n.language });
    onPrinted(html, input.kind);
    const prefix = input.kind === 'self_pay' ? 'SELFPAY' : 'CORR';
    await station.api.print.receiptPdf({ html, name: `${prefix}-${row.local_setl_id}` });
    await printReceiptWithDialog(station.api, html);
  });
}

export function DiscrepancyActions({ s, onPrinted }: { s: SettlementRow; onPrinted: OnPrinted }) {
  const { t, i18n } = useTranslation();
  const operator = useOperator();
  const correct = useCorrect(onPrinted);
  const side = sideBySide(s);
  const cash = new Decimal(side.cash);
  const amount = formatAmount(cash.abs());
  const row = (name: string, x: { station: string; platform: string; difference: string }, key: string) => (
    <tr key={key} className={x.difference === '0.00' ? undefined : 'differs'}>
      <th>{name}</th>
      <td className="num">{x.station}</td>
      <td className="num">{x.platform}</td>
      <td className="num">{x.difference}</td>
    </tr>
  );
  const head = (
    <tr>
      <th>{t('fix.field')}</th>
      <th>{t('fix.station')}</th>
      <th>{t('fix.platform')}</th>
      <th>{t('fix.difference')}</th>
    </tr>
  );
  return (
    <div className="fix" data-testid="fix-discrepancy">
      <h4>{t('fix.sideBySide')}</h4>
      <table className="lines" data-testid="fix-fields">
        <thead>{head}</thead>
        <tbody>{side.fields.map((x) => row(t(`setlinfo.${x.field}`), x, x.field))}</tbody>
      </table>
      <h4>{t('fix.funds')}</h4>
      <table className="lines" data-testid="fix-funds">
        <thead>{head}</thead>
        <tbody>{side.funds.map((x) => row(fundKeyName(x.key, i18n.language), x, x.key))}</tbody>
      </table>
      <p className="cash-difference" data-testid="fix-cash" data-cash={side.cash}>
        <strong>
          {cash.isZero()
            ? t('fix.even')
            : cash.isNegative()
              ? t('fix.owed', { amount })
              : t('fix.owes', { amount })}
        </strong>
      </p>
      {side.account !== '0.00' && <p className="muted">{t('fix.account', { amount: side.account })}</p>}
      <button
        type="button"
        className="primary"
        disabled={correct.busy}
        data-testid="fix-correct"
        onClick={() =>
          correct.run({ kind: 'discrepancy', local_setl_id: s.local_setl_id, opter: operator.id })
        }
      >
        {cash.isZero() ? t('fix.noCash') : cash.isNegative() ? t('fix.refund') : t('fix.collect')}
      </button>
      {correct.error !== null && <BilingualAlert error={correct.error} testId="fix-error" />}
    </div>
  );
}

export function RejectedActions({ s, onPrinted }: { s: SettlementRow; onPrinted: OnPrinted }) {
  const { t } = useTranslation();
  const operator = useOperator();
  const supervisor = useSupervisorApproval('self_pay', s.local_setl_id, 'fix');
  const correct = useCorrect(onPrinted);
  const correctAndResettle = useCorrect(onPrinted);
  const selfPay = useAction(async () => {
    const approval = await supervisor.approve();
    correct.run({ kind: 'self_pay', local_setl_id: s.local_setl_id, opter: operator.id, approval });
  });
  const r = s.result.setlinfo;
  return (
    <div className="fix" data-testid="fix-rejected">
      <h4>{t('fix.rejectedWhy')}</h4>
      <Reasons reasons={s.reasons} itemTestId="fix-reason" />
      <h4>{t('fix.choices')}</h4>
      <div className="choice">
        <p className="muted">{t('fix.resettleHint', { amount: r.psn_cash_pay })}</p>
        <button
          type="button"
          disabled={correctAndResettle.busy}
          data-testid="fix-resettle"
          onClick={() =>
            correctAndResettle.run({ kind: 'resettle', local_setl_id: s.local_setl_id, opter: operator.id })
          }
        >
          {t('fix.resettle')}
        </button>
        {correctAndResettle.error !== null && (
          <BilingualAlert error={correctAndResettle.error} testId="fix-resettle-error" />
        )}
      </div>
      <div className="choice approval" data-testid="fix-self-pay">
        <strong>{t('fix.selfPay')}</strong>
        <p data-testid="fix-self-pay-owes">
          {t('fix.selfPayOwes', { amount: selfPayOwed(s), total: r.medfee_sumamt, paid: r.psn_cash_pay })}
        </p>
        {supervisor.fields}
        <button
          type="button"
          className="primary"
          disabled={selfPay.busy || correct.busy || !supervisor.ready}
          data-testid="fix-self-pay-confirm"
          onClick={() => selfPay.run()}
        >
          {t('fix.confirmSelfPay')}
        </button>
        {selfPay.error !== null && <BilingualAlert error={selfPay.error} testId="fix-self-pay-error" />}
        {correct.error !== null && <BilingualAlert error={correct.error} testId="fix-error" />}
      </div>
    </div>
  );
}
