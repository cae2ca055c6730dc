// A settlement's documents as HTML, and what a screen calls to print or save them: the counter's
// receipt step, and the history screen (printSettlementList(station, local_setl_id)). Each loads the
// settlement row, renders its document with renderDocument, and hands the page to the host's print
// service: print.receiptPdf saves an A4 PDF in the receipts folder (the page's CSS @page gives the
// paper), the system dialog prints it.
import { settlementListModel, type SettlementRecord } from '../../shared/settlement-docs';
import { printReceiptWithDialog } from '../bridge';
import type { Station } from '../station';
import { isChinese, messagesFor } from '../i18n';
import { DocumentError } from './errors';
import { ItemisedDocument, MAX_ITEMISED_LINES } from './ItemisedDocument';
import { MAX_DOCUMENT_CHARS, renderDocument } from './render-document';
import { SettlementListDocument } from './SettlementListDocument';

export interface DocumentContext {
  institutionName: string;
  /** zh-CN unless asked otherwise: the national list is a Chinese document */
  lang?: string;
  /** an ISO instant (the caller's clock) */
  printedAt: string;
}

export function settlementListHtml(record: SettlementRecord, ctx: DocumentContext): string {
  const lang = ctx.lang ?? 'zh-CN';
  const m = messagesFor(lang).list;
  return renderDocument({
    lang,
    paper: 'a4',
    title: `${record.request.scheme === 'work_injury' ? m.titleWi : m.title} ${record.local_setl_id}`,
    body: (
      <SettlementListDocument
        model={settlementListModel(record)}
        lang={lang}
        institutionName={ctx.institutionName}
        printedAt={ctx.printedAt}
      />
    ),
  });
}

export function itemisedHtml(record: SettlementRecord, ctx: DocumentContext): string {
  const n = record.request.lines.length;
  if (n > MAX_ITEMISED_LINES) throw DocumentError.tooManyLines(n, MAX_ITEMISED_LINES);
  const lang = ctx.lang ?? 'zh-CN';
  const html = renderDocument({
    lang,
    paper: 'a4',
    title: `${messagesFor(lang).itemised.title} ${record.local_setl_id}`,
    body: (
      <ItemisedDocument
        record={record}
        lang={lang}
        institutionName={ctx.institutionName}
        printedAt={ctx.printedAt}
      />
    ),
  });
  if (html.length > MAX_DOCUMENT_CHARS) throw DocumentError.tooManyLines(n, MAX_ITEMISED_LINES);
  return html;
}

async function settlementRow(station: Station, local_setl_id: string): Promise<SettlementRecord> {
  const row = await station.db.settlements.get(local_setl_id);
  if (!row) throw DocumentError.notFound(local_setl_id);
  return row;
}

const contextOf = (station: Station, lang?: string): DocumentContext => ({
  institutionName: station.institutionName,
  printedAt: new Date().toISOString(),
  ...(lang ? { lang: isChinese(lang) ? 'zh-CN' : 'en' } : {}),
});

/** The settlement list of a settlement as an A4 PDF in the receipts folder (LIST-<id>.pdf), and
 * through the system print dialog when asked. */
export async function printSettlementList(
  station: Station,
  local_setl_id: string,
  opts: { dialog?: boolean; lang?: string } = {},
): Promise<{ path: string }> {
  const html = settlementListHtml(await settlementRow(station, local_setl_id), contextOf(station, opts.lang));
  const saved = await station.api.print.receiptPdf({ html, name: `LIST-${local_setl_id}` });
  if (opts.dialog) await printReceiptWithDialog(station.api, html);
  return saved;
}

/** The itemised bill of a settlement as an A4 PDF in the receipts folder (ITEMS-<id>.pdf). */
export async function printItemised(
  station: Station,
  local_setl_id: string,
  opts: { lang?: string } = {},
): Promise<{ path: string }> {
  const html = itemisedHtml(await settlementRow(station, local_setl_id), contextOf(station, opts.lang));
  return station.api.print.receiptPdf({ html, name: `ITEMS-${local_setl_id}` });
}
