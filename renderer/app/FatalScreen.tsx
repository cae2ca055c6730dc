// Start-up failed: say what in both languages, never a stack trace. i18n may not be up yet (the
// failure can come before it), so the texts here do not depend on it.
import { en } from '../i18n/en';
import { zh } from '../i18n/zh';
import { describeError } from '../ui';

export function FatalScreen({ error }: { error: unknown }) {
  const d = describeError(error);
  return (
    <main className="fatal" role="alert" data-code={d.code ?? undefined}>
      <h1>
        {zh.fatal.title} / {en.fatal.title}
      </h1>
      <p>{d.zh}</p>
      <p lang="en">{d.en}</p>
      <p>{zh.fatal.hint}</p>
      <p lang="en">{en.fatal.hint}</p>
    </main>
  );
}
