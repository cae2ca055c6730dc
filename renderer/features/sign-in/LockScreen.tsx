// The locked screen: who locked it and since when, the same operator's PIN to unlock, or another
// operator signing in, which ends the first one's session (9002 for them, 9001 for the new one).
// What the screens hold (the counter's patient and bill) is kept either way; nothing of it is shown
// while locked.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOperator, useSession } from '../../station';
import { Panel } from '../../ui';
import { CredentialsForm } from './CredentialsForm';

export function LockScreen() {
  const { t } = useTranslation();
  const operator = useOperator();
  const lockedBy = useSession((s) => s.lockedBy);
  const actions = useSession((s) => s.actions);
  const [other, setOther] = useState(false);
  return (
    <Panel
      title={t('lock.title')}
      className="lock-screen"
      data-testid="lock-screen"
      data-locked-by={lockedBy ?? ''}
    >
      <p>{t(lockedBy === 'idle' ? 'lock.byIdle' : 'lock.byKey', { name: operator.name, id: operator.id })}</p>
      {!other ? (
        <>
          <CredentialsForm
            testId="unlock-form"
            fixedOperator={operator.id}
            submitLabel={t('lock.unlock')}
            onSubmit={({ pin }) => actions.unlock(pin)}
          />
          <button type="button" onClick={() => setOther(true)} data-testid="take-over">
            {t('lock.otherOperator')}
          </button>
        </>
      ) : (
        <>
          <p className="muted">{t('lock.takeOverHint', { id: operator.id })}</p>
          <CredentialsForm
            testId="take-over-form"
            submitLabel={t('signIn.submit')}
            onSubmit={({ operator_id, pin }) => actions.takeOver(operator_id, pin)}
          />
          <button type="button" onClick={() => setOther(false)}>
            {t('lock.back')}
          </button>
        </>
      )}
    </Panel>
  );
}
