// Any failure → a code and a sentence in both languages for the cashier. Typed errors carry their own
// pair (message_zh / message_en); a plain {code, zh, en} passes through; a known code without a pair
// (an error that lost its fields on the way, e.g. through a worker) gets its sentence from the same
// tables the errors are made from (shared/errors); anything else says that the operation failed, with
// its message. Never a stack trace.
import { CardError } from '../../shared/card/errors';
import { REJECTION_CODES } from '../../shared/protocol';
import { REFUSAL_MESSAGES } from '../../shared/settlement';
import { StationDbError, type Reason } from '../db';
import { SettleServiceError } from '../settle-service/errors';
import { SyncError } from '../sync/errors';
import { en } from '../i18n/en';
import { zh } from '../i18n/zh';
import type { BilingualText } from './bilingual-text';

export interface DescribedError extends BilingualText {
  code: string | null;
}

// Later tables win where a code is in two (the counter's own wording of a settlement failure).
const KNOWN: Readonly<Record<string, BilingualText>> = {
  ...CardError.messages,
  ...SyncError.messages,
  ...StationDbError.messages,
  ...SettleServiceError.messages,
};

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  message_zh?: unknown;
  message_en?: unknown;
  zh?: unknown;
  en?: unknown;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

export function describeError(e: unknown): DescribedError {
  const x: ErrorLike = e !== null && typeof e === 'object' ? (e as ErrorLike) : { message: String(e) };
  const code = str(x.code) ?? null;
  const pairZh = str(x.message_zh) ?? str(x.zh);
  const pairEn = str(x.message_en) ?? str(x.en);
  if (pairZh && pairEn) return { code, zh: pairZh, en: pairEn };
  const message = str(x.message);
  const detail = message && message !== code ? message : undefined;
  const known = code ? KNOWN[code] : undefined;
  const base = known ?? { zh: zh.error.failed, en: en.error.failed };
  return {
    code,
    zh: detail ? `${base.zh}（${detail}）` : base.zh,
    en: detail ? `${base.en} (${detail})` : base.en,
  };
}

/** The platform's reason for a rejection, in both languages: the shared tables know the platform's
 * rejection codes and the engine's refusal codes; otherwise the platform's own message (and its
 * English, when it sent one). */
export function describeReason(r: Reason): BilingualText {
  if (Object.hasOwn(REJECTION_CODES, r.code)) {
    const [zhText, enText] = REJECTION_CODES[r.code as keyof typeof REJECTION_CODES];
    return { zh: zhText, en: enText };
  }
  if (Object.hasOwn(REFUSAL_MESSAGES, r.code))
    return REFUSAL_MESSAGES[r.code as keyof typeof REFUSAL_MESSAGES];
  return { zh: r.message, en: r.message_en ?? r.message };
}
