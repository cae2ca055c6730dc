// The one way to show a message that arrives with both languages (refusals, trace, card warnings, coded
// errors, demo labels): <Bilingual zh en /> in markup, useBilingual() where a string is needed, and
// <BilingualAlert error /> for the error box of every screen.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isChinese } from '../i18n';
import type { BilingualText } from './bilingual-text';
import { describeError } from './describe-error';

/** Picks the half of a zh/en pair for the language on screen. */
export function useBilingual(): (text: BilingualText) => string {
  const { i18n } = useTranslation();
  const zh = isChinese(i18n.language);
  return (text) => (zh ? text.zh : text.en);
}

export function Bilingual(props: BilingualText) {
  const bi = useBilingual();
  return <>{bi(props)}</>;
}

/** The error box: the code (for the log and the help desk) and the message in the language on
 * screen. Takes any failure (describe-error.ts makes it readable) or a {code, zh, en}. */
export function BilingualAlert({
  error,
  testId,
  children,
}: {
  error: unknown;
  testId?: string;
  /** more lines under the message (a list of row errors, a retry button) */
  children?: ReactNode;
}) {
  const d = describeError(error);
  return (
    <div className="error" role="alert" data-testid={testId} data-code={d.code ?? undefined}>
      {d.code && <code className="error-code">{d.code}</code>}
      <Bilingual zh={d.zh} en={d.en} />
      {children}
    </div>
  );
}
