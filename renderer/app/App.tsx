// The station's one window: header with the sync indicator, the counter (card → person and verdict →
// bill → review → receipt) or the queue, and the demo card tray. Keyboard first: F1 counter, F2 type an
// ID number, F4 compute, F6 queue, F8 settle, F9 sync, Esc back / next person, Enter on a receipt → next.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { BillPanel } from '../features/bill/BillPanel';
import { CardPanel } from '../features/card/CardPanel';
import { DemoTray } from '../features/card/DemoTray';
import { PersonPanel } from '../features/person/PersonPanel';
import { QueueScreen } from '../features/queue/QueueScreen';
import { ReceiptPanel } from '../features/receipt/ReceiptPanel';
import { ReviewPanel, useReviewActions } from '../features/review/ReviewPanel';
import { SyncIndicator } from '../features/sync/SyncIndicator';
import { setLanguage } from './i18n';
import { useStation } from './station-context';
import { useUiStore } from './ui-store';

export function App() {
  const { t, i18n } = useTranslation();
  const station = useStation();
  const { screen, card, lines, preview, receiptId, notices } = useUiStore();
  const actions = useReviewActions();
  const hasPerson = !!card;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = useUiStore.getState();
      const handled = () => e.preventDefault();
      if (e.key === 'F1') return (handled(), useUiStore.setState({ screen: 'counter' }));
      if (e.key === 'F6') return (handled(), useUiStore.setState({ screen: 'queue' }));
      if (e.key === 'F9') return (handled(), void station.sync.runOnce());
      if (s.screen !== 'counter') return;
      if (e.key === 'F4' && s.lines.length > 0 && !s.receiptId) return (handled(), void actions.compute());
      if (e.key === 'F8' && s.preview && !s.receiptId) return (handled(), void actions.commit());
      if (e.key === 'Enter' && s.receiptId && !(e.target instanceof HTMLInputElement))
        return (handled(), s.nextPatient());
      if (e.key === 'Escape') {
        handled();
        if (s.preview && !s.receiptId) useUiStore.setState({ preview: null });
        else s.nextPatient();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [station, actions]);

  const lang = i18n.language;
  return (
    <div className="app">
      <header className="top">
        <h1>{t('app.title')}</h1>
        <span className="institution" data-testid="institution">
          {station.institutionName} · {station.profile.fixmedins_code}
        </span>
        <span className="muted">
          {t('app.cashier')} {station.cashier} · {t(`app.mode_${station.mode}`)}
        </span>
        <nav>
          <button
            type="button"
            className={screen === 'counter' ? 'active' : ''}
            onClick={() => useUiStore.setState({ screen: 'counter' })}
          >
            {t('app.counter')}
          </button>
          <button
            type="button"
            className={screen === 'queue' ? 'active' : ''}
            onClick={() => useUiStore.setState({ screen: 'queue' })}
            data-testid="nav-queue"
          >
            {t('app.queue')}
          </button>
          <button
            type="button"
            onClick={() => setLanguage(lang.startsWith('zh') ? 'en' : 'zh-CN')}
            data-testid="lang"
          >
            {t('app.lang')}
          </button>
        </nav>
        <SyncIndicator />
      </header>
      <div className="notices">
        {notices.map((n) => (
          <div key={n.id} className={`notice notice-${n.level}`} role="status">
            {t(n.key, n.params)}{' '}
            <button type="button" onClick={() => useUiStore.getState().dismiss(n.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
      <div className="body">
        <main>
          {screen === 'queue' ? (
            <QueueScreen />
          ) : receiptId ? (
            <>
              <ReceiptPanel id={receiptId} />
              <button
                type="button"
                className="primary"
                onClick={() => useUiStore.getState().nextPatient()}
                data-testid="next-patient"
              >
                {t('receipt.next')}
              </button>
            </>
          ) : (
            <>
              <div className="row">
                <CardPanel />
                <PersonPanel />
              </div>
              {hasPerson && <PersonBill />}
              {hasPerson && lines.length > 0 && !preview && (
                <button
                  type="button"
                  className="primary"
                  onClick={() => void actions.compute()}
                  data-testid="compute"
                >
                  {t('bill.review')}
                </button>
              )}
              <ReviewPanel actions={actions} />
            </>
          )}
        </main>
        <DemoTray />
      </div>
    </div>
  );
}

/** The bill panel once the person is known (the demo bills are per person). */
function PersonBill() {
  const card = useUiStore((s) => s.card);
  const onlinePerson = useUiStore((s) => s.onlinePerson);
  const station = useStation();
  const who = onlinePerson ? { psn_no: onlinePerson.psn_no } : { certno: card?.ssn ?? '' };
  return <BillPanel who={who} key={JSON.stringify(who) + station.profile.fixmedins_code} />;
}
