// Station-wide notices (a blocked database upgrade, storage not persistent …): a small store anyone may
// post to with a translation key, and the strip under the header that shows the last five.
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { TranslationKey } from '../i18n';

export interface Notice {
  id: number;
  level: 'info' | 'warn' | 'error';
  key: TranslationKey;
  params?: Record<string, string>;
}

interface NoticeState {
  notices: Notice[];
}

let nextId = 0;
export const noticeStore = createStore<NoticeState>(() => ({ notices: [] }));

export function notify(level: Notice['level'], key: TranslationKey, params?: Record<string, string>): void {
  noticeStore.setState((s) => ({ notices: [...s.notices.slice(-4), { id: ++nextId, level, key, params }] }));
}

export function dismissNotice(id: number): void {
  noticeStore.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
}

export function Notices() {
  const { t } = useTranslation();
  const notices = useStore(noticeStore, (s) => s.notices);
  return (
    <div className="notices">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.level}`} role="status">
          {t(n.key, n.params)}{' '}
          <button type="button" onClick={() => dismissNotice(n.id)} aria-label="×">
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
