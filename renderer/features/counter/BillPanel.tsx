// Step 2: the bill. From the hospital system's export (CSV / JSON, errors named by row and column,
// nothing loaded while any error remains), in the demo one of the demo world's bills, and lines
// added by hand from the medical or work-injury catalog (CatalogPicker). Its inputs (encounter number,
// dates, circumstances) are BillInputsForm. Every change goes through the counter store's actions.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { Decimal, formatAmount } from '../../../shared/money';
import type { BillLine } from '../../../shared/settlement';
import type { DemoBillView } from '../../../shared/station-api';
import { useStation } from '../../station';
import {
  Alert,
  Bilingual,
  BilingualAlert,
  DataTable,
  Money,
  Panel,
  useAction,
  useAsync,
  type Column,
} from '../../ui';
import { decodeBillFile, parseBillFile, type BillImportError } from './bill-import';
import { BillInputsPanel } from './BillInputsForm';
import { CatalogPicker } from './CatalogPicker';
import { demoBillInputs, patientWho, type BillSource, type CounterState } from './counter-store';
import { useCounter, useCounterActions } from './use-counter';

export function BillPanel() {
  const { t } = useTranslation();
  const { api } = useStation();
  const { lines, source, scheme, card, psn_no, certno } = useCounter(
    useShallow((s: CounterState) => ({
      lines: s.lines,
      source: s.source,
      scheme: s.scheme,
      card: s.card,
      ...patientWho(s),
    })),
  );
  const actions = useCounterActions();
  const columns = useLineColumns();
  const demo = useAsync(
    () => api.demo.bills(psn_no ? { psn_no } : { certno: certno ?? '' }),
    [api, psn_no, certno],
    { enabled: !!(psn_no || certno) },
  );
  const [errors, setErrors] = useState<BillImportError[]>([]);
  useEffect(() => setErrors([]), [card]);

  const loadDemo = (bill: DemoBillView) => {
    setErrors([]);
    actions.loadBill(demoBillInputs(bill));
  };
  const importFile = useAction(async (file: File) => {
    const result = parseBillFile(file.name, decodeBillFile(new Uint8Array(await file.arrayBuffer())));
    setErrors(result.errors);
    if (result.errors.length > 0) return;
    // a file without an encounter number keeps the one the cashier typed
    actions.loadBill({
      lines: result.lines,
      source: { kind: 'file', name: file.name },
      ...(result.mdtrt_id ? { mdtrtId: result.mdtrt_id } : {}),
    });
  });
  const total = lines.reduce((sum, l) => sum.plus(l.det_item_fee_sumamt), new Decimal(0));

  return (
    <Panel title={t('bill.title')} className="bill-panel">
      <div className="bill-sources">
        <span>{t('bill.demo')}</span>
        {demo.status === 'ok' && demo.data.bills.length === 0 && (
          <span className="muted">{t('bill.noDemo')}</span>
        )}
        {demo.status === 'ok' &&
          demo.data.bills.map((b) => (
            <button
              key={b.bill_id}
              type="button"
              onClick={() => loadDemo(b)}
              data-testid={`demo-bill-${b.bill_id}`}
            >
              <Bilingual zh={b.label_zh} en={b.label_en} />
            </button>
          ))}
        <label className="file-import">
          {t('bill.import')}
          <input
            type="file"
            accept=".csv,.json,.txt,text/csv,application/json"
            data-testid="bill-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) importFile.run(file);
            }}
          />
        </label>
      </div>
      {/* a station that is not a demo station has no demo bills: that is no failure */}
      {demo.status === 'error' && !isNotDemo(demo.error) && (
        <BilingualAlert error={demo.error} testId="demo-bills-error" />
      )}
      {importFile.error !== null && <BilingualAlert error={importFile.error} testId="bill-file-error" />}
      <CatalogPicker scheme={scheme} lines={lines} onAdd={actions.addLine} />
      {errors.length > 0 && (
        <Alert testId="bill-errors">
          {t('bill.errors', { n: errors.length })}
          <ul>
            {errors.slice(0, 20).map((e, i) => (
              <li key={i}>
                <Bilingual zh={e.message_zh} en={e.message_en} />
              </li>
            ))}
          </ul>
        </Alert>
      )}
      <BillInputsPanel />
      {lines.length > 0 && (
        <>
          <div className="bill-summary" data-testid="bill-summary">
            <strong>
              <SourceLabel source={source} />
            </strong>{' '}
            · {t('bill.lines', { n: lines.length, sum: formatAmount(total) })}
            <button type="button" onClick={actions.clearLines}>
              {t('bill.clear')}
            </button>
          </div>
          <DataTable columns={columns} rows={lines.slice(0, 200)} rowKey={(l) => l.feedetl_sn} />
        </>
      )}
    </Panel>
  );
}

function isNotDemo(e: unknown): boolean {
  return (e as { code?: unknown } | null)?.code === 'NOT_CONFIGURED';
}

function SourceLabel({ source }: { source: BillSource | null }) {
  const { t } = useTranslation();
  if (!source) return null;
  if (source.kind === 'demo') return <Bilingual {...source.label} />;
  if (source.kind === 'file') return <>{source.name}</>;
  return <>{t('bill.byHand')}</>;
}

function useLineColumns(): Column<BillLine>[] {
  const { t } = useTranslation();
  return [
    { key: 'sn', header: '#', cell: (l) => l.feedetl_sn },
    { key: 'code', header: t('bill.code'), cell: (l) => l.med_list_codg },
    { key: 'name', header: t('bill.name'), cell: (l) => l.name },
    { key: 'cnt', header: t('bill.cnt'), cell: (l) => l.cnt, numeric: true },
    { key: 'pric', header: t('bill.pric'), cell: (l) => l.pric, numeric: true },
    {
      key: 'amount',
      header: t('bill.amount'),
      cell: (l) => <Money amount={l.det_item_fee_sumamt} />,
      numeric: true,
    },
  ];
}
