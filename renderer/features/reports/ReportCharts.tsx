// The report's four charts (recharts): settlements per hour or per day (stacked: standing, cancelled,
// refused), the fund split (a pie; the personal account and cash are its last slices), the top fee
// categories and the refusal reasons (bars). Each chart has the figures beside it as text, so the
// amounts read are the two-decimal strings, never a number the chart rounded.
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, Legend, Pie, PieChart, Tooltip, XAxis, YAxis } from 'recharts';
import { FUND_PAY_TYPES, MED_CHRGITM_TYPES, type FundPayType } from '../../../shared/settlement';
import { isChinese } from '../../i18n';
import { Money } from '../../ui';
import { chartValue, type Report } from './report-data';

const COLORS = ['#1f6feb', '#2da44e', '#bf8700', '#cf222e', '#8250df', '#0a7ea4', '#57606a', '#d4a72c'];
const WIDTH = 520;
/** The per-hour (per-day) bars, stacked: standing, cancelled, refused. */
const SERIES = [
  ['standing', 'reports.standingSeries', COLORS[0]],
  ['cancelled', 'reports.cancelledSeries', COLORS[6]],
  ['rejected', 'reports.rejectedSeries', COLORS[3]],
] as const;
const HEIGHT = 220;

export function ReportCharts({ report }: { report: Report }) {
  const { t, i18n } = useTranslation();
  const zh = isChinese(i18n.language);
  const fundName = (key: Report['funds'][number]['key']) =>
    key === 'acct_pay'
      ? t('reports.acct')
      : key === 'psn_cash_pay'
        ? t('reports.cash')
        : FUND_PAY_TYPES[key as FundPayType][zh ? 2 : 3];
  const funds = report.funds.map((f) => ({
    name: fundName(f.key),
    amount: f.amount,
    value: chartValue(f.amount),
  }));
  const categories = report.categories.map((c) => ({
    name: MED_CHRGITM_TYPES[c.key][zh ? 0 : 1],
    amount: c.amount,
    value: chartValue(c.amount),
  }));
  const refusals = report.refusals.map((r) => ({
    name: r.code,
    label: zh ? r.reason.message : (r.reason.message_en ?? r.reason.message),
    value: r.count,
  }));
  return (
    <div className="report-charts">
      <figure data-testid="chart-buckets">
        <figcaption>{report.kind === 'day' ? t('reports.perHour') : t('reports.perDay')}</figcaption>
        <BarChart width={WIDTH} height={HEIGHT} data={report.buckets}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" />
          <YAxis allowDecimals={false} width={32} />
          <Tooltip />
          <Legend />
          {SERIES.map(([key, label, color]) => (
            <Bar key={key} dataKey={key} name={t(label)} stackId="n" fill={color} isAnimationActive={false} />
          ))}
        </BarChart>
      </figure>
      <figure data-testid="chart-funds">
        <figcaption>{t('reports.funds')}</figcaption>
        <PieChart width={WIDTH} height={HEIGHT}>
          <Pie data={funds} dataKey="value" nameKey="name" outerRadius={80} isAnimationActive={false}>
            {funds.map((f, i) => (
              <Cell key={f.name} fill={COLORS[i % COLORS.length]} />
            ))}
          </Pie>
          <Legend layout="vertical" align="right" verticalAlign="middle" />
        </PieChart>
        <Figures rows={funds} testId="funds" />
      </figure>
      <figure data-testid="chart-categories">
        <figcaption>{t('reports.categories')}</figcaption>
        <BarChart width={WIDTH} height={HEIGHT} data={categories} layout="vertical" margin={{ left: 40 }}>
          <XAxis type="number" hide />
          <YAxis type="category" dataKey="name" width={90} />
          <Bar dataKey="value" fill={COLORS[1]} isAnimationActive={false} />
        </BarChart>
        <Figures rows={categories} testId="categories" />
      </figure>
      <figure data-testid="chart-refusals">
        <figcaption>{t('reports.refusals')}</figcaption>
        {refusals.length === 0 ? (
          <p className="muted">{t('reports.refusalsNone')}</p>
        ) : (
          <>
            <BarChart width={WIDTH} height={HEIGHT} data={refusals}>
              <XAxis dataKey="name" />
              <YAxis allowDecimals={false} width={32} />
              <Bar dataKey="value" fill={COLORS[3]} isAnimationActive={false} />
            </BarChart>
            <ul data-testid="refusals">
              {refusals.map((r) => (
                <li key={r.name} data-code={r.name}>
                  {r.name} × {r.value}: {r.label}
                </li>
              ))}
            </ul>
          </>
        )}
      </figure>
    </div>
  );
}

function Figures({ rows, testId }: { rows: { name: string; amount: string }[]; testId: string }) {
  return (
    <table className="figures" data-testid={testId}>
      <tbody>
        {rows.map((r) => (
          <tr key={r.name}>
            <td>{r.name}</td>
            <td className="num">
              <Money amount={r.amount} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
