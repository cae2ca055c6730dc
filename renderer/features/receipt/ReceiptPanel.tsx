// The receipt: printed only after the settlement is committed; says "pending confirmation" until the
// platform confirms, then shows the platform's settlement id (a live query on the settlement row).
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { printReceiptWithDialog } from '../../bridge';
import { useStation } from '../../app/station-context';
import { receiptHtml } from './receipt-html';

export function ReceiptPanel({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const station = useStation();
  const row = useLiveQuery(() => station.db.settlements.get(id), [id]);
  if (!row) return null;
  const html = receiptHtml(row, { institution: station.institutionName, lang: i18n.language });
  const print = () => void printReceiptWithDialog(station.api, html);
  return (
    <section
      className="panel receipt-panel"
      aria-labelledby="receipt-title"
      data-testid="receipt"
      data-status={row.status}
    >
      <h2 id="receipt-title">
        {t('receipt.title')} ·{' '}
        <span data-testid="receipt-status" className={`status status-${row.status}`}>
          {t(`receipt.${row.status}`)}
        </span>
      </h2>
      {row.setl_id && (
        <div>
          {t('receipt.setlId')}: <strong data-testid="setl-id">{row.setl_id}</strong>
        </div>
      )}
      <iframe title={t('receipt.title')} className="receipt-frame" srcDoc={html} sandbox="" />
      <div className="actions">
        <button type="button" onClick={print} data-testid="print">
          {t('receipt.print')}
        </button>
      </div>
    </section>
  );
}
