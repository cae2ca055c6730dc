// Browser mode has no Electron to call printToPDF, but it has the Chromium that shows the app: the
// agent renders a receipt with that binary headless (--print-to-pdf). The print CSP (shared/station-api
// PRINT_CSP, the same as Electron's receipt window) stops scripts and every fetch, so the receipt HTML cannot reach the disk or the network while it is
// printed (--blink-settings=scriptEnabled=false would be simpler, but headless printing needs it on).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { printablePage } from '../../../shared/station-api';
import type { RenderPdf } from './receipt-printer';

/** Flags for headless Chromium on these machines (build-environment.md): no sandbox as root, and no
 * background networking, which a closed network answers with a storm of refused connections. */
export const HEADLESS_CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
] as const;

export function chromiumPdfRenderer(executable: string, timeoutMs = 30_000): RenderPdf {
  return async (html) => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'station-receipt-'));
    try {
      const page = path.join(work, 'receipt.html');
      const pdf = path.join(work, 'receipt.pdf');
      fs.writeFileSync(page, printablePage(html));
      const args = [
        ...HEADLESS_CHROMIUM_FLAGS,
        `--user-data-dir=${path.join(work, 'profile')}`,
        '--no-pdf-header-footer',
        `--print-to-pdf=${pdf}`,
        pathToFileURL(page).href,
      ];
      await new Promise<void>((resolve, reject) => {
        execFile(executable, args, { timeout: timeoutMs, windowsHide: true }, (err, _stdout, stderr) => {
          if (err)
            reject(
              new Error(`chromium --print-to-pdf failed: ${err.message} ${String(stderr).slice(0, 500)}`),
            );
          else resolve();
        });
      });
      const bytes = fs.readFileSync(pdf);
      if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error('chromium produced no PDF');
      return bytes;
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  };
}
