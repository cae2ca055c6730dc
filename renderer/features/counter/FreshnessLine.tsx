// Whether the person's data on screen is live from the platform (read at this card read) or the
// cache's, and how old: the cashier knows what the verdict stands on (docs/sync.md).
import { useTranslation } from 'react-i18next';
import { formatChinaTime } from '../../ui';
import type { CounterState } from './counter-store';

export function FreshnessLine({ freshness }: { freshness: CounterState['freshness'] }) {
  const { t } = useTranslation();
  if (freshness === null) return null;
  if (freshness === 'checking')
    return (
      <div className="freshness" data-testid="freshness" data-source="checking" role="status">
        {t('person.fresh.checking')}
      </div>
    );
  if (freshness.source === 'live')
    return (
      <div
        className="freshness live"
        data-testid="freshness"
        data-source="live"
        data-changed={freshness.changed}
      >
        {freshness.changed > 0
          ? t('person.fresh.liveChanged', { time: formatChinaTime(freshness.at), count: freshness.changed })
          : t('person.fresh.live', { time: formatChinaTime(freshness.at) })}
      </div>
    );
  return (
    <div
      className="freshness cache warn"
      data-testid="freshness"
      data-source="cache"
      data-reason={freshness.reason}
    >
      {freshness.asOf
        ? t('person.fresh.cache', { time: formatChinaTime(freshness.asOf), reason: freshness.reason })
        : t('person.fresh.cacheNever', { reason: freshness.reason })}
    </div>
  );
}
