// After how many hours an open task shows red on the status bar (renderer/sync/task-age.ts); the
// administrator's setting, recorded in the audit chain. Part of closing the day (close2).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOperator, useStation } from '../../station';
import { setTaskAgeLimitHours, taskAgeHoursSchema, taskAgeLimitHours } from '../../sync';
import { AsyncView, BilingualAlert, useAction, useAsync } from '../../ui';

export function TaskAgeForm() {
  const { db } = useStation();
  const current = useAsync(() => taskAgeLimitHours(db), [db]);
  return <AsyncView state={current}>{(hours) => <Form initial={hours} />}</AsyncView>;
}

function Form({ initial }: { initial: number }) {
  const { t } = useTranslation();
  const { db } = useStation();
  const operator = useOperator();
  const [value, setValue] = useState(String(initial));
  const [saved, setSaved] = useState(false);
  const parsed = taskAgeHoursSchema.safeParse(Number(value));
  const save = useAction(async () => {
    setSaved(false);
    await setTaskAgeLimitHours(db, Number(value), operator.id, new Date());
    setSaved(true);
  });
  return (
    <form
      className="task-age"
      onSubmit={(e) => {
        e.preventDefault();
        save.run();
      }}
    >
      <label>
        {t('fix.overdueSetting')}
        <input
          value={value}
          onChange={(e) => setValue(e.target.value)}
          inputMode="numeric"
          aria-invalid={!parsed.success}
          data-testid="task-age-hours"
        />
      </label>
      <button type="submit" disabled={!parsed.success || save.busy} data-testid="task-age-save">
        {t('fix.save')}
      </button>
      {saved && <span className="muted">{t('settings.saved')}</span>}
      {save.error !== null && <BilingualAlert error={save.error} testId="task-age-error" />}
    </form>
  );
}
