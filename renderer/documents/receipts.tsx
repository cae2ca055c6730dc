// The receipts as printable pages, through the one renderDocument path: the same HTML goes to the
// screen preview (an iframe's srcdoc), the system print dialog and the PDF. The receipt states no
// paper size (paper 'receipt'): it prints on the counter printer's own sheet, as it always has.
import type { SettlementRow } from '../db';
import { renderDocument } from './render-document';
import { ReceiptDocument, type Reprint } from './ReceiptDocument';
import { ReversalDocument } from './ReversalDocument';
import { CorrectionDocument, SelfPayNoteDocument } from './CorrectionDocument';

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

/** The paper of a task settled at the counter: the correction receipt, or for a rejection converted
 * to self-pay the note the patient takes to the insured place (throws for a row not corrected). */
export function correctionHtml(row: SettlementRow, opts: Omit<ReceiptOptions, 'reprint'>): string {
  const selfPay = row.correction?.kind === 'self_pay';
  return renderDocument({
    lang: opts.lang,
    title: `${row.local_setl_id}-${selfPay ? 'SELF' : 'C'}`,
    paper: 'receipt',
    body: selfPay ? <SelfPayNoteDocument row={row} {...opts} /> : <CorrectionDocument row={row} {...opts} />,
  });
}
