// Receipts as PDF files in the station's receipts folder. How the PDF is drawn depends on the host
// (Electron's printToPDF in main, headless Chromium in the agent), so it comes in as `renderPdf`;
// this module owns naming, size limits and atomic writes so a half-written receipt never exists.
import fs from 'node:fs';
import path from 'node:path';
import { codedError, type MessageTable } from '../../../shared/errors';

export type RenderPdf = (html: string) => Promise<Buffer>;

export interface ReceiptPrinter {
  readonly dir: string;
  savePdf(html: string, name: string): Promise<string>;
}

export const PRINT_ERROR_MESSAGES = {
  NAME_INVALID: { zh: '收据文件名无效：{{name}}', en: 'Invalid receipt file name: {{name}}' },
  PRINT_UNAVAILABLE: {
    zh: '本机找不到可生成 PDF 的浏览器，请使用浏览器打印',
    en: 'No browser on this machine can make a PDF; print from the browser instead',
  },
  RENDER_FAILED: { zh: '收据 PDF 生成失败：{{reason}}', en: 'Receipt PDF failed: {{reason}}' },
} as const satisfies MessageTable<string>;

/** PRINT_FAILED for a bad name or a failed render (the StationApi's code), PRINT_UNAVAILABLE when
 * nothing here can draw a PDF. */
export class PrintError extends codedError('PrintError', PRINT_ERROR_MESSAGES, {
  NAME_INVALID: 'PRINT_FAILED',
  PRINT_UNAVAILABLE: 'PRINT_UNAVAILABLE',
  RENDER_FAILED: 'PRINT_FAILED',
}) {}

const NAME = /^[A-Za-z0-9_-]{1,80}$/;

export function createReceiptPrinter(options: { dir: string; renderPdf: RenderPdf | null }): ReceiptPrinter {
  const { dir, renderPdf } = options;
  return {
    dir,
    async savePdf(html, name) {
      // The name becomes a file name: no separators, no dots, so it cannot leave the folder.
      if (!NAME.test(name)) throw new PrintError('NAME_INVALID', { values: { name } });
      if (!renderPdf) {
        throw new PrintError('PRINT_UNAVAILABLE');
      }
      let pdf: Buffer;
      try {
        pdf = await renderPdf(html);
      } catch (err) {
        throw new PrintError('RENDER_FAILED', { values: { reason: (err as Error).message }, cause: err });
      }
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      const file = path.join(dir, `${name}.pdf`);
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, pdf, { mode: 0o600 });
      fs.renameSync(tmp, file);
      return file;
    },
  };
}
