// The administrator's two forms: a new operator (id, name, role, first PIN) and a new PIN for one.
// Both check with the shared schemas the host checks again (shared/operators): an id of the wrong
// shape or a guessable PIN is refused here with the field named, before anything is sent.
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  newPinSchema,
  operatorIdSchema,
  operatorNameSchema,
  ROLES,
  roleSchema,
  type Role,
} from '../../../shared/operators';
import { BilingualAlert, FormErrors, useAction, PinInput } from '../../ui';

const addSchema = z.object({
  id: operatorIdSchema,
  name: operatorNameSchema,
  role: roleSchema,
  pin: newPinSchema,
});
type AddForm = z.output<typeof addSchema>;

export function AddOperatorForm({
  onAdd,
}: {
  onAdd: (a: { id: string; name: string; role: Role; pin: string }) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { register, handleSubmit, reset, formState } = useForm<z.input<typeof addSchema>, unknown, AddForm>({
    resolver: zodResolver(addSchema),
    defaultValues: { id: '', name: '', role: 'cashier', pin: '' },
  });
  const add = useAction(async (a: AddForm) => {
    await onAdd(a);
    reset();
  });
  const labels = {
    id: t('settings.id'),
    name: t('settings.name'),
    role: t('settings.role'),
    pin: t('settings.pin'),
  };
  return (
    <form
      className="add-operator"
      data-testid="add-operator"
      onSubmit={(e) => void handleSubmit((a) => add.run(a))(e)}
    >
      <label>
        {labels.id}
        <input {...register('id')} autoComplete="off" data-testid="add-id" />
      </label>
      <label>
        {labels.name}
        <input {...register('name')} autoComplete="off" data-testid="add-name" />
      </label>
      <label>
        {labels.role}
        <select {...register('role')} data-testid="add-role">
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {labels.pin}
        <PinInput {...register('pin')} data-testid="add-pin" />
      </label>
      <button type="submit" className="primary" disabled={add.busy} data-testid="add-submit">
        {t('settings.add')}
      </button>
      <FormErrors errors={formState.errors} labels={labels} testId="add-errors" />
      {add.error !== null && <BilingualAlert error={add.error} testId="add-error" />}
    </form>
  );
}

const resetSchema = z.object({ pin: newPinSchema });

export function ResetPinForm({
  id,
  onReset,
  onCancel,
}: {
  id: string;
  onReset: (pin: string) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { register, handleSubmit, formState } = useForm<
    z.input<typeof resetSchema>,
    unknown,
    z.output<typeof resetSchema>
  >({
    resolver: zodResolver(resetSchema),
    defaultValues: { pin: '' },
  });
  const reset = useAction(({ pin }: { pin: string }) => onReset(pin));
  return (
    <form
      className="reset-pin"
      data-testid="reset-pin"
      onSubmit={(e) => void handleSubmit((v) => reset.run(v))(e)}
    >
      <label>
        {id} · {t('settings.newPin')}
        <PinInput {...register('pin')} data-testid="reset-pin-input" />
      </label>
      <button type="submit" className="primary" disabled={reset.busy} data-testid="reset-pin-submit">
        {t('settings.save')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('settings.cancel')}
      </button>
      <FormErrors errors={formState.errors} labels={{ pin: t('settings.newPin') }} testId="reset-errors" />
      {reset.error !== null && <BilingualAlert error={reset.error} testId="reset-error" />}
    </form>
  );
}
