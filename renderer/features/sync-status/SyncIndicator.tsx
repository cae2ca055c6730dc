// Always visible in the header, in words: online, offline and since when, or blocked and why (the
// platform refusing this station's signature or clock, a refused message); what waits to upload and
// what is held; when data was last pulled; whether the journal can be written (without it nothing is
// settled); a button (F9) to sync now; and during a first sync, a progress bar per dataset
// (SyncProgress). It never says online while the queue is blocked.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useStation } from '../../station';
import { overdueTasks, queueStatus } from '../../sync';
import { formatAge, formatClock, useLiveData } from '../../ui';
import { SyncProgress } from './SyncProgress';

export function SyncIndicator() {
  const { t } = useTranslation();
  const { db, sync } = useStation();
  const s = useStore(sync.state);
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 5000);
    return () => clearInterval(timer);
  }, []);
  const live = useLiveData(() => queueStatus(db), [db]);
  // tasks open longer than the administrator's limit stay red until resolved (close2)
  const overdue = useLiveData(() => overdueTasks(db, now), [db, now]);
  // the indicator keeps its place while the first count loads, and says nothing it does not know
  const status = live.status === 'ok' ? live.data : null;
  const journalProblem = s.journalError
    ? t('sync.journalUnavailable', { code: s.journalError.code })
    : s.journal && !s.journal.writable
      ? t('sync.journalUnwritable', { code: s.journal.lastError?.code ?? '?' })
      : null;
  return (
    <div
      className={`sync sync-${s.connection}`}
      data-testid="sync-indicator"
      data-connection={s.connection}
      data-queued={status?.queued ?? 0}
    >
      <span className="sync-dot" aria-hidden />
      <strong>{t(`sync.${s.connection}`)}</strong>
      {s.connection === 'offline' && s.offlineSince && (
        <span data-testid="sync-offline-since">
          {t('sync.offlineSince', {
            at: formatClock(s.offlineSince),
            age: formatAge(now.getTime() - Date.parse(s.offlineSince)),
          })}
        </span>
      )}
      <span data-testid="sync-queued">{t('sync.queued', { n: status?.queued ?? 0 })}</span>
      {status?.oldest_enqueued_at && (
        <span>
          {t('sync.oldest', { age: formatAge(now.getTime() - Date.parse(status.oldest_enqueued_at)) })}
        </span>
      )}
      {(status?.held ?? 0) > 0 && (
        <span className="sync-tasks" data-testid="sync-held">
          {t('sync.held', { n: status!.held })}
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
      {overdue.status === 'ok' && overdue.data.n > 0 && (
        <span className="sync-note sync-alarm" role="alert" data-testid="sync-overdue">
          {t('fix.overdue', { n: overdue.data.n, hours: overdue.data.hours })}
        </span>
      )}
      {live.status === 'error' && (
        <span className="sync-note" role="alert" data-testid="sync-status-error">
          {t('error.failed')}
        </span>
      )}
      <button type="button" onClick={() => void sync.runOnce()} disabled={s.running} data-testid="force-sync">
        {s.running ? t('sync.running') : t('sync.force')}
      </button>
      {s.connection === 'offline' && <span className="sync-note">{t('sync.offlineNote')}</span>}
      {s.connection === 'blocked' && s.lastError && (
        <span className="sync-note sync-alarm" role="alert" data-testid="sync-blocked">
          {t('sync.blockedWhy', { code: s.lastError.code, message: s.lastError.message })}
        </span>
      )}
      {journalProblem && (
        <span className="sync-note sync-alarm" role="alert" data-testid="sync-journal">
          {journalProblem}
        </span>
      )}
      <SyncProgress />
    </div>
  );
}
