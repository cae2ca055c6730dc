import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chromiumCandidates, chromiumPdfRenderer, createReceiptPrinter, findChromium } from './index';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'print-'));
  dirs.push(d);
  return d;
};

describe('receipt printer', () => {
  it.each(['../escape', 'a/b', 'a.pdf', '', 'x'.repeat(81)])('refuses the file name %j', async (name) => {
    const printer = createReceiptPrinter({ dir: tmp(), renderPdf: async () => Buffer.from('%PDF-1.4') });
    await expect(printer.savePdf('<p>x</p>', name)).rejects.toMatchObject({ code: 'PRINT_FAILED' });
  });

  it('says PRINT_UNAVAILABLE when the host has no PDF renderer', async () => {
    const printer = createReceiptPrinter({ dir: tmp(), renderPdf: null });
    await expect(printer.savePdf('<p>x</p>', 'r1')).rejects.toMatchObject({ code: 'PRINT_UNAVAILABLE' });
  });

  it('finds CHROME_PATH first', () => {
    expect(chromiumCandidates({ CHROME_PATH: '/opt/c/chrome' }, 'linux')[0]).toBe('/opt/c/chrome');
    expect(chromiumCandidates({}, 'linux')).toContain('/usr/bin/chromium');
  });

  const chromium = findChromium();
  // CI installs Debian's chromium (docs/build-environment); the real renderer is exercised there.
  it.runIf(chromium !== null)('renders a Chinese receipt to PDF with the real Chromium', async () => {
    const dir = tmp();
    const printer = createReceiptPrinter({ dir, renderPdf: chromiumPdfRenderer(chromium!) });
    const file = await printer.savePdf(
      '<h1>结算单</h1><p>个人自付 12.30 元</p><script>document.title="x"</script>',
      'SETL-01',
    );
    expect(file).toBe(path.join(dir, 'SETL-01.pdf'));
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(1000);
  });
});
