// The receipts as printable pages, through the one renderDocument path: the same HTML goes to the
// screen preview (an iframe's srcdoc), the system print dialog and the PDF. The receipt states no
// paper size (paper 'receipt'): it prints on the counter printer's own sheet, as it always has.
import type { SettlementRow } from '../db';
import { renderDocument } from './render-document';
import { ReceiptDocument, type Reprint } from './ReceiptDocument';
import { ReversalDocument } from './ReversalDocument';

export interface ReceiptOptions {
  institution: string;
  lang: string;
  reprint?: Reprint | undefined;
}

export function receiptHtml(row: SettlementRow, opts: ReceiptOptions): string {
  return renderDocument({
    lang: opts.lang,
    title: row.local_setl_id,
    paper: 'receipt',
    body: <ReceiptDocument row={row} {...opts} />,
  });
}

/** The reversal receipt of a cancelled settlement (throws for one that is not cancelled). */
export function reversalHtml(row: SettlementRow, opts: ReceiptOptions): string {
  return renderDocument({
    lang: opts.lang,
    title: `${row.local_setl_id}-R`,
    paper: 'receipt',
    body: <ReversalDocument row={row} {...opts} />,
  });
}
