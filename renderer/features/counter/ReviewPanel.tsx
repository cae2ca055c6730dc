// Step 3: the split, with every fund paid by name (settle/v2's fund detail), the reason an emergency
// was settled without a valid filing, the part of a stay settled in parts, and every rule explained
// (the engine's trace), then settle. The settlement and its outbox entry are committed in one
// transaction before the receipt appears (settle-service).
// Settle (F8) stays disabled, with the reason shown, until the bill has its encounter number.
// When 2303 found a difference, the panel shows the platform's figures: those are what F8 commits.
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { SETLINFO_FIELDS } from '../../../shared/settlement';
import { FeeCategoryTable } from '../../documents';
import { Bilingual, BilingualAlert, FundLines, Money, MoneyCell, Panel } from '../../ui';
import { commitCheck, type CounterState } from './counter-store';
import { PresettleBox } from './PresettleBox';
import { useCounter, useCounterActions } from './use-counter';

export function ReviewPanel() {
  const { t, i18n } = useTranslation();
  const { preview, presettle, error, busy, canCommit, blockedBy } = useCounter(
    useShallow((s: CounterState) => {
      const check = commitCheck(s);
      return {
        preview: s.preview,
        presettle: s.presettle,
        error: s.error,
        busy: s.busy,
        canCommit: check.ok,
        blockedBy: check.ok ? null : check.reason,
      };
    }),
  );
  const actions = useCounterActions();
  const errorBox = error !== null && <BilingualAlert error={error} testId="review-error" />;
  if (!preview) return errorBox || null;
  // After 2303 found a difference, what F8 commits (and the receipt prints) is the platform's
  // settlement: the big figures, the funds and the explanation show it, not the station's
  // (which stays beside it in the box above).
  const { result } = presettle?.kind === 'differs' ? presettle.preview : preview;
  const s = result.setlinfo;
  const refused = result.status === 'refused';
  return (
    <Panel
      title={t('review.title')}
      className="review-panel"
      data-testid="review"
      data-status={result.status}
    >
      <PresettleBox presettle={presettle} />
      <div className="big-figures">
        <div>
          <span>{t('review.total')}</span>
          <strong>
            <Money amount={s.medfee_sumamt} testId="medfee" />
          </strong>
        </div>
        <div>
          <span>{t('review.fund')}</span>
          <strong>
            <Money amount={s.fund_pay_sumamt} testId="fund" />
          </strong>
        </div>
        <div className="cash">
          <span>{t('review.cash')}</span>
          <strong>
            <Money amount={s.psn_cash_pay} testId="cash" />
          </strong>
        </div>
      </div>
      {result.stay_part !== undefined && (
        <div className="badge stay-part" data-testid="stay-part-badge" data-part={result.stay_part}>
          {t('review.stayPart', { part: result.stay_part })}
        </div>
      )}
      {result.emergency_waived && result.emergency_waived.length > 0 && (
        <div className="verdict verdict-waived" data-testid="emergency-waived">
          {t('review.emergencyWaived')}
          {result.emergency_waived.map((r) => (
            <div key={r.code} data-code={r.code}>
              <Bilingual zh={r.message} en={r.message_en} />
            </div>
          ))}
        </div>
      )}
      {refused && (
        <div className="verdict verdict-no" data-testid="review-refused">
          {t('review.refused', { amount: s.psn_cash_pay })}
          {result.refusal.map((r) => (
            <div key={r.code} data-code={r.code}>
              <Bilingual zh={r.message} en={r.message_en} />
            </div>
          ))}
        </div>
      )}
      {result.setldetail && <FundLines rows={result.setldetail} />}
      <table className="setlinfo">
        <tbody>
          {SETLINFO_FIELDS.map((f) => (
            <tr key={f}>
              <th>{t(`setlinfo.${f}`)}</th>
              <MoneyCell amount={s[f]} data-field={f} />
            </tr>
          ))}
        </tbody>
      </table>
      {result.chrgitm_summary && result.chrgitm_summary.length > 0 && (
        <>
          <h3>{t('review.byCategory')}</h3>
          <FeeCategoryTable rows={result.chrgitm_summary} lang={i18n.language} />
        </>
      )}
      <h3>{t('review.trace')}</h3>
      <ol className="trace" data-testid="trace">
        {result.trace.map((e, i) => (
          <li key={i} data-rule={e.rule}>
            <Bilingual zh={e.zh} en={e.en} />
          </li>
        ))}
      </ol>
      {errorBox}
      {blockedBy && (
        <div className="warn" role="status" data-testid="settle-blocked">
          {t(blockedBy)}
        </div>
      )}
      <div className="actions">
        <button type="button" onClick={actions.backToBill}>
          {t('review.back')}
        </button>
        {!refused && (
          <button
            type="button"
            className="primary"
            onClick={() => void actions.commit()}
            disabled={busy || !canCommit}
            data-testid="settle"
          >
            {presettle?.kind === 'differs' ? t('review.presettle.confirm') : t('review.settle')}
          </button>
        )}
      </div>
    </Panel>
  );
}
