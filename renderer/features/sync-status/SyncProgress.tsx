// The pull's progress, one bar per dataset, under the status bar while it matters: during a new
// station's first sync (until every dataset has been pulled whole once) and while a large change is
// being pulled. It says whether the counter can settle yet — it can once institutions, policies,
// filings and accumulators are in, long before the catalog (pulled last; codes not yet here are asked
// of the platform when a bill is computed).
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { COUNTER_DATASETS, type DatasetName } from '../../db';
import { useStation } from '../../station';
import { DATASETS, MAX_PAGE_SIZE, type DatasetPull, type PullState } from '../../sync';

/** Shown during a first sync, or while a pull of more than a page runs. */
export function progressShown(pull: PullState | null): pull is PullState {
  if (!pull) return false;
  return (
    pull.incomplete.length > 0 ||
    Object.values(pull.datasets).some((p) => p.state === 'pulling' && (p.announced ?? 0) > MAX_PAGE_SIZE)
  );
}

/** Whole percent of the announced changes stored (100 once done, 0 before the first page). */
export function percentOf(p: DatasetPull): number {
  if (p.state === 'done') return 100;
  if (!p.announced) return 0;
  return Math.min(99, Math.floor((100 * p.stored) / p.announced));
}

function DatasetBar({ dataset, pull }: { dataset: DatasetName; pull: DatasetPull }) {
  const { t, i18n } = useTranslation();
  const n = (x: number) => x.toLocaleString(i18n.language);
  const pct = percentOf(pull);
  const label = t(`sync.dataset.${dataset}`);
  return (
    <div
      className={`sync-bar sync-bar-${pull.state}`}
      data-testid={`sync-bar-${dataset}`}
      data-state={pull.state}
    >
      <span className="sync-bar-name">{label}</span>
      <progress max={100} value={pct} aria-label={label} />
      <span className="sync-bar-figure" data-testid={`sync-bar-figure-${dataset}`}>
        {pull.state === 'failed'
          ? t('sync.progress.failed')
          : pull.state === 'waiting'
            ? t('sync.progress.waiting')
            : pull.announced === null
              ? `${pct}%`
              : t('sync.progress.rows', { pct, stored: n(pull.stored), announced: n(pull.announced) })}
      </span>
    </div>
  );
}

export function SyncProgress() {
  const { t } = useTranslation();
  const pull = useStore(useStation().sync.state, (s) => s.pull);
  if (!progressShown(pull)) return null;
  const counterReady = !COUNTER_DATASETS.some((d) => pull.incomplete.includes(d));
  return (
    <div
      className="sync-progress"
      data-testid="sync-progress"
      role="group"
      aria-label={t('sync.progress.title')}
    >
      <strong>{t('sync.progress.title')}</strong>
      <span
        className={counterReady ? 'sync-counter-ready' : 'sync-note'}
        data-testid="sync-counter-ready"
        data-ready={counterReady}
      >
        {counterReady ? t('sync.progress.counterReady') : t('sync.progress.counterWaits')}
      </span>
      {DATASETS.map((d) => (
        <DatasetBar key={d} dataset={d} pull={pull.datasets[d]} />
      ))}
    </div>
  );
}
