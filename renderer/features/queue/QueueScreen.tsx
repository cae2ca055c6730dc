// The queue: every settlement of the station with its platform status, newest first, and the tasks
// (discrepancies, rejections) a person must resolve — recorded in the audit log when resolved.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStation } from '../../app/station-context';
import { openTasks, resolveTask } from '../../sync';
import { formatChinaTime } from '../sync/format-time';

export function QueueScreen() {
  const { t } = useTranslation();
  const station = useStation();
  const settlements = useLiveQuery(
    () => station.db.settlements.orderBy('settled_at').reverse().limit(200).toArray(),
    [],
  );
  const tasks = useLiveQuery(() => openTasks(station.db), []);
  const [notes, setNotes] = useState<Record<string, string>>({});
  return (
    <section className="panel queue" aria-labelledby="queue-title" data-testid="queue">
      <h2 id="queue-title">{t('queue.tasks')}</h2>
      {(tasks ?? []).map((s) => (
        <div key={s.local_setl_id} className="task" data-testid="task" data-status={s.status}>
          <strong>{s.psn_name}</strong> · {t(`receipt.${s.status}`)} · {s.local_setl_id}
          {s.differences.length > 0 && (
            <table>
              <tbody>
                {s.differences.map((d) => (
                  <tr key={d.field}>
                    <th>{t(`setlinfo.${d.field}`, { defaultValue: d.field })}</th>
                    <td className="num">{d.station}</td>
                    <td className="num">→ {d.platform}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {s.reasons.map((r) => (
            <div key={r.code}>
              {r.code}: {r.message}
            </div>
          ))}
          <input
            placeholder={t('queue.resolution')}
            value={notes[s.local_setl_id] ?? ''}
            onChange={(e) => setNotes({ ...notes, [s.local_setl_id]: e.target.value })}
          />
          <button
            type="button"
            disabled={!notes[s.local_setl_id]}
            onClick={() =>
              void resolveTask(station.db, s.local_setl_id, notes[s.local_setl_id]!, station.cashier)
            }
          >
            {t('queue.resolve')}
          </button>
        </div>
      ))}
      <h2>{t('queue.title')}</h2>
      {settlements?.length === 0 && <p className="muted">{t('queue.empty')}</p>}
      <table className="lines">
        <tbody>
          {(settlements ?? []).map((s) => (
            <tr key={s.local_setl_id} data-testid="queue-row" data-status={s.status}>
              <td>{formatChinaTime(s.settled_at)}</td>
              <td>{s.psn_name}</td>
              <td>{t(`setlType.${s.setl_type}`)}</td>
              <td className="num">{s.result.setlinfo.psn_cash_pay}</td>
              <td className={`status status-${s.status}`}>{t(`receipt.${s.status}`)}</td>
              <td>{s.setl_id ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
