// The reconciliation's two tables: 3201 per insurance type × clearing type (the station's totals
// against the platform's, green when balanced), and the 3202 settlements that differ with the cause
// and a link to the station's history entry (none for a settlement only the platform has).
import { useTranslation } from 'react-i18next';
import { Bilingual, DataTable, splitBilingual, formatChinaTime, Money, type Column } from '../../ui';
import { countedResult } from '../../documents';
import { historyRoute } from '../history/route';
import type { Mismatch } from './reconcile-run';
import type { ReconcileReport } from './run';

type Totals = ReconcileReport['totals'][number];
type Amount = 'medfee_sumamt' | 'fund_pay_sumamt' | 'acct_pay';

export function TotalsTable({ totals }: { totals: Totals[] }) {
  const { t } = useTranslation();
  const col = (side: 'station' | 'platform', field: Amount, label: string): Column<Totals> => ({
    key: `${side}-${field}`,
    header: `${t(`reconcile.${side}`)} ${label}`,
    cell: (r) => <Money amount={side === 'station' ? r.input[field] : r.answer.platform[field]} />,
    numeric: true,
  });
  const columns: Column<Totals>[] = [
    {
      key: 'insutype',
      header: t('reconcile.insutype'),
      cell: (r) => t(`reconcile.insutypes.${r.input.insutype}`),
    },
    {
      key: 'clr',
      header: t('reconcile.clrType'),
      cell: (r) => t(`reconcile.clrTypes.${r.input.clr_type as '11' | '21'}`),
    },
    {
      key: 'count',
      header: `${t('reconcile.station')} / ${t('reconcile.platform')} ${t('reconcile.count')}`,
      cell: (r) => `${r.input.fixmedins_setl_cnt} / ${r.answer.platform.fixmedins_setl_cnt}`,
      numeric: true,
    },
    col('station', 'medfee_sumamt', t('reconcile.medfee')),
    col('platform', 'medfee_sumamt', t('reconcile.medfee')),
    col('station', 'fund_pay_sumamt', t('reconcile.fund')),
    col('platform', 'fund_pay_sumamt', t('reconcile.fund')),
    col('station', 'acct_pay', t('reconcile.acct')),
    col('platform', 'acct_pay', t('reconcile.acct')),
    {
      key: 'result',
      header: t('reconcile.result'),
      cell: (r) => (
        <span title={r.answer.stmt_rslt_dscr}>
          <strong>{r.answer.stmt_rslt === '0' ? t('reconcile.balanced') : t('reconcile.unbalanced')}</strong>{' '}
          {r.answer.stmt_rslt === '1' ? <Bilingual {...splitBilingual(r.answer.stmt_rslt_dscr)} /> : null}
        </span>
      ),
    },
  ];
  return (
    <DataTable
      columns={columns}
      rows={totals}
      rowKey={(r) => `${r.input.insutype}-${r.input.clr_type}`}
      rowProps={(r) => ({
        className: r.answer.stmt_rslt === '0' ? 'verdict-yes' : 'verdict-no',
        'data-testid': 'reconcile-total',
        'data-result': r.answer.stmt_rslt,
        'data-key': `${r.input.insutype}-${r.input.clr_type}`,
      })}
      empty=""
    />
  );
}

export function DetailTable({
  mismatches,
  open,
}: {
  mismatches: Mismatch[];
  open: (local_setl_id: string) => void;
}) {
  const { t } = useTranslation();
  const columns: Column<Mismatch>[] = [
    { key: 'setl_id', header: t('reconcile.setlId'), cell: (m) => m.setl_id },
    {
      key: 'patient',
      header: t('reconcile.patient'),
      cell: (m) =>
        m.station
          ? `${m.station.psn_name} ${formatChinaTime(m.station.settled_at)}`
          : (m.platform?.psn_no ?? ''),
    },
    { key: 'cause', header: t('reconcile.cause'), cell: (m) => t(`reconcile.causes.${m.cause}`) },
    {
      key: 'fields',
      header: t('reconcile.fields'),
      cell: (m) =>
        m.fields
          .filter((f): f is Amount => f !== 'refd_setl_flag')
          .map(
            (f) =>
              `${t(`setlinfo.${f}`)} ${m.station ? countedResult(m.station).setlinfo[f] : ''} → ${m.platform?.[f] ?? ''}`,
          )
          .join('; '),
    },
    {
      key: 'open',
      header: '',
      cell: (m) =>
        m.station ? (
          <a
            href={historyRoute.href({ local_setl_id: m.station.local_setl_id })}
            data-testid="reconcile-open"
            onClick={(e) => {
              e.preventDefault();
              open(m.station!.local_setl_id);
            }}
          >
            {t('reconcile.open')}
          </a>
        ) : (
          t('reconcile.otherStation', { station: m.platform?.station_id ?? '' })
        ),
    },
  ];
  return (
    <>
      <h2>{t('reconcile.detailTitle')}</h2>
      <DataTable
        columns={columns}
        rows={mismatches}
        rowKey={(m) => `${m.cause}-${m.setl_id}`}
        rowProps={(m) => ({
          'data-testid': 'reconcile-mismatch',
          'data-cause': m.cause,
          'data-setl-id': m.setl_id,
        })}
        empty={t('reconcile.detailNone')}
      />
    </>
  );
}
