// Settlement history (F3): search the station's settlements by name, ID number, encounter number,
// settle-date range, status and operator; open one for its items, trace, the platform's answer and
// what happened to it, reprint its receipt (补打) or cancel it (红冲).
import { useTranslation } from 'react-i18next';
import type { SettlementRow } from '../../db';
import { useNavigate, type ScreenProps } from '../../navigation';
import { useStation } from '../../station';
import {
  AsyncView,
  DataTable,
  formatChinaTime,
  MaskedId,
  Money,
  Panel,
  StatusBadge,
  useLiveData,
  type Column,
} from '../../ui';
import { HISTORY_LIMIT, searchHistory } from './history-query';
import { useHistory } from './history-store';
import { HistorySearch } from './HistorySearch';
import { historyRoute } from './route';
import { SettlementDetail } from './SettlementDetail';

export function HistoryScreen({ params }: ScreenProps<'history/:local_setl_id?'>) {
  if (params.local_setl_id) return <SettlementDetail id={params.local_setl_id} />;
  return <HistoryList />;
}

function HistoryList() {
  const { t } = useTranslation();
  const { db } = useStation();
  const navigate = useNavigate();
  const criteria = useHistory((s) => s.criteria);
  const found = useLiveData(() => searchHistory(db, criteria), [db, criteria]);
  const open = (s: SettlementRow) => navigate(historyRoute.href({ local_setl_id: s.local_setl_id }));
  const columns: Column<SettlementRow>[] = [
    { key: 'at', header: t('history.settledAt'), cell: (s) => formatChinaTime(s.settled_at) },
    { key: 'name', header: t('history.patient'), cell: (s) => s.psn_name },
    { key: 'certno', header: t('history.certno'), cell: (s) => <MaskedId certno={s.certno} /> },
    { key: 'encounter', header: t('history.encounter'), cell: (s) => s.encounter_no },
    { key: 'type', header: t('detail.setlType'), cell: (s) => t(`setlType.${s.setl_type}`) },
    {
      key: 'total',
      header: t('history.total'),
      cell: (s) => <Money amount={s.result.setlinfo.medfee_sumamt} />,
      numeric: true,
    },
    {
      key: 'cash',
      header: t('history.cash'),
      cell: (s) => <Money amount={s.result.setlinfo.psn_cash_pay} />,
      numeric: true,
    },
    { key: 'status', header: t('history.status'), cell: (s) => <StatusBadge status={s.status} /> },
    { key: 'opter', header: t('history.opter'), cell: (s) => s.opter },
    {
      key: 'open',
      header: '',
      cell: (s) => (
        <button type="button" onClick={() => open(s)} data-testid={`history-open-${s.local_setl_id}`}>
          {t('history.open')}
        </button>
      ),
    },
  ];
  return (
    <Panel title={t('history.title')} className="history" data-testid="history">
      <HistorySearch />
      <AsyncView state={found} errorTestId="history-error">
        {({ rows, more }) => (
          <>
            <DataTable
              columns={columns}
              rows={rows}
              rowKey={(s) => s.local_setl_id}
              rowProps={(s) => ({
                'data-testid': 'history-row',
                'data-status': s.status,
                'data-id': s.local_setl_id,
              })}
              empty={t('history.empty')}
            />
            {more && <p className="muted">{t('history.more', { n: String(HISTORY_LIMIT) })}</p>}
          </>
        )}
      </AsyncView>
    </Panel>
  );
}
