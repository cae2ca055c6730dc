// Typing the ID number when a card cannot be read (F2 puts the cursor here): checked with GB 11643
// (the shared check, through the form's zod schema) before anything is looked up.
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, type Ref } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Alert, splitBilingual, useBilingual } from '../../ui';
import { typedIdSchema } from './bill-inputs';

export function TypedIdForm({
  today,
  onId,
  inputRef,
  resetOn,
}: {
  today: string;
  /** a new value empties the field (a scanner's keys may have landed in it) */
  resetOn?: unknown;
  /** a valid ID number, trimmed and upper-case */
  onId: (id: string) => void;
  inputRef?: Ref<HTMLInputElement | null>;
}) {
  const { t } = useTranslation();
  const bi = useBilingual();
  const schema = useMemo(() => typedIdSchema(today), [today]);
  const { register, handleSubmit, reset, formState } = useForm<
    z.input<typeof schema>,
    unknown,
    z.output<typeof schema>
  >({ resolver: zodResolver(schema), defaultValues: { id: '' } });
  useEffect(() => reset(), [resetOn, reset]);
  const { ref, ...field } = register('id');
  const submit = handleSubmit(({ id }) => {
    reset();
    onId(id);
  });
  const error = formState.errors.id?.message;
  return (
    <>
      <form onSubmit={(e) => void submit(e)} className="typed-id">
        <label>
          {t('card.typeId')}
          <input
            {...field}
            ref={(el) => {
              ref(el);
              if (typeof inputRef === 'function') inputRef(el);
              else if (inputRef) inputRef.current = el;
            }}
            maxLength={18}
            data-testid="typed-id"
            autoComplete="off"
          />
        </label>
        <button type="submit">{t('card.lookup')}</button>
      </form>
      {error && (
        <Alert testId="typed-id-error">{t('card.invalidId', { msg: bi(splitBilingual(error)) })}</Alert>
      )}
    </>
  );
}
