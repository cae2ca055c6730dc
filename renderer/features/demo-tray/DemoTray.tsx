// The demo card tray: the simulated reader's cards (the demo world's people), inserted with a click.
// The read then travels the real path: simulated card → APDUs → SSSE parser → card.read event. A
// station without the simulated reader lists no cards and shows no tray.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationEventPayload } from '../../../shared/station-api';
import { useStation } from '../../station';
import { Bilingual, BilingualAlert, Panel, useAction, useAsync } from '../../ui';

export function DemoTray() {
  const { t } = useTranslation();
  const { api } = useStation();
  const cards = useAsync(() => api.card.listDemoCards(), [api]);
  const [inserted, setInserted] = useState<string | null>(null);
  const [readError, setReadError] = useState<StationEventPayload<'card.error'> | null>(null);

  useEffect(() => {
    api.card.status().then(
      (s) => setInserted(s.demoTray?.insertedCardId ?? null),
      () => undefined, // the card.status events that follow say it again
    );
    const offStatus = api.on('card.status', (s) => setInserted(s.demoTray?.insertedCardId ?? null));
    const offError = api.on('card.error', (e) => setReadError(e));
    return () => {
      offStatus();
      offError();
    };
  }, [api]);

  const insert = useAction(async (card_id: string) => {
    setReadError(null);
    if (inserted) await api.card.removeDemoCard();
    await api.card.insertDemoCard({ card_id });
  });
  const remove = useAction(() => api.card.removeDemoCard());

  if (cards.status !== 'ok' || cards.data.cards.length === 0) return null;
  const failure = insert.error ?? remove.error;
  return (
    <Panel title={t('card.tray')} className="demo-tray" data-testid="demo-tray">
      <ul>
        {cards.data.cards.map((c) => (
          <li key={c.card_id} className={inserted === c.card_id ? 'inserted' : ''}>
            <button
              type="button"
              onClick={() => insert.run(c.card_id)}
              data-testid={`demo-card-${c.card_id}`}
              data-label={c.label_zh}
            >
              <Bilingual zh={c.label_zh} en={c.label_en} />
              <small>
                {' '}
                {c.spec_version}
                {c.damaged ? ` · ${t('card.damaged')}` : ''}
                {inserted === c.card_id ? ` · ${t('card.inserted')}` : ''}
              </small>
            </button>
          </li>
        ))}
      </ul>
      {inserted && (
        <button type="button" onClick={() => remove.run()}>
          {t('card.remove')}
        </button>
      )}
      {readError && <BilingualAlert error={readError} testId="tray-error" />}
      {failure !== null && <BilingualAlert error={failure} testId="tray-error" />}
    </Panel>
  );
}
