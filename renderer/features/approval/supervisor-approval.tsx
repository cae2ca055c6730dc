// A supervisor's approval at the counter (self-pay, a handover): their id and PIN typed in on the
// cashier's screen, checked by the host (operators.approve, which says who approved and when). The
// PIN is cleared after every attempt. The service that records the approved action checks the role
// and that nobody approves their own work.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession, useStation } from '../../station';
import { PinInput } from '../../ui';

export type ApprovalAction = 'self_pay' | 'handover';

export function useSupervisorApproval(action: ApprovalAction, subject: string, testIdPrefix: string) {
  const { t } = useTranslation();
  const station = useStation();
  const withSession = useSession((x) => x.actions.withSession);
  const [approver, setApprover] = useState('');
  const [pin, setPin] = useState('');
  const approve = async () => {
    try {
      return await withSession((session) =>
        station.api.operators.approve({
          session,
          operator_id: approver.trim(),
          pin,
          action,
          local_setl_id: subject,
        }),
      );
    } finally {
      setPin('');
    }
  };
  const fields = (
    <>
      <label>
        {t('fix.approver')}
        <input
          value={approver}
          onChange={(e) => setApprover(e.target.value)}
          autoComplete="off"
          data-testid={`${testIdPrefix}-approver`}
        />
      </label>
      <label>
        {t('fix.approverPin')}
        <PinInput
          value={pin}
          onChange={(e) => setPin(e.target.value)}
          data-testid={`${testIdPrefix}-approver-pin`}
        />
      </label>
    </>
  );
  return { fields, ready: approver.trim() !== '' && pin !== '', approve };
}
