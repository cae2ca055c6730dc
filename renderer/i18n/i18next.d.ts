// Typed translation keys: t() accepts only keys of zh.ts (en.ts has the same by its type).
import 'i18next';
import type { Messages } from './zh';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}
