// One settlement (#/history/01JX…): what it was, what the platform said, what happened to it since;
// reprint its receipt (marked 补打 with when and by whom, and recorded in the audit chain); cancel it
// (红冲, CancelPanel) and print the reversal.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { printReceiptWithDialog } from '../../bridge';
import { recordAudit, type SettlementRow } from '../../db';
import { useNavigate } from '../../navigation';
import { allowed, useOperator, useStation } from '../../station';
import { AsyncView, BilingualAlert, Panel, StatusBadge, useAction, useLiveData } from '../../ui';
import { receiptHtml } from '../receipt/receipt-html';
import { reversalHtml } from '../receipt/reversal-html';
import { CancelPanel } from './CancelPanel';
import { Amounts, AuditTrail, Facts, Items, PlatformAnswer, Trace } from './DetailSections';
import { historyRoute } from './route';

export function SettlementDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const { db } = useStation();
  const navigate = useNavigate();
  const row = useLiveData(() => db.settlements.get(id), [db, id]);
  return (
    <AsyncView state={row} errorTestId="detail-error">
      {(s) =>
        s ? (
          <Detail s={s} />
        ) : (
          <Panel data-testid="detail-missing">
            <p>{t('history.notFound', { id })}</p>
            <button type="button" onClick={() => navigate(historyRoute.href())}>
              {t('history.back')}
            </button>
          </Panel>
        )
      }
    </AsyncView>
  );
}

function Detail({ s }: { s: SettlementRow }) {
  const { t, i18n } = useTranslation();
  const station = useStation();
  const operator = useOperator();
  const navigate = useNavigate();
  const [cancelling, setCancelling] = useState(false);
  const [reprinted, setReprinted] = useState<string | null>(null);
  const html = (kind: 'settlement' | 'reversal', reprint?: { at: string; opter: string }) =>
    (kind === 'settlement' ? receiptHtml : reversalHtml)(s, {
      institution: station.institutionName,
      lang: i18n.language,
      reprint,
    });
  // A reprint is marked as one, printed, and recorded: which receipt, when, by whom.
  const reprint = useAction(async (kind: 'settlement' | 'reversal') => {
    const at = new Date().toISOString();
    const page = html(kind, { at, opter: operator.id });
    setReprinted(page);
    const outcome = await printReceiptWithDialog(station.api, page);
    await recordAudit(station.db, {
      at,
      kind: 'receipt.reprinted',
      local_setl_id: s.local_setl_id,
      opter: operator.id,
      detail: { receipt: kind, outcome },
    });
  });
  const canCancel = s.status !== 'cancelled' && allowed(operator.role, 'cancel');
  return (
    <Panel
      title={
        <>
          {t('detail.title')} · <StatusBadge status={s.status} testId="detail-status" />
        </>
      }
      className="settlement-detail"
      data-testid="detail"
      data-status={s.status}
    >
      <div className="actions">
        <button type="button" onClick={() => navigate(historyRoute.href())} data-testid="detail-back">
          {t('history.back')}
        </button>
        <button
          type="button"
          onClick={() => reprint.run('settlement')}
          disabled={reprint.busy}
          data-testid="reprint"
        >
          {t('detail.reprint')}
        </button>
        {s.cancel && (
          <button
            type="button"
            onClick={() => reprint.run('reversal')}
            disabled={reprint.busy}
            data-testid="reprint-reversal"
          >
            {t('reversal.print')}
          </button>
        )}
        {canCancel && !cancelling && (
          <button type="button" onClick={() => setCancelling(true)} data-testid="cancel-start">
            {t('cancel.start')}
          </button>
        )}
      </div>
      {reprint.error !== null && <BilingualAlert error={reprint.error} testId="reprint-error" />}
      {cancelling && s.status !== 'cancelled' && <CancelPanel s={s} onClose={() => setCancelling(false)} />}
      {s.cancel && (
        <section data-testid="reversal" data-platform={s.cancel.platform}>
          <h3>{t('reversal.heading')}</h3>
          {s.cancel.approved_by && (
            <p data-testid="cancel-approved-by">
              {t('cancel.approvedBy', { name: s.cancel.approved_by.name, id: s.cancel.approved_by.id })}
            </p>
          )}
          <iframe
            title={t('reversal.heading')}
            className="receipt-frame"
            srcDoc={html('reversal')}
            sandbox=""
          />
        </section>
      )}
      {reprinted && (
        <section data-testid="reprinted">
          <h3>{t('detail.reprinted')}</h3>
          <iframe title={t('detail.reprinted')} className="receipt-frame" srcDoc={reprinted} sandbox="" />
        </section>
      )}
      <Facts s={s} />
      <h3>{t('detail.amounts')}</h3>
      <Amounts s={s} />
      <h3>{t('detail.items')}</h3>
      <Items s={s} />
      <h3>{t('detail.trace')}</h3>
      <Trace s={s} />
      <h3>{t('detail.answer')}</h3>
      <PlatformAnswer s={s} />
      <h3>{t('detail.history')}</h3>
      <AuditTrail id={s.local_setl_id} />
    </Panel>
  );
}
