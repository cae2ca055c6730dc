// The reports (PERMISSIONS.reports): a day or a month of the station's settlements — totals, how many
// per hour (a day) or per day (a month), the fund split, the top fee categories and the platform's
// refusal reasons — and the period's CSV (documents' periodCsv, one row per settlement).
import { useTranslation } from 'react-i18next';
import { isIsoDate } from '../../../shared/settlement';
import { periodCsv, downloadText, settlementsInPeriod, type Period } from '../../documents';
import { useNavigate, type ScreenProps } from '../../navigation';
import { useStation } from '../../station';
import { AsyncView, BilingualAlert, Money, Panel, useAction, useAsync } from '../../ui';
import { ReportCharts } from './ReportCharts';
import { buildReport, monthPeriod } from './report-data';
import { reportsRoute } from './route';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The period a route names: a month (YYYY-MM), a day (YYYY-MM-DD), or today. */
export function periodOf(param: string | undefined, today: string): Period {
  if (param && MONTH.test(param)) return monthPeriod(param);
  const day = param && isIsoDate(param) ? param : today;
  return { from: day, to: day };
}

export function ReportsScreen({ params }: ScreenProps<'reports/:period?'>) {
  const { t, i18n } = useTranslation();
  const station = useStation();
  const navigate = useNavigate();
  const period = periodOf(params.period, station.today());
  const month = period.from !== period.to;
  const report = useAsync(
    async () => buildReport(await settlementsInPeriod(station.db, period), period),
    [station.db, period.from, period.to],
  );
  const csv = useAction(async () => downloadText(await periodCsv(station, period, { lang: i18n.language })));
  const go = (p: string) => navigate(reportsRoute.href({ period: p }));
  return (
    <Panel title={t('reports.title')} className="reports" data-testid="reports">
      <div className="row">
        <button type="button" data-testid="reports-day" aria-pressed={!month} onClick={() => go(period.from)}>
          {t('reports.day')}
        </button>
        <button
          type="button"
          data-testid="reports-month"
          aria-pressed={month}
          onClick={() => go(period.from.slice(0, 7))}
        >
          {t('reports.month')}
        </button>
        {month ? (
          <label>
            {t('reports.monthLabel')}{' '}
            <input
              type="month"
              data-testid="reports-period"
              value={period.from.slice(0, 7)}
              onChange={(e) => e.target.value && go(e.target.value)}
            />
          </label>
        ) : (
          <label>
            {t('reports.date')}{' '}
            <input
              type="date"
              data-testid="reports-period"
              value={period.from}
              max={station.today()}
              onChange={(e) => e.target.value && go(e.target.value)}
            />
          </label>
        )}
        <button type="button" data-testid="reports-csv" disabled={csv.busy} onClick={() => csv.run()}>
          {t('reports.csv')}
        </button>
      </div>
      {csv.error ? <BilingualAlert error={csv.error} testId="reports-csv-error" /> : null}
      <AsyncView state={report} errorTestId="reports-error">
        {(r) =>
          r.count === 0 ? (
            <p data-testid="reports-empty">{t('reports.empty')}</p>
          ) : (
            <>
              <dl className="report-totals" data-testid="reports-totals" data-count={r.count}>
                <dt>{t('reports.count')}</dt>
                <dd>
                  {r.count}（{t('reports.standing')} {r.standing}）
                </dd>
                <dt>{t('reports.medfee')}</dt>
                <dd>
                  <Money amount={r.totals.medfee_sumamt} testId="reports-medfee" />
                </dd>
                <dt>{t('reports.fund')}</dt>
                <dd>
                  <Money amount={r.totals.fund_pay_sumamt} />
                </dd>
                <dt>{t('reports.acct')}</dt>
                <dd>
                  <Money amount={r.totals.acct_pay} />
                </dd>
                <dt>{t('reports.cash')}</dt>
                <dd>
                  <Money amount={r.totals.psn_cash_pay} />
                </dd>
              </dl>
              <ReportCharts report={r} />
            </>
          )
        }
      </AsyncView>
    </Panel>
  );
}
