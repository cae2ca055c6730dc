// Step 2: the bill. From the hospital system's export (CSV, JSON, 2301 fee detail or XLSX, picked,
// dropped on this panel, or offered by the watched folder; errors named by row and column, nothing
// loaded while any error remains), in the demo one of the demo world's bills, and lines added by hand
// from the medical or work-injury catalog (CatalogPicker). Its inputs (encounter number, dates,
// circumstances) are BillInputsForm. Every change goes through the counter store's actions.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { BillLine } from '../../../shared/settlement';
import type { DemoBillView } from '../../../shared/station-api';
import { useStation } from '../../station';
import { Alert, Bilingual, BilingualAlert, DataTable, Money, Panel, useAsync, type Column } from '../../ui';
import { fileBytes } from './bill-import';
import { BillInbox } from './BillInbox';
import { billTotal } from './bill-total';
import { BillInputsPanel } from './BillInputsForm';
import { CatalogPicker } from './CatalogPicker';
import { EncounterSummary } from './EncounterSummary';
import { demoBillInputs, patientWho, type BillSource, type CounterState } from './counter-store';
import { useBillFile, useFileDrop } from './use-bill-file';
import { useCounter, useCounterActions } from './use-counter';

export function BillPanel() {
  const { t } = useTranslation();
  const { api } = useStation();
  const { lines, source, scheme, encounter, psn_no, certno } = useCounter(
    useShallow((s: CounterState) => ({
      lines: s.lines,
      source: s.source,
      scheme: s.scheme,
      encounter: s.encounter,
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
  const file = useBillFile();
  const [many, setMany] = useState(false);
  const pick = (f: File) => {
    setMany(false);
    file.load.run(() => fileBytes(f), { kind: 'file', name: f.name });
  };
  const drop = useFileDrop(pick, () => setMany(true));

  const loadDemo = (bill: DemoBillView) => {
    file.clear();
    actions.loadBill(demoBillInputs(bill));
  };
  const total = useMemo(() => billTotal(lines), [lines]);

  return (
    <Panel
      title={t('bill.title')}
      className={drop.dragging ? 'bill-panel dropping' : 'bill-panel'}
      data-testid="bill-panel"
      {...drop.props}
    >
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
            accept=".csv,.json,.txt,.xlsx,text/csv,application/json"
            data-testid="bill-file"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = ''; // the same file can be picked again after fixing it
              if (f) pick(f);
            }}
          />
        </label>
        <span className="muted">{file.load.busy ? t('bill.reading') : t('bill.drop')}</span>
      </div>
      <BillInbox loader={file} />
      {many && <Alert testId="bill-drop-many">{t('bill.dropOne')}</Alert>}
      {/* a station that is not a demo station has no demo bills: that is no failure */}
      {demo.status === 'error' && !isNotDemo(demo.error) && (
        <BilingualAlert error={demo.error} testId="demo-bills-error" />
      )}
      {file.load.error !== null && <BilingualAlert error={file.load.error} testId="bill-file-error" />}
      <CatalogPicker scheme={scheme} lines={lines} onAdd={actions.addLine} />
      {file.errors.length > 0 && (
        <Alert testId="bill-errors">
          {t('bill.errors', { n: file.errors.length })}
          <ul>
            {file.errors.slice(0, 20).map((e, i) => (
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
            · {t('bill.lines', { n: lines.length, sum: total })}
            <button type="button" onClick={actions.clearLines}>
              {t('bill.clear')}
            </button>
          </div>
          {encounter && <EncounterSummary encounter={encounter} />}
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
