// Receipts and documents in the desktop app: a hidden, script-less, sandboxed window (no preload: it
// needs no StationApi) loads the page behind the print CSP (shared/station-api PRINT_CSP, the same as
// browser mode's headless Chromium) and either prints it to PDF (webContents.printToPDF) or opens the
// system print dialog. The paper is the page's own CSS @page size (preferCSSPageSize) where it names
// one — A4 for the settlement list and the itemised bill; the receipts name none and print on the
// default sheet (renderer/documents document-css.ts; docs/documents.md, "Printing").
import { BrowserWindow } from 'electron';
import { printablePage } from '../../shared/station-api';

async function withReceiptWindow<T>(html: string, use: (win: BrowserWindow) => Promise<T>): Promise<T> {
  const win = new BrowserWindow({
    show: false,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  try {
    await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(printablePage(html))}`);
    return await use(win);
  } finally {
    win.destroy();
  }
}

export function electronPdf(html: string): Promise<Buffer> {
  return withReceiptWindow(html, (win) =>
    win.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true }),
  );
}

export function electronPrintDialog(html: string): Promise<'printed' | 'cancelled'> {
  return withReceiptWindow(
    html,
    (win) =>
      new Promise((resolve) => {
        win.webContents.print({ silent: false, printBackground: true }, (success) =>
          resolve(success ? 'printed' : 'cancelled'),
        );
      }),
  );
}
