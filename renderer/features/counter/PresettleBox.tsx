// What 2303 said on F8, before anything was committed: the station's figures and the platform's side
// by side where they differ (F8 again settles by the platform's), or the platform's refusal.
import { useTranslation } from 'react-i18next';
import type { PreSettlement, Preview } from '../../settle-service';
import { Bilingual, MoneyCell } from '../../ui';

export function PresettleBox({ presettle }: { presettle: PreSettlement<Preview> | null }) {
  const { t } = useTranslation();
  if (presettle?.kind === 'refused')
    return (
      <div className="verdict verdict-no" data-testid="presettle-refused" role="alert">
        {t('review.presettle.refused')}
        {presettle.reasons.map((r) => (
          <div key={r.code} data-code={r.code}>
            <Bilingual zh={r.message} en={r.message_en ?? r.message} />
          </div>
        ))}
      </div>
    );
  if (presettle?.kind !== 'differs') return null;
  return (
    <div className="warn presettle-differs" data-testid="presettle-differs" role="alert">
      <strong>{t('review.presettle.differs')}</strong>
      <table className="setlinfo">
        <thead>
          <tr>
            <th>{t('review.presettle.field')}</th>
            <th>{t('review.presettle.station')}</th>
            <th>{t('review.presettle.platform')}</th>
          </tr>
        </thead>
        <tbody>
          {presettle.differences.map((d) => (
            <tr key={d.field} data-field={d.field}>
              <th>{t(`setlinfo.${d.field}`)}</th>
              <MoneyCell amount={d.station} data-side="station" />
              <MoneyCell amount={d.platform} data-side="platform" />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
