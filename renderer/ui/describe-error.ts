// Any failure → a code and a sentence in both languages for the cashier. Typed errors carry their own
// pair (message_zh / message_en); a plain {code, zh, en} passes through; known codes without a pair get
// a sentence here; anything else says that the operation failed, with its message. Never a stack trace.
import { REJECTION_CODES } from '../../shared/protocol';
import { REFUSAL_MESSAGES } from '../../shared/settlement';
import type { Reason } from '../db';
import { en } from '../i18n/en';
import { zh } from '../i18n/zh';
import type { BilingualText } from './bilingual-text';

export interface DescribedError extends BilingualText {
  code: string | null;
}

const KNOWN: Record<string, BilingualText> = {
  PERSON_NOT_FOUND: {
    zh: '本地没有此人的备案或参保信息',
    en: 'No filing or insurance data for this person on the station',
  },
  NO_POLICY: {
    zh: '本地没有参保地在结算日生效的政策：请联网同步',
    en: 'No policy of the insured place in force on the settlement date: sync first',
  },
  NO_INSUTYPE: { zh: '参保人缺少险种', en: 'The person has no insurance type' },
  INVALID_BILL: { zh: '账单不符合结算规则', en: 'The bill breaks the settlement rules' },
  NOT_SETTLED: { zh: '不能直接结算', en: 'Cannot be settled directly' },
  STALE_PREVIEW: {
    zh: '此人累计数据已变化：请重新计算',
    en: 'The person’s year-to-date figures changed: compute again',
  },
  ALREADY_SETTLED: { zh: '此就诊已结算过', en: 'This encounter is already settled' },
  QUOTA_EXCEEDED: { zh: '磁盘空间不足，未写入任何数据', en: 'Disk full: nothing was written' },
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
