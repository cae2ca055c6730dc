// The one way a printed document becomes HTML: a React element rendered with renderToStaticMarkup
// into a self-contained page (no script, styles inline, its paper size in CSS @page, which both hosts
// honour: Electron's printToPDF with preferCSSPageSize, headless Chromium's --print-to-pdf). The
// settlement list, the itemised bill and the receipts use it (docs/documents.md). React escapes every
// value, so no document builds HTML by hand.
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { fillSlots } from '../../shared/text';
import { isChinese } from '../i18n';
import { DOCUMENT_CSS, type Paper } from './document-css';

export interface DocumentPage {
  lang: string;
  title: string;
  paper: Paper;
  body: ReactElement;
}

/** The largest page print.receiptPdf accepts (its contract's html limit). */
export const MAX_DOCUMENT_CHARS = 2_000_000;

export function renderDocument(page: DocumentPage): string {
  const markup = renderToStaticMarkup(
    <html lang={isChinese(page.lang) ? 'zh-CN' : 'en'}>
      <head>
        <meta charSet="utf-8" />
        <title>{page.title}</title>
        {/* a constant of this module, not data: the one place a style sheet is written out */}
        <style dangerouslySetInnerHTML={{ __html: DOCUMENT_CSS[page.paper] }} />
      </head>
      <body className={`paper-${page.paper}`}>{page.body}</body>
    </html>,
  );
  return `<!doctype html>${markup}`;
}

/** `{{name}}` in a label replaced by its value (the tables' i18next placeholders, outside React). */
export const fill = fillSlots;
