// The documents of a settlement as the cashier gets them after settling: the settlement list saved as
// a PDF by the host's print service (the page it is given is the A4 list), the itemised bill, and a
// settlement that is not on the station refused in words.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { goldenRecords, settlementRow } from '../../test/support/settlement-records';
import { testStation, type TestStation } from '../../test/support/test-station';
import { StationContext } from '../station';
import { SettlementDocuments } from './SettlementDocuments';

let ts: TestStation;
afterEach(() => ts.close());

async function show(id: string) {
  const printed: { html: string; name: string }[] = [];
  ts = await testStation({
    answers: {
      'print.receiptPdf': (input: { html: string; name: string }) => {
        printed.push(input);
        return { path: `/station/receipts/${input.name}.pdf` };
      },
    },
  });
  const record = goldenRecords()['medical-inpatient']!;
  const row = settlementRow(record, { local_setl_id: 'S-LIST-1', status: 'confirmed' });
  await ts.db.settlements.add(row);
  render(
    <StationContext.Provider value={ts.station}>
      <SettlementDocuments id={id} />
    </StationContext.Provider>,
  );
  return printed;
}

describe('a settlement’s documents', () => {
  it('saves the settlement list and the itemised bill as PDFs through the print service', async () => {
    const printed = await show('S-LIST-1');
    const user = userEvent.setup();
    await user.click(screen.getByTestId('print-list'));
    expect((await screen.findByTestId('document-saved')).textContent).toBe(
      '已保存：/station/receipts/LIST-S-LIST-1.pdf',
    );
    expect(printed[0]!.name).toBe('LIST-S-LIST-1');
    expect(printed[0]!.html).toContain('医疗保障基金结算清单');
    expect(printed[0]!.html).toContain('@page{size:A4');
    await user.click(screen.getByTestId('print-itemised'));
    await screen.findByText('已保存：/station/receipts/ITEMS-S-LIST-1.pdf');
    expect(printed[1]!.html).toContain('费用明细清单');
  });

  it('says so when the settlement is not on this station', async () => {
    await show('NO-SUCH');
    await userEvent.setup().click(screen.getByTestId('print-list'));
    expect((await screen.findByTestId('document-error')).textContent).toContain('本机没有结算 NO-SUCH');
  });
});
