// An operator id and a PIN, the one form behind signing in, unlocking, taking over a locked screen and
// a supervisor's approval. The PIN field is a password field: never shown, never autofilled, emptied
// after every try. What the host says (wrong PIN, locked out) is shown in both languages.
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { BilingualAlert, FieldError, useAction, PinInput } from '../../ui';

const credentialsSchema = z.object({
  operator_id: z.string().trim().min(1, { error: '请输入工号 / enter the operator id' }).max(64),
  pin: z.string().min(1, { error: '请输入 PIN / enter the PIN' }).max(64),
});
export type Credentials = z.output<typeof credentialsSchema>;

export function CredentialsForm({
  onSubmit,
  submitLabel,
  fixedOperator,
  testId,
  autoFocus = true,
}: {
  onSubmit: (c: Credentials) => Promise<unknown>;
  submitLabel: string;
  /** the id is given (unlocking one's own screen): only the PIN is asked */
  fixedOperator?: string;
  testId: string;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const { register, handleSubmit, resetField, formState } = useForm<Credentials>({
    resolver: zodResolver(credentialsSchema),
    defaultValues: { operator_id: fixedOperator ?? '', pin: '' },
  });
  const action = useAction(async (c: Credentials) => {
    try {
      await onSubmit(c);
    } finally {
      resetField('pin');
    }
  });
  return (
    <form
      className="credentials"
      data-testid={testId}
      onSubmit={(e) => void handleSubmit((c) => action.run(c))(e)}
    >
      {fixedOperator === undefined && (
        <label>
          {t('signIn.operatorId')}
          <input
            {...register('operator_id')}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            autoFocus={autoFocus}
            data-testid={`${testId}-id`}
          />
        </label>
      )}
      <FieldError error={formState.errors.operator_id} />
      <label>
        {t('signIn.pin')}
        <PinInput
          {...register('pin')}
          autoFocus={autoFocus && fixedOperator !== undefined}
          data-testid={`${testId}-pin`}
        />
      </label>
      <FieldError error={formState.errors.pin} />
      <button type="submit" className="primary" disabled={action.busy} data-testid={`${testId}-submit`}>
        {submitLabel}
      </button>
      {action.error !== null && <BilingualAlert error={action.error} testId={`${testId}-error`} />}
    </form>
  );
}
