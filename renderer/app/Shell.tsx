// The station's one window: the header (institution, operator, navigation from the screen registry,
// language, sync indicator), the station's notices, the screen the route names (or the guard's refusal)
// and the demo card tray. Nobody signed in: the sign-in screen. Locked (idle, or F12): the lock screen
// instead of the screen, which keeps its state (the counter's patient stays in the counter store).
// Keys of the whole station: each screen's hotkey (F1 counter, F3 history, F6 queue …), F9 sync now,
// F12 lock; a screen's own keys are its own (the counter's F2 F4 F7 F8 Esc Enter).
import { useCallback, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DemoTray } from '../features/demo-tray/DemoTray';
import { LockScreen, SignInScreen } from '../features/sign-in';
import { SyncIndicator } from '../features/sync-status/SyncIndicator';
import { isChinese, setLanguage } from '../i18n';
import { canOpen, resolveScreen, useNavigate, usePath, type Screen } from '../navigation';
import { useSession, useStation, type Operator } from '../station';
import { BilingualAlert, Notices, Panel, useAction, useHotkeys } from '../ui';
import { useIdleLock } from './idle-lock';

export function Shell({ screens }: { screens: readonly Screen[] }) {
  const operator = useSession((s) => s.operator);
  if (!operator) return <Frame signedIn={null} />;
  return <SignedIn screens={screens} operator={operator} />;
}

function SignedIn({ screens, operator }: { screens: readonly Screen[]; operator: Operator }) {
  const { t } = useTranslation();
  const station = useStation();
  const navigate = useNavigate();
  const path = usePath();
  const { locked, idleLockSeconds, actions } = useSession((s) => s);
  const role = operator.role;
  const resolved = resolveScreen(screens, path, role);
  const nav = screens.filter((s) => s.route.bare && canOpen(s, role));
  const signOut = useAction(() => actions.signOut('sign_out'));

  const redirect = resolved.kind === 'redirect' ? resolved.href : null;
  useEffect(() => {
    if (redirect) navigate(redirect, { replace: true });
  }, [redirect, navigate]);
  const lockIdle = useCallback(() => void actions.lock('idle'), [actions]);
  useIdleLock(!locked, idleLockSeconds, lockIdle);
  useHotkeys((e) => {
    if (e.key === 'F12') {
      void actions.lock('key');
      return true;
    }
    if (locked) return false;
    if (e.key === 'F9') {
      void station.sync.runOnce();
      return true;
    }
    const target = screens.find((s) => s.hotkey === e.key);
    if (!target) return false;
    navigate(target.route.href());
    return true;
  });

  const current = resolved.kind === 'screen' || resolved.kind === 'forbidden' ? resolved.screen : null;
  return (
    <Frame
      signedIn={operator}
      nav={
        !locked && (
          <nav>
            {nav.map((s) => (
              <button
                key={s.id}
                type="button"
                className={s === current ? 'active' : ''}
                onClick={() => navigate(s.route.href())}
                data-testid={`nav-${s.id}`}
              >
                {t(s.title)}
                {s.hotkey && ` ${s.hotkey}`}
              </button>
            ))}
            <button type="button" onClick={() => void actions.lock('key')} data-testid="lock">
              {t('lock.lockNow')}
            </button>
            <button
              type="button"
              onClick={() => signOut.run()}
              disabled={signOut.busy}
              data-testid="sign-out"
            >
              {t('signIn.signOut')}
            </button>
          </nav>
        )
      }
    >
      {signOut.error !== null && <BilingualAlert error={signOut.error} testId="sign-out-error" />}
      <div className="body">
        <main data-screen={locked ? 'locked' : current?.id}>
          {locked && <LockScreen />}
          {!locked && resolved.kind === 'screen' && resolved.element}
          {!locked && resolved.kind === 'forbidden' && (
            <Panel className="forbidden" role="alert" data-testid="forbidden">
              {t('nav.forbidden', { role: t(`role.${role}`), screen: t(resolved.screen.title) })}
            </Panel>
          )}
        </main>
        {!locked && <DemoTray />}
      </div>
    </Frame>
  );
}

/** The header and notices around whatever the window shows. */
function Frame({
  signedIn,
  nav,
  children,
}: {
  signedIn: Operator | null;
  nav?: ReactNode;
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const station = useStation();
  return (
    <div className="app">
      <header className="top">
        <h1>{t('app.title')}</h1>
        <span className="institution" data-testid="institution">
          {station.institutionName} · {station.profile.fixmedins_code}
        </span>
        {signedIn && (
          <span className="muted" data-testid="operator" data-operator={signedIn.id}>
            {t('app.cashier')} {signedIn.name} {signedIn.id} ({t(`role.${signedIn.role}`)}) ·{' '}
            {t(`app.mode.${station.mode}`)}
          </span>
        )}
        {nav}
        <button
          type="button"
          onClick={() => void setLanguage(isChinese(i18n.language) ? 'en' : 'zh-CN')}
          data-testid="lang"
        >
          {t('app.lang')}
        </button>
        <SyncIndicator />
      </header>
      <Notices />
      {signedIn ? children : <SignInScreen />}
    </div>
  );
}
