// Step 3: the split, with every rule explained (the engine's trace), then settle. The settlement and
// its outbox entry are committed in one transaction before the receipt appears (settle-service).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SETLINFO_FIELDS } from '../../../shared/settlement';
import { pick } from '../../app/i18n';
import { useStation } from '../../app/station-context';
import { useUiStore } from '../../app/ui-store';
import { describeError } from './describe-error';

export function useReviewActions() {
  const station = useStation();
  const [error, setError] = useState<{ zh: string; en: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const compute = async () => {
    const s = useUiStore.getState();
    if (!s.card || s.lines.length === 0) return;
    setError(null);
    try {
      const preview = await station.settle.preview({
        who: s.onlinePerson ? { psn_no: s.onlinePerson.psn_no } : { certno: s.card.ssn },
        person: s.onlinePerson ?? undefined,
        scheme: s.scheme,
        setl_type: s.setlType,
        settle_date: station.today(),
        admission_date: s.admissionDate ?? undefined,
        dise_codg: s.setlType === 'chronic_outpatient' ? s.diseCodg : undefined,
        circumstances: s.circumstances,
        acct_used: s.acctUsed,
        lines: s.lines,
      });
      useUiStore.setState({ preview });
    } catch (e) {
      setError(describeError(e));
    }
  };

  const commit = async () => {
    const { preview } = useUiStore.getState();
    if (!preview || preview.result.status !== 'settled' || busy) return;
    setBusy(true);
    setError(null);
    try {
      // Placeholder until the counter asks for the hospital's encounter number (issue 10, counter UI):
      // a fresh number per commit, which no duplicate-encounter guard can match.
      const row = await station.settle.commit(preview, {
        opter: station.cashier,
        encounter_no: `UI-${crypto.randomUUID()}`,
      });
      useUiStore.setState({ receiptId: row.local_setl_id });
      void station.sync.runOnce();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  return { compute, commit, error, busy };
}

export function ReviewPanel({ actions }: { actions: ReturnType<typeof useReviewActions> }) {
  const { t, i18n } = useTranslation();
  const preview = useUiStore((s) => s.preview);
  const lang = i18n.language;
  if (!preview) {
    return actions.error ? (
      <div className="error" role="alert" data-testid="review-error">
        {pick(lang, actions.error.zh, actions.error.en)}
      </div>
    ) : null;
  }
  const { result } = preview;
  const s = result.setlinfo;
  const refused = result.status === 'refused';
  return (
    <section
      className="panel review-panel"
      aria-labelledby="review-title"
      data-testid="review"
      data-status={result.status}
    >
      <h2 id="review-title">{t('review.title')}</h2>
      <div className="big-figures">
        <div>
          <span>{t('review.total')}</span>
          <strong data-testid="medfee">{s.medfee_sumamt}</strong>
        </div>
        <div>
          <span>{t('review.fund')}</span>
          <strong data-testid="fund">{s.fund_pay_sumamt}</strong>
        </div>
        <div className="cash">
          <span>{t('review.cash')}</span>
          <strong data-testid="cash">{s.psn_cash_pay}</strong>
        </div>
      </div>
      {refused && (
        <div className="verdict verdict-no" data-testid="review-refused">
          {t('review.refused', { amount: s.psn_cash_pay })}
          {result.refusal.map((r) => (
            <div key={r.code} data-code={r.code}>
              {pick(lang, r.message, r.message_en)}
            </div>
          ))}
        </div>
      )}
      <table className="setlinfo">
        <tbody>
          {SETLINFO_FIELDS.map((f) => (
            <tr key={f}>
              <th>{t(`setlinfo.${f}`)}</th>
              <td className="num" data-field={f}>
                {s[f]}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('review.trace')}</h3>
      <ol className="trace" data-testid="trace">
        {result.trace.map((e, i) => (
          <li key={i} data-rule={e.rule}>
            {pick(lang, e.zh, e.en)}
          </li>
        ))}
      </ol>
      {actions.error && (
        <div className="error" role="alert" data-testid="review-error">
          {pick(lang, actions.error.zh, actions.error.en)}
        </div>
      )}
      <div className="actions">
        <button type="button" onClick={() => useUiStore.setState({ preview: null })}>
          {t('review.back')}
        </button>
        {!refused && (
          <button
            type="button"
            className="primary"
            onClick={() => void actions.commit()}
            disabled={actions.busy}
            data-testid="settle"
          >
            {t('review.settle')}
          </button>
        )}
      </div>
    </section>
  );
}
