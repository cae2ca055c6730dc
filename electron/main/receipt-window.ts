// Receipts in the desktop app: a hidden, script-less, sandboxed window loads the receipt HTML and
// either prints it to PDF (no preload: it needs no StationApi; the receipt's own CSS @page sets the
// paper, as it does in browser mode's headless Chromium) (webContents.printToPDF) or opens the system print dialog.
import { BrowserWindow } from 'electron';

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
    const page = `<!doctype html><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">${html}`;
    await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(page)}`);
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
