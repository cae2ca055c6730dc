// Forms are react-hook-form with the zod resolver over the shared schemas; a field's error message is
// "中文 / English" (bilingual.ts), as the shared schemas write theirs. These show those errors: one
// under a field, or the list of a whole form with each field's label.
import type { ComponentProps } from 'react';
import type { FieldErrors, FieldError as HookFieldError, FieldValues } from 'react-hook-form';
import { Alert, Bilingual } from './Bilingual';
import { splitBilingual } from './bilingual-text';

/** The error of one field, or nothing. */
export function FieldError({ error, testId }: { error: HookFieldError | undefined; testId?: string }) {
  if (!error?.message) return null;
  return (
    <Alert testId={testId}>
      <Bilingual {...splitBilingual(error.message)} />
    </Alert>
  );
}

/** Every field error of a form, each named by its label ("单价：…"), in one alert. */
export function FormErrors<T extends FieldValues>({
  errors,
  labels,
  testId,
}: {
  errors: FieldErrors<T>;
  labels: Partial<Record<keyof T & string, string>>;
  testId?: string;
}) {
  const entries = (Object.keys(errors) as (keyof T & string)[]).flatMap((name) => {
    const message = (errors[name] as HookFieldError | undefined)?.message;
    return message ? [[name, message] as const] : [];
  });
  if (entries.length === 0) return null;
  return (
    <Alert testId={testId}>
      <ul>
        {entries.map(([name, message]) => (
          <li key={name}>
            {labels[name] ?? name}：<Bilingual {...splitBilingual(message)} />
          </li>
        ))}
      </ul>
    </Alert>
  );
}

/** A PIN field: never shown, never autofilled or remembered, digits on a touch keyboard. */
export function PinInput(props: Omit<ComponentProps<'input'>, 'type' | 'inputMode' | 'autoComplete'>) {
  return <input {...props} type="password" inputMode="numeric" autoComplete="off" />;
}
