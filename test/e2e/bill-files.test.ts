// End to end in Debian's Chromium, as a cashier with the hospital system's files: the example XLSX
// dropped on the bill panel is read in the page's Web Worker (exceljs under the app's CSP), then a
// national 2301 fee detail of the patient's stay, with diagnoses, is dropped, settled, and its
// settlement list saved as a PDF by the station's print service — read back as an A4 page with the
// encounter's diagnosis, and turned into a PNG to look at (test-artifacts/documents/).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoWorld } from '../../shared/demo-world';
import { hasPoppler, lookAtPdf } from '../documents/pdf';
import { shot } from './browser';
import { readCard, stationPagesOfFile } from './station-page';

const SEED = 'e2e-bills';
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const world = demoWorld({ seed: SEED, today });
const pages = stationPagesOfFile(SEED, today);

/** Drops one file on the bill panel the way a file manager does (a DataTransfer holding a File). */
async function dropFile(page: Page, name: string, bytes: Buffer, type: string): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ name, data, type }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], name, { type }));
      return dt;
    },
    { name, data: bytes.toString('base64'), type },
  );
  const panel = page.getByTestId('bill-panel');
  await panel.dispatchEvent('dragover', { dataTransfer });
  await panel.dispatchEvent('drop', { dataTransfer });
}

/** The demo pneumonia stay as the hospital system's 2301 export (numbers as numbers, no names). */
function feedetail(psn_no: string): Buffer {
  const bill = world.bills.find((b) => b.bill_id === 'BILL-PNEUMONIA')!;
  const text = JSON.stringify({
    input: {
      feedetail: bill.lines.map((l) => ({
        feedetl_sn: l.feedetl_sn,
        mdtrt_id: 'ZY-E2E-2301',
        psn_no,
        med_type: '21',
        fee_ocur_time: `${bill.admission_date} 09:00:00`,
        med_list_codg: l.med_list_codg,
        medins_list_codg: `HIS-${l.feedetl_sn}`,
        det_item_fee_sumamt: Number(l.det_item_fee_sumamt),
        cnt: Number(l.cnt),
        pric: Number(l.pric),
        bilg_dept_codg: 'A03.06',
        bilg_dept_name: '呼吸内科',
        bilg_dr_codg: 'D0107',
        bilg_dr_name: '王明',
        hosp_appr_flag: '1',
        memo: '',
      })),
      encounter: {
        adm_date: bill.admission_date,
        dscg_date: today,
        diseinfo: [
          { diag_code: 'J18.900', diag_name: '肺炎', maindiag_flag: '1' },
          { diag_code: 'I10.x00', diag_name: '原发性高血压', maindiag_flag: '0' },
        ],
        oprninfo: [{ oprn_oprt_code: '33.2200', oprn_oprt_name: '纤维支气管镜检查' }],
      },
    },
  });
  return Buffer.from(text, 'utf8');
}

describe('bill files from the hospital system, in Chromium', () => {
  it('reads a dropped XLSX, settles a dropped 2301 fee detail and prints its settlement list', async () => {
    const { page } = await pages.open();
    await readCard(page, world, 'inpatient-direct');
    const psn_no = world.people.find((p) => p.scenario === 'inpatient-direct')!.person.psn_no;

    // the example spreadsheet (Chinese headers) goes through the worker and exceljs
    const xlsx = readFileSync(join(import.meta.dirname, '../../docs/examples/bill.xlsx'));
    await dropFile(
      page,
      'bill.xlsx',
      xlsx,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    await page.locator('[data-testid=bill-summary]:has-text("bill.xlsx")').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('bill-summary').textContent()).toContain('11');
    expect(await page.getByTestId('encounter-summary').textContent()).toContain('J18.900 肺炎');

    await dropFile(page, 'his-2301.json', feedetail(psn_no), 'application/json');
    await page.locator('[data-testid=bill-summary]:has-text("his-2301.json")').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('mdtrt-id').inputValue()).toBe('ZY-E2E-2301');
    expect(await page.getByTestId('encounter-summary').textContent()).toContain('呼吸内科');
    await shot(page, '20-bill-2301-dropped');

    await page.getByTestId('compute').click();
    await page.getByTestId('review').waitFor();
    expect(await page.getByTestId('fee-categories').count()).toBe(1);
    await shot(page, '21-review-by-category');
    await page.keyboard.press('F8');
    await page.locator('[data-testid=receipt][data-status=confirmed]').waitFor({ timeout: 30_000 });

    await page.getByTestId('print-list').click();
    const saved = await page.getByTestId('document-saved').textContent({ timeout: 60_000 });
    const path = saved!.replace(/^已保存：/, '');
    expect(path).toMatch(/LIST-[0-9A-Z]+\.pdf$/);
    await shot(page, '22-settlement-list-saved');
    if (hasPoppler()) {
      const pdf = lookAtPdf(readFileSync(path), 'e2e-settlement-list-2301');
      expect(pdf.pageSize).toMatch(/^59[45](\.\d+)? x 84[12](\.\d+)?$/);
      expect(pdf.text).toContain('医疗保障基金结算清单');
      expect(pdf.text).toContain('J18.900');
      expect(pdf.text).toContain('呼吸内科');
      expect(pdf.text).toContain('平台已确认');
    }
  }, 240_000);
});
