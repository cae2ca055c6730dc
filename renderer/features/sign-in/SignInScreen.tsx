// The first thing the station shows: who is at the counter. Nothing else opens before a sign-in, and
// the account, the PIN check and the lockout are the host's (docs/shell.md, "Operators").
import { useTranslation } from 'react-i18next';
import { useSession } from '../../station';
import { Panel } from '../../ui';
import { CredentialsForm } from './CredentialsForm';

export function SignInScreen() {
  const { t } = useTranslation();
  const signIn = useSession((s) => s.actions.signIn);
  return (
    <div className="body">
      <main data-screen="sign-in">
        <Panel title={t('signIn.title')} className="sign-in" data-testid="sign-in">
          <p className="muted">{t('signIn.hint')}</p>
          <CredentialsForm
            testId="sign-in-form"
            submitLabel={t('signIn.submit')}
            onSubmit={({ operator_id, pin }) => signIn(operator_id, pin)}
          />
        </Panel>
      </main>
    </div>
  );
}
