// Always visible: online or offline, what waits to upload and since when, when data was last
// pulled, and a button (F9) to sync now.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStation } from '../../app/station-context';
import { useSyncStore } from '../../app/sync-engine';
import { queueStatus } from '../../sync';
import { formatAge, formatClock } from './format-time';

export function SyncIndicator() {
  const { t } = useTranslation();
  const { db, sync } = useStation();
  const { connection, running } = useSyncStore();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 5000);
    return () => clearInterval(timer);
  }, []);
  const status = useLiveQuery(() => queueStatus(db), [db]);
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
      <button type="button" onClick={() => void sync.runOnce()} disabled={running} data-testid="force-sync">
        {running ? t('sync.running') : t('sync.force')}
      </button>
      {connection === 'offline' && <span className="sync-note">{t('sync.offlineNote')}</span>}
    </div>
  );
}
