// Step 1: the credential. A card read arrives as a StationApi event from whichever reader the host
// has; a keyboard-wedge scanner types its read; the cashier may also type the ID number. Each starts a
// new patient (the counter store's startPatient).
import { useEffect, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { typedIdRead, type CardRead } from '../../../shared/card';
import { cardReadSchema, type CardReadEvent, type CardStatus } from '../../../shared/station-api';
import { useStation } from '../../station';
import { Bilingual, Panel } from '../../ui';
import { useWedgeScanner, wedgeScanToRead } from '../card-wedge';
import { TypedIdForm } from './TypedIdForm';
import { useCounter, useCounterActions } from './use-counter';

/** A read from the page itself (typed ID, wedge scan) checked against the contract like a host event. */
function toEvent(read: CardRead): CardReadEvent {
  return cardReadSchema.parse(read);
}

export function CardPanel({ typedIdRef }: { typedIdRef?: Ref<HTMLInputElement | null> }) {
  const { t } = useTranslation();
  const { api, today } = useStation();
  const card = useCounter((s) => s.card);
  const { startPatient } = useCounterActions();
  const [notice, setNotice] = useState<CardStatus['notice']>(null);

  // Keyboard-wedge scanners type fast bursts ending in Enter: told apart from a person typing.
  useWedgeScanner((scan) => void startPatient(toEvent(wedgeScanToRead(scan.text, { today: today() }))));
  useEffect(() => api.on('card.read', (read) => void startPatient(read)), [api, startPatient]);
  // Device changes the cashier must know about (a reader unplugged, a 3.0 card needing a PSAM reader).
  useEffect(() => {
    api.card.status().then(
      (s) => setNotice(s.notice ?? null),
      () => undefined, // the status events that follow say it again
    );
    return api.on('card.status', (s) => setNotice(s.notice ?? null));
  }, [api]);

  return (
    <Panel title={t('card.title')} className="card-panel">
      {notice && notice.code !== 'DEVICE_CONNECTED' && (
        <div className="warn" role="status" data-testid="device-notice" data-code={notice.code}>
          <Bilingual zh={notice.message_zh} en={notice.message_en} />
        </div>
      )}
      {card ? (
        <div className="card-read" data-testid="card-read">
          <div className="card-name">{card.name || card.ssn}</div>
          <div className="muted">{t('card.source', { label: card.source.label })}</div>
          {card.partial && <div className="warn">{t('card.partial')}</div>}
          {card.warnings.map((w) => (
            <div key={w.code} className="warn" data-testid="card-warning">
              <Bilingual zh={w.message_zh} en={w.message_en} />
            </div>
          ))}
        </div>
      ) : (
        <p className="prompt">{t('card.read')}</p>
      )}
      <TypedIdForm
        today={today()}
        inputRef={typedIdRef}
        resetOn={card}
        onId={(id) => void startPatient(toEvent(typedIdRead(id, { today: today() })))}
      />
    </Panel>
  );
}
