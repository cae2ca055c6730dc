// The documents of one settlement, for the counter's receipt step and the history screen: the
// settlement list as an A4 PDF or through the print dialog, the itemised bill as a PDF, and the
// settlement as FHIR R4. Each says where it saved the file, or why it could not.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStation } from '../station';
import { BilingualAlert, Panel, useAction } from '../ui';
import { printItemised, printSettlementList } from './documents';
import { downloadText, settlementFhir } from './exports';

export function SettlementDocuments({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const station = useStation();
  const [saved, setSaved] = useState<string | null>(null);
  const listPdf = useAction(async () => setSaved((await printSettlementList(station, id)).path));
  const listPrint = useAction(() => printSettlementList(station, id, { dialog: true }));
  const itemised = useAction(async () =>
    setSaved((await printItemised(station, id, { lang: i18n.language })).path),
  );
  const fhir = useAction(async () => downloadText(await settlementFhir(station, id)));
  const actions = [
    [listPdf, 'documents.listPdf', 'print-list'],
    [listPrint, 'documents.listPrint', 'print-list-dialog'],
    [itemised, 'documents.itemisedPdf', 'print-itemised'],
    [fhir, 'documents.fhir', 'export-fhir'],
  ] as const;
  const failed = actions.map(([a]) => a.error).find((e) => e !== null);
  return (
    <Panel title={t('documents.title')} className="settlement-documents" data-testid="settlement-documents">
      <div className="actions">
        {actions.map(([action, label, testId]) => (
          <button
            key={testId}
            type="button"
            onClick={() => action.run()}
            disabled={action.busy}
            data-testid={testId}
          >
            {t(label)}
          </button>
        ))}
      </div>
      {saved && (
        <div className="muted" data-testid="document-saved">
          {t('documents.saved', { path: saved })}
        </div>
      )}
      {failed !== undefined && <BilingualAlert error={failed} testId="document-error" />}
    </Panel>
  );
}
