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

/** The error box of every screen (role alert, styles.css .error), with an optional code. */
export function Alert({
  code,
  testId,
  children,
}: {
  code?: string | null;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <div className="error" role="alert" data-testid={testId} data-code={code ?? undefined}>
      {code && <code className="error-code">{code}</code>}
      {children}
    </div>
  );
}

/** The error box for a failure: its code (for the log and the help desk) and its message in the
 * language on screen. Takes any failure (describe-error.ts makes it readable) or a {code, zh, en}. */
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
    <Alert code={d.code} testId={testId}>
      <Bilingual zh={d.zh} en={d.en} />
      {children}
    </Alert>
  );
}
