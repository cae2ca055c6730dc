// Cancelling a settlement (红冲): a reason from the station's list and words of one's own; when the
// rule asks for it (another operator's settlement, or an earlier day's), a supervisor approves here
// with their own PIN — the host checks it and says who approved (operators.approve) — and the cancel
// records them. The settle service checks the same rule again; the reversal receipt then shows on the
// detail and 2305 goes at once when the platform is reachable (else after its settlement, later).
import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { cancelRule } from '../../../shared/operators';
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacter } from '../../../shared/text';
import type { SettlementRow } from '../../db';
import { CANCEL_REASONS } from '../../settle-service';
import { useOperator, useSession, useStation } from '../../station';
import { BilingualAlert, FormErrors, useAction, PinInput } from '../../ui';

function cancelFormSchema(needsApproval: boolean) {
  return z
    .object({
      reason_code: z.enum(CANCEL_REASONS),
      reason_text: z
        .string()
        .trim()
        .min(1, { error: '请写明撤销原因 / say why' })
        .max(200, { error: '最多 200 个字符 / at most 200 characters' })
        .refine((v) => !hasControlCharacter(v), CONTROL_CHARACTER_MESSAGE),
      approver_id: z.string().trim().max(64),
      approver_pin: z.string().max(64),
    })
    .superRefine((v, ctx) => {
      if (!needsApproval) return;
      if (v.approver_id === '')
        ctx.addIssue({
          code: 'custom',
          path: ['approver_id'],
          message: '请主管输入工号 / the supervisor enters their id',
        });
      if (v.approver_pin === '')
        ctx.addIssue({
          code: 'custom',
          path: ['approver_pin'],
          message: '请主管输入 PIN / the supervisor enters their PIN',
        });
    });
}
type CancelForm = z.output<ReturnType<typeof cancelFormSchema>>;

export function CancelPanel({ s, onClose }: { s: SettlementRow; onClose: () => void }) {
  const { t } = useTranslation();
  const station = useStation();
  const operator = useOperator();
  const withSession = useSession((x) => x.actions.withSession);
  const rule = cancelRule(s, operator, station.today());
  const needsApproval = rule.kind === 'needs_approval';
  const schema = useMemo(() => cancelFormSchema(needsApproval), [needsApproval]);
  const { register, handleSubmit, resetField, formState } = useForm<
    z.input<typeof schema>,
    unknown,
    CancelForm
  >({
    resolver: zodResolver(schema),
    defaultValues: { reason_code: 'bill_error', reason_text: '', approver_id: '', approver_pin: '' },
  });
  const submit = useAction(async (v: CancelForm) => {
    try {
      const approval = needsApproval
        ? await withSession((session) =>
            station.api.operators.approve({
              session,
              operator_id: v.approver_id,
              pin: v.approver_pin,
              action: 'cancel',
              local_setl_id: s.local_setl_id,
            }),
          )
        : null;
      await station.settle.cancel({
        local_setl_id: s.local_setl_id,
        reason_code: v.reason_code,
        reason_text: v.reason_text,
        operator,
        approval,
        today: station.today(),
      });
    } finally {
      resetField('approver_pin');
    }
    void station.sync.runOnce(); // 2305 now, when the platform is reachable
    onClose();
  });
  if (rule.kind === 'forbidden')
    return (
      <p className="warn" data-testid="cancel-forbidden">
        {t('cancel.forbidden')}
      </p>
    );
  const labels = {
    reason_code: t('cancel.reason'),
    reason_text: t('cancel.text'),
    approver_id: t('cancel.approver'),
    approver_pin: t('cancel.approverPin'),
  };
  return (
    <form
      className="cancel-panel panel"
      data-testid="cancel-panel"
      data-rule={rule.kind}
      onSubmit={(e) => void handleSubmit((v) => submit.run(v))(e)}
    >
      <h3>{t('cancel.title')}</h3>
      <p className={needsApproval ? 'warn' : 'muted'} data-testid="cancel-rule">
        {rule.kind === 'own_same_day'
          ? t('cancel.ownSameDay')
          : rule.because === 'other_operator'
            ? t('cancel.needsApprovalOther', { opter: s.opter })
            : t('cancel.needsApprovalEarlier')}
      </p>
      <label>
        {labels.reason_code}
        <select {...register('reason_code')} data-testid="cancel-reason">
          {CANCEL_REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`cancelReason.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {labels.reason_text}
        <textarea {...register('reason_text')} placeholder={t('cancel.textHint')} data-testid="cancel-text" />
      </label>
      {needsApproval && (
        <div className="approval" data-testid="cancel-approval">
          <label>
            {labels.approver_id}
            <input {...register('approver_id')} autoComplete="off" data-testid="cancel-approver" />
          </label>
          <label>
            {labels.approver_pin}
            <PinInput {...register('approver_pin')} data-testid="cancel-approver-pin" />
          </label>
        </div>
      )}
      <FormErrors errors={formState.errors} labels={labels} testId="cancel-errors" />
      {submit.error !== null && <BilingualAlert error={submit.error} testId="cancel-error" />}
      <div className="actions">
        <button type="button" onClick={onClose}>
          {t('cancel.close')}
        </button>
        <button type="submit" className="primary" disabled={submit.busy} data-testid="cancel-confirm">
          {t('cancel.confirm')}
        </button>
      </div>
    </form>
  );
}
