// The station's one window: the header (institution, operator, navigation from the screen registry,
// language, sync indicator), the station's notices, the screen the route names (or the guard's refusal)
// and the demo card tray. Keys of the whole station: each screen's hotkey (F1 counter, F6 queue …) and
// F9 sync now; a screen's own keys are its own (the counter's F2 F4 F7 F8 Esc Enter).
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DemoTray } from '../features/demo-tray/DemoTray';
import { SyncIndicator } from '../features/sync-status/SyncIndicator';
import { isChinese, setLanguage } from '../i18n';
import { canOpen, resolveScreen, useNavigate, usePath, type Screen } from '../navigation';
import { useStation } from '../station';
import { Notices, Panel, useHotkeys } from '../ui';

export function Shell({ screens }: { screens: readonly Screen[] }) {
  const { t, i18n } = useTranslation();
  const station = useStation();
  const navigate = useNavigate();
  const path = usePath();
  const role = station.operator.role;
  const resolved = resolveScreen(screens, path, role);
  const nav = screens.filter((s) => s.route.bare && canOpen(s, role));

  const redirect = resolved.kind === 'redirect' ? resolved.href : null;
  useEffect(() => {
    if (redirect) navigate(redirect, { replace: true });
  }, [redirect, navigate]);
  useHotkeys((e) => {
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
    <div className="app">
      <header className="top">
        <h1>{t('app.title')}</h1>
        <span className="institution" data-testid="institution">
          {station.institutionName} · {station.profile.fixmedins_code}
        </span>
        <span className="muted" data-testid="operator">
          {t('app.cashier')} {station.operator.id} ({t(`role.${role}`)}) · {t(`app.mode.${station.mode}`)}
        </span>
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
          <button
            type="button"
            onClick={() => void setLanguage(isChinese(i18n.language) ? 'en' : 'zh-CN')}
            data-testid="lang"
          >
            {t('app.lang')}
          </button>
        </nav>
        <SyncIndicator />
      </header>
      <Notices />
      <div className="body">
        <main data-screen={current?.id}>
          {resolved.kind === 'screen' && resolved.element}
          {resolved.kind === 'forbidden' && (
            <Panel className="forbidden" role="alert" data-testid="forbidden">
              {t('nav.forbidden', { role: t(`role.${role}`), screen: t(resolved.screen.title) })}
            </Panel>
          )}
        </main>
        <DemoTray />
      </div>
    </div>
  );
}
