// PDFs looked at as a person would: pdfinfo for the paper, pdftoppm for PNG pages (Debian's
// poppler-utils, installed by .ci/run), kept in test-artifacts/documents/ to be opened.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const DOC_ARTIFACTS = join(import.meta.dirname, '../../test-artifacts/documents');

export const hasPoppler = (): boolean => existsSync('/usr/bin/pdftoppm') && existsSync('/usr/bin/pdfinfo');

export interface PdfFacts {
  pages: number;
  /** the first page's size in points, e.g. "595.276 x 841.89" for A4 */
  pageSize: string;
  text: string;
  pngs: string[];
}

/** Writes the PDF beside its PNG pages and reads what a reader would see. */
export function lookAtPdf(pdf: Buffer, name: string): PdfFacts {
  mkdirSync(DOC_ARTIFACTS, { recursive: true });
  const file = join(DOC_ARTIFACTS, `${name}.pdf`);
  writeFileSync(file, pdf);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  execFileSync('pdftoppm', ['-png', '-r', '80', file, join(DOC_ARTIFACTS, name)]);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  return {
    pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0),
    pageSize: /Page size:\s+([\d.]+ x [\d.]+)/.exec(info)?.[1] ?? '',
    text,
    pngs: readdirSync(DOC_ARTIFACTS)
      .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
      .map((f) => join(DOC_ARTIFACTS, f)),
  };
}
