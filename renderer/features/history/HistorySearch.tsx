// The history's search form: react-hook-form over history-query's schema. Every field is optional;
// a date range that runs backwards, a malformed date or a control character is refused with the field
// named. The criteria go to the history store, and the list follows.
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { FormErrors } from '../../ui';
import { HISTORY_STATUSES, NO_CRITERIA, historyCriteriaSchema, type HistoryCriteria } from './history-query';
import { useHistory } from './history-store';

export function HistorySearch() {
  const { t } = useTranslation();
  const criteria = useHistory((s) => s.criteria);
  const actions = useHistory((s) => s.actions);
  const { register, handleSubmit, reset, formState } = useForm<
    z.input<typeof historyCriteriaSchema>,
    unknown,
    HistoryCriteria
  >({ resolver: zodResolver(historyCriteriaSchema), defaultValues: criteria });
  const labels = {
    name: t('history.name'),
    certno: t('history.certno'),
    encounter_no: t('history.encounter'),
    from: t('history.from'),
    to: t('history.to'),
    status: t('history.status'),
    opter: t('history.opter'),
  };
  return (
    <form
      className="history-search"
      data-testid="history-search"
      onSubmit={(e) => void handleSubmit((c) => actions.search(c))(e)}
    >
      <label>
        {labels.name}
        <input {...register('name')} data-testid="history-name" />
      </label>
      <label>
        {labels.certno}
        <input {...register('certno')} maxLength={18} data-testid="history-certno" />
      </label>
      <label>
        {labels.encounter_no}
        <input {...register('encounter_no')} data-testid="history-encounter" />
      </label>
      <label>
        {labels.from}
        <input {...register('from')} type="date" data-testid="history-from" />
      </label>
      <label>
        {labels.to}
        <input {...register('to')} type="date" data-testid="history-to" />
      </label>
      <label>
        {labels.status}
        <select {...register('status')} data-testid="history-status">
          <option value="">{t('history.anyStatus')}</option>
          {HISTORY_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {labels.opter}
        <input {...register('opter')} data-testid="history-opter" />
      </label>
      <button type="submit" className="primary" data-testid="history-submit">
        {t('history.search')}
      </button>
      <button
        type="button"
        onClick={() => {
          actions.reset();
          reset(NO_CRITERIA);
        }}
      >
        {t('history.reset')}
      </button>
      <FormErrors errors={formState.errors} labels={labels} testId="history-errors" />
    </form>
  );
}
