// The queue: every settlement of the station with its platform status, newest first, and the tasks
// (discrepancies, rejections) a person must resolve — recorded in the audit log when resolved. A
// discrepancy or a rejection is settled at the counter with TaskActions (collect or refund, re-settle,
// self-pay); a held settlement or a refused cancel gets a note.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettlementRow } from '../../db';
import { counterRoute } from '../counter';
import { DiscrepancyActions, RejectedActions, type OnPrinted } from './TaskActions';
import type { ScreenProps } from '../../navigation';
import { useOperator, useStation } from '../../station';
import { openTasks } from '../../sync';
import {
  AsyncView,
  BilingualAlert,
  DataTable,
  Differences,
  formatChinaTime,
  Money,
  Panel,
  Reasons,
  StatusBadge,
  useAction,
  useLiveData,
  type Column,
} from '../../ui';

export function QueueScreen(_: ScreenProps<'queue'>) {
  const { t } = useTranslation();
  const { db } = useStation();
  const settlements = useLiveData(
    () => db.settlements.orderBy('settled_at').reverse().limit(200).toArray(),
    [db],
  );
  const tasks = useLiveData(() => openTasks(db), [db]);
  // the paper of the task just settled (it has left the list)
  const [printed, setPrinted] = useState<{ html: string; kind: string } | null>(null);
  const columns: Column<SettlementRow>[] = [
    { key: 'at', header: t('queue.settledAt'), cell: (s) => formatChinaTime(s.settled_at) },
    { key: 'name', header: t('queue.patient'), cell: (s) => s.psn_name },
    { key: 'type', header: t('queue.setlType'), cell: (s) => t(`setlType.${s.setl_type}`) },
    {
      key: 'cash',
      header: t('queue.cash'),
      cell: (s) => <Money amount={s.result.setlinfo.psn_cash_pay} />,
      numeric: true,
    },
    {
      key: 'status',
      header: t('queue.status'),
      // a discrepancy or rejection the counter dealt with keeps the platform's word, marked 已处理
      cell: (s) => (
        <>
          <StatusBadge status={s.status} />
          {s.resolved_at !== null && <span data-testid="resolved-mark">{` · ${t('queue.resolve')}`}</span>}
        </>
      ),
    },
    { key: 'setl_id', header: t('queue.setlId'), cell: (s) => s.setl_id ?? '' },
  ];
  return (
    <Panel title={t('queue.tasks')} className="queue" data-testid="queue">
      {printed && (
        <section data-testid="fix-printed">
          <iframe title={t('fix.print')} className="receipt-frame" srcDoc={printed.html} sandbox="" />
          {/* after a refund for a rejected settlement, the corrected bill is settled again at the counter */}
          {printed.kind === 'resettle' && (
            <a href={counterRoute.href()} data-testid="fix-to-counter">
              {t('fix.toCounter')}
            </a>
          )}
          <button type="button" onClick={() => setPrinted(null)}>
            {t('cancel.close')}
          </button>
        </section>
      )}
      <AsyncView state={tasks} errorTestId="tasks-error">
        {(list) =>
          list.map((s) => (
            <Task key={s.local_setl_id} task={s} onPrinted={(html, kind) => setPrinted({ html, kind })} />
          ))
        }
      </AsyncView>
      <h2>{t('queue.title')}</h2>
      <AsyncView state={settlements} errorTestId="queue-error">
        {(rows) => (
          <DataTable
            columns={columns}
            rows={rows}
            rowKey={(s) => s.local_setl_id}
            rowProps={(s) => ({ 'data-testid': 'queue-row', 'data-status': s.status })}
            empty={t('queue.empty')}
          />
        )}
      </AsyncView>
    </Panel>
  );
}

/** One discrepancy or rejection: what differs or why, and what the cashier did about it. */
function Task({ task: s, onPrinted }: { task: SettlementRow; onPrinted: OnPrinted }) {
  const { t } = useTranslation();
  const station = useStation();
  const operator = useOperator();
  const [note, setNote] = useState('');
  const resolve = useAction(() => station.settle.resolveTask(s.local_setl_id, note.trim(), operator.id));
  const answered = (s.status === 'discrepancy' || s.status === 'rejected') && s.resolved_at === null;
  if (answered)
    return (
      <div className="task" data-testid="task" data-status={s.status} data-id={s.local_setl_id}>
        <strong>{s.psn_name}</strong> · <StatusBadge status={s.status} /> · {s.local_setl_id}
        {s.status === 'discrepancy' ? (
          <DiscrepancyActions s={s} onPrinted={onPrinted} />
        ) : (
          <RejectedActions s={s} onPrinted={onPrinted} />
        )}
      </div>
    );
  return (
    <div className="task" data-testid="task" data-status={s.status}>
      <strong>{s.psn_name}</strong> · <StatusBadge status={s.status} /> · {s.local_setl_id}
      <Differences differences={s.differences} />
      <Reasons reasons={s.reasons} itemTestId="task-reason" />
      <input placeholder={t('queue.resolution')} value={note} onChange={(e) => setNote(e.target.value)} />
      <button type="button" disabled={note.trim() === '' || resolve.busy} onClick={() => resolve.run()}>
        {t('queue.resolve')}
      </button>
      {resolve.error !== null && <BilingualAlert error={resolve.error} testId="resolve-error" />}
    </div>
  );
}
