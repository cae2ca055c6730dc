// Always visible in the header: online or offline, what waits to upload and since when, when data was
// last pulled, and a button (F9) to sync now.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useStation } from '../../station';
import { queueStatus } from '../../sync';
import { formatAge, formatClock, useLiveData } from '../../ui';

export function SyncIndicator() {
  const { t } = useTranslation();
  const { db, sync } = useStation();
  const connection = useStore(sync.state, (s) => s.connection);
  const running = useStore(sync.state, (s) => s.running);
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 5000);
    return () => clearInterval(timer);
  }, []);
  const live = useLiveData(() => queueStatus(db), [db]);
  // the indicator keeps its place while the first count loads, and says nothing it does not know
  const status = live.status === 'ok' ? live.data : null;
  return (
    <div
      className={`sync sync-${connection}`}
      data-testid="sync-indicator"
      data-connection={connection}
      data-queued={status?.queued ?? 0}
    >
      <span className="sync-dot" aria-hidden />
      <strong>{t(`sync.${connection}`)}</strong>
      <span data-testid="sync-queued">{t('sync.queued', { n: status?.queued ?? 0 })}</span>
      {status?.oldest_enqueued_at && (
        <span>
          {t('sync.oldest', { age: formatAge(now.getTime() - Date.parse(status.oldest_enqueued_at)) })}
        </span>
      )}
      <span>
        {status?.last_pull_at
          ? t('sync.lastPull', { at: formatClock(status.last_pull_at) })
          : t('sync.never')}
      </span>
      {(status?.open_tasks ?? 0) > 0 && (
        <span className="sync-tasks">{t('sync.tasks', { n: status!.open_tasks })}</span>
      )}
      {live.status === 'error' && (
        <span className="sync-note" role="alert" data-testid="sync-status-error">
          {t('error.failed')}
        </span>
      )}
      <button type="button" onClick={() => void sync.runOnce()} disabled={running} data-testid="force-sync">
        {running ? t('sync.running') : t('sync.force')}
      </button>
      {connection === 'offline' && <span className="sync-note">{t('sync.offlineNote')}</span>}
    </div>
  );
}
