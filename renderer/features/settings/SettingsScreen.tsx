// Settings (F10, administrators only): the operators — add one, disable or enable, set a new PIN
// (which also lifts a lockout) — and after how long idle the screen locks. The host refuses all of it
// to anyone but an administrator, whatever this screen shows; each change is in the audit chain.
import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { idleLockSecondsSchema, type AccountView } from '../../../shared/station-api';
import type { ScreenProps } from '../../navigation';
import { useOperator, useSession, useStation } from '../../station';
import {
  AsyncView,
  BilingualAlert,
  DataTable,
  FormErrors,
  formatChinaTime,
  Panel,
  useAction,
  useAsync,
  type Column,
} from '../../ui';
import { AddOperatorForm, ResetPinForm } from './OperatorForms';
import { settingsActions, type SettingsActions } from './settings-actions';
import { TaskAgeForm } from './TaskAgeForm';

export function SettingsScreen(_: ScreenProps<'settings'>) {
  const { t } = useTranslation();
  const station = useStation();
  const admin = useOperator();
  const actions = useMemo(() => settingsActions(station, admin.id), [station, admin.id]);
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((v) => v + 1);
  const operators = useAsync(() => actions.list(), [actions, version]);
  return (
    <Panel title={t('settings.title')} className="settings" data-testid="settings">
      <h3>{t('settings.operators')}</h3>
      <AsyncView state={operators} errorTestId="settings-error">
        {(list) => <OperatorTable list={list} actions={actions} adminId={admin.id} onChange={reload} />}
      </AsyncView>
      <h3>{t('settings.add')}</h3>
      <AddOperatorForm
        onAdd={async (a) => {
          await actions.add(a);
          reload();
        }}
      />
      <IdleLockForm actions={actions} />
      <TaskAgeForm />
    </Panel>
  );
}

function OperatorTable({
  list,
  actions,
  adminId,
  onChange,
}: {
  list: AccountView[];
  actions: SettingsActions;
  adminId: string;
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const [resetting, setResetting] = useState<string | null>(null);
  const toggle = useAction(async (a: AccountView) => {
    await actions.setDisabled(a.id, !a.disabled);
    onChange();
  });
  const columns: Column<AccountView>[] = [
    { key: 'id', header: t('settings.id'), cell: (a) => a.id },
    { key: 'name', header: t('settings.name'), cell: (a) => a.name },
    { key: 'role', header: t('settings.role'), cell: (a) => t(`role.${a.role}`) },
    {
      key: 'state',
      header: t('settings.state'),
      cell: (a) =>
        a.disabled
          ? t('settings.disabled')
          : a.lockedUntil
            ? t('settings.lockedUntil', { until: formatChinaTime(a.lockedUntil) })
            : t('settings.active'),
    },
    {
      key: 'actions',
      header: '',
      cell: (a) => (
        <>
          {a.id !== adminId && (
            <button
              type="button"
              onClick={() => toggle.run(a)}
              disabled={toggle.busy}
              data-testid={`toggle-${a.id}`}
            >
              {a.disabled ? t('settings.enable') : t('settings.disable')}
            </button>
          )}
          <button type="button" onClick={() => setResetting(a.id)} data-testid={`reset-${a.id}`}>
            {t('settings.resetPin')}
          </button>
        </>
      ),
    },
  ];
  return (
    <>
      <DataTable
        columns={columns}
        rows={list}
        rowKey={(a) => a.id}
        rowProps={(a) => ({
          'data-testid': 'operator-row',
          'data-id': a.id,
          'data-disabled': String(a.disabled),
        })}
      />
      {toggle.error !== null && <BilingualAlert error={toggle.error} testId="toggle-error" />}
      {resetting && (
        <ResetPinForm
          id={resetting}
          onCancel={() => setResetting(null)}
          onReset={async (pin) => {
            await actions.resetPin(resetting, pin);
            setResetting(null);
            onChange();
          }}
        />
      )}
    </>
  );
}

const idleSchema = z.object({ seconds: z.coerce.number<string>().pipe(idleLockSecondsSchema) });

function IdleLockForm({ actions }: { actions: SettingsActions }) {
  const { t } = useTranslation();
  const current = useSession((s) => s.idleLockSeconds);
  const [saved, setSaved] = useState(false);
  const { register, handleSubmit, formState } = useForm<
    z.input<typeof idleSchema>,
    unknown,
    z.output<typeof idleSchema>
  >({
    resolver: zodResolver(idleSchema),
    defaultValues: { seconds: String(current) },
  });
  const save = useAction(async (seconds: number) => {
    setSaved(false);
    await actions.setIdleLock(seconds);
    setSaved(true);
  });
  return (
    <form className="idle-lock" onSubmit={(e) => void handleSubmit((v) => save.run(v.seconds))(e)}>
      <label>
        {t('settings.idle')}
        <input {...register('seconds')} inputMode="numeric" data-testid="idle-seconds" />
      </label>
      <button type="submit" disabled={save.busy} data-testid="idle-save">
        {t('settings.save')}
      </button>
      {saved && (
        <span className="muted" data-testid="idle-saved">
          {t('settings.saved')}
        </span>
      )}
      <FormErrors errors={formState.errors} labels={{ seconds: t('settings.idle') }} testId="idle-errors" />
      {save.error !== null && <BilingualAlert error={save.error} testId="idle-error" />}
    </form>
  );
}
