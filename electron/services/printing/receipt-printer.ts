// Receipts as PDF files in the station's receipts folder. How the PDF is drawn depends on the host
// (Electron's printToPDF in main, headless Chromium in the agent), so it comes in as `renderPdf`;
// this module owns naming, size limits and atomic writes so a half-written receipt never exists.
import fs from 'node:fs';
import path from 'node:path';

export type RenderPdf = (html: string) => Promise<Buffer>;

export interface ReceiptPrinter {
  readonly dir: string;
  savePdf(html: string, name: string): Promise<string>;
}

export class PrintError extends Error {
  constructor(
    readonly code: 'PRINT_UNAVAILABLE' | 'PRINT_FAILED',
    readonly message_zh: string,
    readonly message_en: string,
  ) {
    super(message_en);
    this.name = 'PrintError';
  }
}

const NAME = /^[A-Za-z0-9_-]{1,80}$/;

export function createReceiptPrinter(options: { dir: string; renderPdf: RenderPdf | null }): ReceiptPrinter {
  const { dir, renderPdf } = options;
  return {
    dir,
    async savePdf(html, name) {
      // The name becomes a file name: no separators, no dots, so it cannot leave the folder.
      if (!NAME.test(name))
        throw new PrintError('PRINT_FAILED', `收据文件名无效：${name}`, `Invalid receipt file name: ${name}`);
      if (!renderPdf) {
        throw new PrintError(
          'PRINT_UNAVAILABLE',
          '本机找不到可生成 PDF 的浏览器，请使用浏览器打印',
          'No browser on this machine can make a PDF; print from the browser instead',
        );
      }
      let pdf: Buffer;
      try {
        pdf = await renderPdf(html);
      } catch (err) {
        throw new PrintError(
          'PRINT_FAILED',
          `收据 PDF 生成失败：${(err as Error).message}`,
          `Receipt PDF failed: ${(err as Error).message}`,
        );
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
