// zh-CN first, English second. Every string a cashier sees is in zh.ts / en.ts; keys are typed
// (i18next.d.ts), so a misspelt or removed key fails to compile. Messages that arrive with their own
// zh/en pair (refusals, trace, coded errors) are shown with ui/Bilingual.tsx, which asks isChinese().
import i18next, { type ParseKeys } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zh, type Messages } from './zh';

export type { Messages } from './zh';
export type Language = 'zh-CN' | 'en';
/** Any key of the translation table, e.g. 'nav.counter' (for registries and notices that hold keys). */
export type TranslationKey = ParseKeys;

export const resources = { 'zh-CN': { translation: zh }, en: { translation: en } } as const;

/** The one place that decides which half of a zh/en pair a language shows. */
export function isChinese(lang: string): boolean {
  return lang.startsWith('zh');
}

/** The whole table of one language, for text built outside React (the printed receipt). */
export function messagesFor(lang: string): Messages {
  return isChinese(lang) ? zh : en;
}

export async function initI18n(lng: Language): Promise<void> {
  await i18next.use(initReactI18next).init({
    lng,
    fallbackLng: 'zh-CN',
    resources,
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
}

export async function setLanguage(lng: Language): Promise<void> {
  localStorage.setItem('station.lang', lng === 'en' ? 'en' : 'zh');
  document.documentElement.lang = lng;
  await i18next.changeLanguage(lng);
}
