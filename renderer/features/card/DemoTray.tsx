// The demo card tray: the simulated reader's cards (the demo world's people), inserted with a click.
// The read then travels the real path: simulated card → APDUs → SSSE parser → card.read event.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pick } from '../../app/i18n';
import { useStation } from '../../app/station-context';

interface DemoCardView {
  card_id: string;
  label_zh: string;
  label_en: string;
  spec_version: string;
  damaged: boolean;
}

export function DemoTray() {
  const { t, i18n } = useTranslation();
  const { api } = useStation();
  const [cards, setCards] = useState<DemoCardView[]>([]);
  const [inserted, setInserted] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.card.listDemoCards().then(
      (r) => setCards(r.cards),
      () => setCards([]),
    );
    void api.card.status().then((s) => setInserted(s.demoTray?.insertedCardId ?? null));
    const offStatus = api.on('card.status', (s) => setInserted(s.demoTray?.insertedCardId ?? null));
    const offError = api.on('card.error', (e) => setError(pick(i18n.language, e.message_zh, e.message_en)));
    return () => {
      offStatus();
      offError();
    };
  }, [api, i18n.language]);

  if (cards.length === 0) return null;
  const insert = async (card_id: string) => {
    setError(null);
    if (inserted) await api.card.removeDemoCard();
    await api.card.insertDemoCard({ card_id });
  };
  return (
    <aside className="panel demo-tray" aria-labelledby="tray-title" data-testid="demo-tray">
      <h2 id="tray-title">{t('card.tray')}</h2>
      <ul>
        {cards.map((c) => (
          <li key={c.card_id} className={inserted === c.card_id ? 'inserted' : ''}>
            <button
              type="button"
              onClick={() => void insert(c.card_id)}
              data-testid={`demo-card-${c.card_id}`}
              data-label={c.label_zh}
            >
              {pick(i18n.language, c.label_zh, c.label_en)}
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
        <button type="button" onClick={() => void api.card.removeDemoCard()}>
          {t('card.remove')}
        </button>
      )}
      {error && (
        <div className="error" role="alert" data-testid="tray-error">
          {error}
        </div>
      )}
    </aside>
  );
}
