// Step 1: the credential. A card read arrives as a StationApi event from whichever reader the host
// has; the cashier may also type the ID number (checked with GB 11643) when a card cannot be read.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { typedIdRead, type CardRead } from '../../../shared/card';
import { validateCitizenId } from '../../../shared/ids';
import { cardReadSchema, type CardReadEvent, type CardStatus } from '../../../shared/station-api';
import { useWedgeScanner, wedgeScanToRead } from '../card-wedge';
import { pick } from '../../app/i18n';
import { useStation } from '../../app/station-context';
import { useUiStore } from '../../app/ui-store';

/** A read from the page itself (typed ID, wedge scan) checked against the contract like a host event. */
function toEvent(read: CardRead): CardReadEvent {
  return cardReadSchema.parse(read);
}

export function CardPanel() {
  const { t, i18n } = useTranslation();
  const { api, today } = useStation();
  const card = useUiStore((s) => s.card);
  // Keyboard-wedge scanners type fast bursts ending in Enter: told apart from a person typing.
  useWedgeScanner((scan) => {
    setTyped('');
    useUiStore.getState().nextPatient();
    useUiStore.setState({ card: toEvent(wedgeScanToRead(scan.text, { today: today() })) });
  });
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<CardStatus['notice']>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(
    () =>
      api.on('card.read', (read) => {
        useUiStore.getState().nextPatient();
        useUiStore.setState({ card: read });
      }),
    [api],
  );
  // Device changes the cashier must know about (a reader unplugged, a 3.0 card needing a PSAM reader).
  useEffect(() => {
    void api.card.status().then(
      (s) => setNotice(s.notice ?? null),
      () => undefined,
    );
    return api.on('card.status', (s) => setNotice(s.notice ?? null));
  }, [api]);
  useEffect(() => {
    const focus = (e: KeyboardEvent) => {
      if (e.key === 'F2') {
        e.preventDefault();
        inputRef.current?.focus();
      }
    };
    window.addEventListener('keydown', focus);
    return () => window.removeEventListener('keydown', focus);
  }, []);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const id = typed.trim().toUpperCase();
    const check = validateCitizenId(id, { today: today() });
    if (!check.ok) {
      setError(t('card.invalidId', { msg: pick(i18n.language, check.message_zh, check.message_en) }));
      return;
    }
    setError(null);
    setTyped('');
    useUiStore.getState().nextPatient();
    useUiStore.setState({ card: toEvent(typedIdRead(id, { today: today() })) });
  };

  return (
    <section className="panel card-panel" aria-labelledby="card-title">
      <h2 id="card-title">{t('card.title')}</h2>
      {notice && notice.code !== 'DEVICE_CONNECTED' && (
        <div className="warn" role="status" data-testid="device-notice" data-code={notice.code}>
          {pick(i18n.language, notice.message_zh, notice.message_en)}
        </div>
      )}
      {card ? (
        <div className="card-read" data-testid="card-read">
          <div className="card-name">{card.name || card.ssn}</div>
          <div className="muted">{t('card.source', { label: card.source.label })}</div>
          {card.partial && <div className="warn">{t('card.partial')}</div>}
          {card.warnings.map((w) => (
            <div key={w.code} className="warn" data-testid="card-warning">
              {pick(i18n.language, w.message_zh, w.message_en)}
            </div>
          ))}
        </div>
      ) : (
        <p className="prompt">{t('card.read')}</p>
      )}
      <form onSubmit={submit} className="typed-id">
        <label>
          {t('card.typeId')}
          <input
            ref={inputRef}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            maxLength={18}
            data-testid="typed-id"
            autoComplete="off"
          />
        </label>
        <button type="submit">{t('card.lookup')}</button>
      </form>
      {error && (
        <div className="error" role="alert">
          {error}
        </div>
      )}
    </section>
  );
}
