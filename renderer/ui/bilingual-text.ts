// A message in both languages, and the one convention for carrying both in one string: "中文 / English",
// as the shared zod schemas and the platform's errMessage() write them. Form errors (react-hook-form
// keeps a single message per field) travel that way and are split again for display.
export interface BilingualText {
  zh: string;
  en: string;
}

const SEPARATOR = ' / ';

/** "中文 / English" → both halves; a message without the separator is the same in both languages. */
export function splitBilingual(message: string): BilingualText {
  const at = message.indexOf(SEPARATOR);
  if (at < 0) return { zh: message, en: message };
  return { zh: message.slice(0, at), en: message.slice(at + SEPARATOR.length) };
}

/** The message of a custom zod issue, so that splitBilingual() finds both halves again. */
export function bilingualMessage(zh: string, en: string): string {
  return `${zh}${SEPARATOR}${en}`;
}
