// Bill files at the counter, as a cashier uses them: a national 2301 fee detail dropped on the bill
// panel (the lines, the encounter number and the encounter data load; settling keeps the encounter
// data with the settlement), a bill for someone else refused, two files at once refused, and a bill
// offered by the watched folder loaded with a click and moved to loaded/.
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { BillInboxStatus } from '../../../shared/station-api';
import { testStation, type TestStation } from '../../../test/support/test-station';
import { personTyping } from '../../../test/support/typing';
import { renderInStation } from '../../../test/support/render-screen';
import { CounterScreen } from './CounterScreen';

let ts: TestStation;
afterEach(() => ts.close());

async function show(answers: Parameters<typeof testStation>[0] = {}) {
  ts = await testStation({ today: '2026-06-30', ...answers });
  renderInStation(ts.station, <CounterScreen params={{}} />);
  const person = ts.world.people.find((p) => p.scenario === 'inpatient-direct')!.person;
  await personTyping().type(screen.getByTestId('typed-id'), `${person.certno}{Enter}`);
  // the person's lookup and the parse wait on a machine other tests load too: a patient wait
  await screen.findByTestId('person-name', {}, { timeout: 15_000 });
  return person;
}

/** The demo pneumonia bill as the hospital system's 2301 export, with the encounter data. */
function feedetail(psn_no: string): string {
  const bill = ts.world.bills.find((b) => b.bill_id === 'BILL-PNEUMONIA')!;
  return JSON.stringify({
    input: {
      feedetail: bill.lines.map((l) => ({
        feedetl_sn: l.feedetl_sn,
        mdtrt_id: 'ZY20260630777',
        psn_no,
        med_type: '21',
        fee_ocur_time: '2026-06-25 09:00:00',
        med_list_codg: l.med_list_codg,
        medins_list_codg: `HIS-${l.feedetl_sn}`,
        det_item_fee_sumamt: Number(l.det_item_fee_sumamt),
        cnt: Number(l.cnt),
        pric: Number(l.pric),
        bilg_dept_name: '呼吸内科',
        bilg_dr_name: '王明',
      })),
      encounter: {
        adm_date: '2026-06-21',
        dscg_date: '2026-06-30',
        diseinfo: [{ diag_code: 'J18.900', diag_name: '肺炎', maindiag_flag: '1' }],
      },
    },
  });
}

const drop = (files: File[]) =>
  act(() => {
    const panel = screen.getByTestId('bill-panel');
    fireEvent.dragOver(panel, { dataTransfer: { types: ['Files'], files } });
    fireEvent.drop(panel, { dataTransfer: { types: ['Files'], files } });
  });

describe('bill files at the counter', () => {
  it('loads a 2301 fee detail dropped on the bill panel, and keeps its encounter data with the settlement', async () => {
    const person = await show();
    await drop([new File([feedetail(person.psn_no)], 'his-2301.json', { type: 'application/json' })]);
    const summary = await screen.findByTestId('bill-summary', {}, { timeout: 15_000 });
    expect(summary.textContent).toContain('his-2301.json');
    expect((screen.getByTestId('mdtrt-id') as HTMLInputElement).value).toBe('ZY20260630777');
    const enc = screen.getByTestId('encounter-summary').textContent;
    expect(enc).toContain('J18.900 肺炎');
    expect(enc).toContain('呼吸内科');
    expect(enc).toContain('王明');
    fireEvent.keyDown(window, { key: 'F4' });
    await waitFor(() => expect((screen.getByTestId('settle') as HTMLButtonElement).disabled).toBe(false), {
      timeout: 15_000,
    });
    fireEvent.keyDown(window, { key: 'F8' });
    await screen.findByTestId('receipt', {}, { timeout: 15_000 });
    const [row] = await ts.db.settlements.toArray();
    expect(row!.encounter).toMatchObject({
      adm_date: '2026-06-21',
      dept_name: '呼吸内科',
      diseinfo: [{ diag_code: 'J18.900' }],
    });
    expect(row!.request.admission_date).toBe('2026-06-21');
  });

  it('refuses a bill for another person, and two files at once', async () => {
    await show();
    await drop([new File([feedetail('SOMEONE-ELSE')], 'other.json')]);
    expect((await screen.findByTestId('bill-errors', {}, { timeout: 15_000 })).textContent).toContain(
      '另一位参保人',
    );
    expect(screen.queryByTestId('bill-summary')).toBeNull();
    await drop([new File(['a'], 'a.csv'), new File(['b'], 'b.csv')]);
    expect(screen.getByTestId('bill-drop-many').textContent).toContain('一次只能导入一个文件');
  });

  it('loads a bill the watched folder offers, and moves it to loaded/', async () => {
    const csv = 'mdtrt_id,code,cnt,pric\nZY20260630888,XJ01CAA040A001,2,12.5\n';
    const b64 = btoa(String.fromCharCode(...new TextEncoder().encode(csv)));
    const archived: string[] = [];
    const status: BillInboxStatus = {
      configured: true,
      dir: '/srv/his/bills',
      files: [{ name: 'bill-888.csv', size: csv.length, modifiedAt: '2026-06-30T02:00:00.000Z' }],
      problem: null,
    };
    await show({
      answers: {
        'billInbox.list': () => status,
        'billInbox.read': () => ({ ...status.files[0]!, offset: 0, data: b64, done: true }),
        'billInbox.archive': ({ name }: { name: string }) => {
          archived.push(name);
          return { ok: true };
        },
      },
    });
    const offered = await screen.findByTestId('inbox-file', {}, { timeout: 15_000 });
    expect(offered.getAttribute('data-name')).toBe('bill-888.csv');
    await personTyping().click(offered);
    expect((await screen.findByTestId('bill-summary', {}, { timeout: 15_000 })).textContent).toContain(
      '25.00',
    );
    expect((screen.getByTestId('mdtrt-id') as HTMLInputElement).value).toBe('ZY20260630888');
    await waitFor(() => expect(archived).toEqual(['bill-888.csv']));
    // the folder's next offer arrives as an event
    act(() => ts.emit('billInbox.changed', { ...status, files: [] }));
    expect(screen.queryByTestId('inbox-file')).toBeNull();
  });
});
