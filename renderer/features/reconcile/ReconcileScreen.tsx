// A day's reconciliation with the platform, for the supervisor (PERMISSIONS.reconcile): pick the day
// (yesterday unless the route names one), run it — what still waits to upload is named first, then one
// row per insurance type × clearing type, green when it balances — and for an unbalanced day the 3202
// detail: each settlement that differs, why, and a link to its history entry. Run again after fixing.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate } from '../../../shared/settlement';
import { recordAudit } from '../../db';
import { useNavigate, type ScreenProps } from '../../navigation';
import { useOperator, useStation } from '../../station';
import { BilingualAlert, formatChinaTime, Panel, useAction } from '../../ui';
import { historyRoute } from '../history/route';
import { DetailTable, TotalsTable } from './ReconcileTables';
import { reconcileRoute } from './route';
import { dayBefore, runReconciliation, type ReconcileReport } from './run';

export function ReconcileScreen({ params }: ScreenProps<'reconcile/:date?'>) {
  const { t } = useTranslation();
  const station = useStation();
  const operator = useOperator();
  const navigate = useNavigate();
  // a route with no day, or no valid one, reconciles yesterday
  const date = params.date && isIsoDate(params.date) ? params.date : dayBefore(station.today());
  const [report, setReport] = useState<ReconcileReport | null>(null);
  const run = useAction(async () => {
    const r = await runReconciliation(station, date);
    setReport(r);
    await recordAudit(station.db, {
      at: r.ranAt,
      kind: 'reconcile.run',
      opter: operator.id,
      detail: {
        date,
        pending: r.pending.length,
        unbalanced: r.totals.filter((x) => x.answer.stmt_rslt === '1').length,
        mismatches: r.detail?.mismatches.map((m) => `${m.setl_id}:${m.cause}`) ?? [],
      },
    });
  });
  const shown = report?.date === date ? report : null;
  return (
    <Panel title={t('reconcile.title')} className="reconcile" data-testid="reconcile">
      <div className="row">
        <label>
          {t('reconcile.date')}{' '}
          <input
            type="date"
            data-testid="reconcile-date"
            value={date}
            max={station.today()}
            onChange={(e) => e.target.value && navigate(reconcileRoute.href({ date: e.target.value }))}
          />
        </label>{' '}
        <button type="button" data-testid="reconcile-run" disabled={run.busy} onClick={() => run.run()}>
          {run.busy ? t('reconcile.running') : shown ? t('reconcile.rerun') : t('reconcile.run')}
        </button>
      </div>
      {run.error ? <BilingualAlert error={run.error} testId="reconcile-error" /> : null}
      {shown ? (
        <ReportView report={shown} open={(id) => navigate(historyRoute.href({ local_setl_id: id }))} />
      ) : null}
    </Panel>
  );
}

function ReportView({ report, open }: { report: ReconcileReport; open: (local_setl_id: string) => void }) {
  const { t } = useTranslation();
  return (
    <div data-testid="reconcile-report" data-date={report.date}>
      <p
        className={report.pending.length ? 'verdict verdict-waived' : 'verdict verdict-yes'}
        data-testid="reconcile-pending"
        data-count={report.pending.length}
      >
        {report.pending.length
          ? t('reconcile.pending', { count: report.pending.length })
          : t('reconcile.pendingNone')}
      </p>
      {report.pending.length ? (
        <ul data-testid="reconcile-pending-list">
          {report.pending.map((s) => (
            <li key={s.local_setl_id}>
              <a
                href={historyRoute.href({ local_setl_id: s.local_setl_id })}
                onClick={(e) => {
                  e.preventDefault();
                  open(s.local_setl_id);
                }}
              >
                {formatChinaTime(s.settled_at)} {s.psn_name}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {report.totals.length === 0 ? (
        <p data-testid="reconcile-nothing">{t('reconcile.nothing')}</p>
      ) : (
        <TotalsTable totals={report.totals} />
      )}
      {report.detail ? <DetailTable mismatches={report.detail.mismatches} open={open} /> : null}
      <p className="muted">{t('reconcile.ranAt', { at: formatChinaTime(report.ranAt) })}</p>
    </div>
  );
}
