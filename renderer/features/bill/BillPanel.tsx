// Step 2: the bill. From the hospital system's export (CSV / JSON, errors named by row and column,
// nothing loaded while any error remains), in the demo one of the demo world's bills, and lines
// added by hand from the medical or work-injury catalog (CatalogPicker).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Decimal, formatAmount } from '../../../shared/money';
import type { DemoBillView } from '../../../shared/station-api';
import { pick } from '../../app/i18n';
import { useStation } from '../../app/station-context';
import { useUiStore } from '../../app/ui-store';
import { decodeBillFile, parseBillFile, type BillImportError } from './bill-import';
import { CatalogPicker } from './CatalogPicker';

export function BillPanel({ who }: { who: { certno?: string; psn_no?: string } }) {
  const { t, i18n } = useTranslation();
  const { api } = useStation();
  const { lines, billLabel, scheme, setlType, circumstances, acctUsed, admissionDate, diseCodg } =
    useUiStore();
  const [demoBills, setDemoBills] = useState<DemoBillView[]>([]);
  const [errors, setErrors] = useState<BillImportError[]>([]);

  useEffect(() => {
    api.demo.bills(who).then(
      (r) => setDemoBills(r.bills),
      () => setDemoBills([]),
    );
  }, [api, who.certno, who.psn_no]);

  const loadDemo = (bill: DemoBillView) => {
    setErrors([]);
    useUiStore.setState({
      lines: bill.lines,
      billLabel: pick(i18n.language, bill.label_zh, bill.label_en),
      scheme: bill.scheme,
      setlType: bill.setl_type,
      admissionDate: bill.admission_date,
      diseCodg: bill.dise_codg ?? '',
      circumstances: bill.circumstances ?? {},
      preview: null,
    });
  };
  const importFile = async (file: File) => {
    const text = decodeBillFile(new Uint8Array(await file.arrayBuffer()));
    const result = parseBillFile(file.name, text);
    setErrors(result.errors);
    if (result.errors.length === 0)
      useUiStore.setState({ lines: result.lines, billLabel: file.name, preview: null });
  };
  const total = lines.reduce((sum, l) => sum.plus(l.det_item_fee_sumamt), new Decimal(0));
  const setCircumstance = (key: 'emergency' | 'trauma' | 'trauma_commitment_signed', value: boolean) =>
    useUiStore.setState({ circumstances: { ...circumstances, [key]: value }, preview: null });

  return (
    <section className="panel bill-panel" aria-labelledby="bill-title">
      <h2 id="bill-title">{t('bill.title')}</h2>
      <div className="bill-sources">
        <span>{t('bill.demo')}</span>
        {demoBills.length === 0 && <span className="muted">{t('bill.noDemo')}</span>}
        {demoBills.map((b) => (
          <button
            key={b.bill_id}
            type="button"
            onClick={() => loadDemo(b)}
            data-testid={`demo-bill-${b.bill_id}`}
          >
            {pick(i18n.language, b.label_zh, b.label_en)}
          </button>
        ))}
        <label className="file-import">
          {t('bill.import')}
          <input
            type="file"
            accept=".csv,.json,.txt,text/csv,application/json"
            data-testid="bill-file"
            onChange={(e) => e.target.files?.[0] && void importFile(e.target.files[0])}
          />
        </label>
      </div>
      <CatalogPicker
        scheme={scheme}
        lines={lines}
        onAdd={(line) =>
          useUiStore.setState({
            lines: [...lines, line],
            billLabel: billLabel ?? t('bill.byHand'),
            preview: null,
          })
        }
      />
      {errors.length > 0 && (
        <div className="error" role="alert" data-testid="bill-errors">
          {t('bill.errors', { n: errors.length })}
          <ul>
            {errors.slice(0, 20).map((e, i) => (
              <li key={i}>{pick(i18n.language, e.message_zh, e.message_en)}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="choice-row">
        <label>
          {t('bill.admission')}
          <input
            type="date"
            value={admissionDate ?? ''}
            onChange={(e) => useUiStore.setState({ admissionDate: e.target.value || null, preview: null })}
          />
        </label>
        {setlType === 'chronic_outpatient' && (
          <label>
            {t('bill.disease')}
            <input
              value={diseCodg}
              onChange={(e) => useUiStore.setState({ diseCodg: e.target.value.trim(), preview: null })}
            />
          </label>
        )}
        {scheme === 'medical' && (
          <>
            <label>
              <input
                type="checkbox"
                checked={!!circumstances.emergency}
                onChange={(e) => setCircumstance('emergency', e.target.checked)}
              />{' '}
              {t('bill.emergency')}
            </label>
            <label>
              <input
                type="checkbox"
                checked={!!circumstances.trauma}
                onChange={(e) => setCircumstance('trauma', e.target.checked)}
              />{' '}
              {t('bill.trauma')}
            </label>
            {circumstances.trauma && (
              <label>
                <input
                  type="checkbox"
                  checked={!!circumstances.trauma_commitment_signed}
                  onChange={(e) => setCircumstance('trauma_commitment_signed', e.target.checked)}
                />{' '}
                {t('bill.commitment')}
              </label>
            )}
            <label>
              <input
                type="checkbox"
                checked={acctUsed}
                onChange={(e) => useUiStore.setState({ acctUsed: e.target.checked, preview: null })}
              />{' '}
              {t('bill.acct')}
            </label>
          </>
        )}
      </div>
      {lines.length > 0 && (
        <>
          <div className="bill-summary" data-testid="bill-summary">
            <strong>{billLabel}</strong> · {t('bill.lines', { n: lines.length, sum: formatAmount(total) })}
            <button
              type="button"
              onClick={() => useUiStore.setState({ lines: [], billLabel: null, preview: null })}
            >
              {t('bill.clear')}
            </button>
          </div>
          <table className="lines">
            <thead>
              <tr>
                <th>#</th>
                <th>{t('bill.code')}</th>
                <th>{t('bill.name')}</th>
                <th className="num">{t('bill.cnt')}</th>
                <th className="num">{t('bill.pric')}</th>
                <th className="num">{t('bill.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {lines.slice(0, 200).map((l) => (
                <tr key={l.feedetl_sn}>
                  <td>{l.feedetl_sn}</td>
                  <td>{l.med_list_codg}</td>
                  <td>{l.name}</td>
                  <td className="num">{l.cnt}</td>
                  <td className="num">{l.pric}</td>
                  <td className="num">{l.det_item_fee_sumamt}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
