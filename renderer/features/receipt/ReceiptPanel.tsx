// The receipt: printed only after the settlement is committed; says "pending confirmation" until the
// platform confirms, then shows the platform's settlement id (a live query on the settlement row).
// F7 prints, as the button says.
import { useTranslation } from 'react-i18next';
import { printReceiptWithDialog } from '../../bridge';
import { useStation } from '../../station';
import { AsyncView, BilingualAlert, Panel, StatusBadge, useAction, useHotkeys, useLiveData } from '../../ui';
import { receiptHtml } from './receipt-html';

export function ReceiptPanel({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const station = useStation();
  const row = useLiveData(() => station.db.settlements.get(id), [station.db, id]);
  const html =
    row.status === 'ok' && row.data
      ? receiptHtml(row.data, { institution: station.institutionName, lang: i18n.language })
      : null;
  const print = useAction(async () => {
    if (html) await printReceiptWithDialog(station.api, html);
  });
  useHotkeys((e) => {
    if (e.key !== 'F7' || !html) return false;
    print.run();
    return true;
  });
  return (
    <AsyncView state={row} errorTestId="receipt-error">
      {(r) =>
        r &&
        html && (
          <Panel
            title={
              <>
                {t('receipt.title')} · <StatusBadge status={r.status} testId="receipt-status" />
              </>
            }
            className="receipt-panel"
            data-testid="receipt"
            data-status={r.status}
            data-local-setl-id={r.local_setl_id}
          >
            {r.presettle?.outcome === 'offline' && (
              <div className="warn" data-testid="settled-offline" data-reason={r.presettle.reason}>
                {t('receipt.offline')}
              </div>
            )}
            {r.setl_id && (
              <div>
                {t('receipt.setlId')}: <strong data-testid="setl-id">{r.setl_id}</strong>
              </div>
            )}
            <iframe title={t('receipt.title')} className="receipt-frame" srcDoc={html} sandbox="" />
            {print.error !== null && <BilingualAlert error={print.error} testId="print-error" />}
            <div className="actions">
              <button type="button" onClick={() => print.run()} disabled={print.busy} data-testid="print">
                {t('receipt.print')}
              </button>
            </div>
          </Panel>
        )
      }
    </AsyncView>
  );
}
