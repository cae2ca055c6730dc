// The receipts printed the way the browser-mode agent prints them (headless Chromium --print-to-pdf,
// behind the print CSP) and read back: the settlement receipt with its status, masked ID number,
// figures and trace; the reversal receipt with what goes back to the patient. PNG pages are left in
// test-artifacts/documents/ to look at.
import { describe, expect, it } from 'vitest';
import { chromiumPdfRenderer, findChromium } from '../../electron/services/printing';
import { receiptHtml, reversalHtml } from '../../renderer/documents';
import type { SettlementRow } from '../../renderer/db';
import { goldenRecords, settlementRow } from '../support/settlement-records';
import { hasPoppler, lookAtPdf } from './pdf';

const chromium = findChromium();
const record = goldenRecords()['medical-inpatient']!;
const opts = { institution: '海南省人民医院', lang: 'zh-CN' };

function cancelled(row: SettlementRow): SettlementRow {
  return {
    ...row,
    status: 'cancelled',
    cancel: {
      reason_code: 'bill_error',
      reason_text: '账单录错',
      opter: 'cashier01',
      approved_by: null,
      cancelled_at: '2025-06-30T12:00:00+08:00',
      status_before: row.status,
      platform: 'pending',
      reversal: null,
      answered_at: null,
      refusal: null,
      resolved_at: null,
      resolution: null,
    },
  };
}

describe.runIf(chromium !== null && hasPoppler())('printed receipts', () => {
  const render = chromiumPdfRenderer(chromium!);

  it('the settlement receipt: status, masked ID, figures, trace, in Chinese', async () => {
    const row = settlementRow(record, { status: 'confirmed', setl_id: 'S20250630000001' });
    const pdf = lookAtPdf(await render(receiptHtml(row, opts)), 'receipt-medical-inpatient');
    expect(pdf.pages).toBeGreaterThanOrEqual(1);
    expect(pdf.text).toContain('跨省直接结算单');
    expect(pdf.text).toContain('平台已确认');
    expect(pdf.text).toContain('S20250630000001');
    expect(pdf.text).not.toContain(row.certno);
    expect(pdf.text).toContain(record.result.setlinfo.psn_cash_pay);
    expect(pdf.text).toContain('计算依据');
    expect(pdf.pngs.length).toBe(pdf.pages);
  }, 60_000);

  it('the reversal receipt: what goes back, negated amounts, the reason', async () => {
    const row = cancelled(settlementRow(record, { status: 'confirmed', setl_id: 'S20250630000001' }));
    const pdf = lookAtPdf(await render(reversalHtml(row, opts)), 'reversal-medical-inpatient');
    expect(pdf.text).toContain('结算撤销（红冲）凭证');
    expect(pdf.text).toContain('账单录错');
    expect(pdf.text).toContain(`-${record.result.setlinfo.medfee_sumamt}`);
  }, 60_000);
});
