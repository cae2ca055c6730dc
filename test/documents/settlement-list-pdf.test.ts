// The settlement list and the itemised bill printed the way the station prints them — headless
// Chromium's --print-to-pdf, as the browser-mode agent does — then read back: A4 paper, the Chinese
// text present (the fonts are there), and PNG pages in test-artifacts/documents/ to look at.
import { describe, expect, it } from 'vitest';
import { chromiumPdfRenderer, findChromium } from '../../electron/services/printing';
import { itemisedHtml, settlementListHtml } from '../../renderer/documents';
import { goldenRecords } from '../support/settlement-records';
import { hasPoppler, lookAtPdf } from './pdf';

const chromium = findChromium();
const ctx = { institutionName: '海南省人民医院', printedAt: '2025-06-30T03:00:00Z' };
/** A4 is 595.28 × 841.89 points; Chromium writes it to a hundredth (594.96 × 841.92). */
const A4 = /^59[45](\.\d+)? x 84[12](\.\d+)?$/;

describe.runIf(chromium !== null && hasPoppler())('printed documents', () => {
  const render = chromiumPdfRenderer(chromium!);

  it.each(Object.entries(goldenRecords()))(
    'the settlement list of %s is one A4 page with its sections',
    async (name, record) => {
      const pdf = lookAtPdf(await render(settlementListHtml(record, ctx)), `settlement-list-${name}`);
      expect(pdf.pageSize).toMatch(A4);
      expect(pdf.pages).toBe(1);
      for (const section of [
        '一、基本信息',
        '二、诊断与手术',
        '三、医疗收费信息',
        '四、基金支付',
        '五、个人支付',
        '六、结算信息',
      ])
        expect(pdf.text).toContain(section);
      expect(pdf.text).toContain(record.result.setlinfo.psn_cash_pay);
      expect(pdf.pngs).toHaveLength(1);
    },
    60_000,
  );

  it('the itemised bill is A4 with every line', async () => {
    const record = goldenRecords()['resident-serious-illness']!;
    const pdf = lookAtPdf(await render(itemisedHtml(record, ctx)), 'itemised-resident-serious-illness');
    expect(pdf.pageSize).toMatch(A4);
    expect(pdf.text).toContain('乙类药品');
    expect(pdf.text).toContain('138800.00');
  }, 60_000);
});
