// The review's settle/v2 parts in happy-dom over the real settle service and a database filled from
// the demo world: every fund paid by name (统筹基金, 大病保险, 医疗救助, 工伤保险基金), the reason an
// emergency settled without a valid filing, and the part of a stay settled in parts.
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FUND_PAY_TYPES, type SetldetailRow } from '../../../shared/settlement';
import { testStation, type TestStation } from '../../../test/support/test-station';
import { personTyping } from '../../../test/support/typing';
import { renderInStation } from '../../../test/support/render-screen';
import { FundLines } from '../../ui';
import { CounterScreen } from './CounterScreen';

const TODAY = '2026-06-30';
let ts: TestStation;
beforeEach(async () => {
  ts = await testStation({ today: TODAY });
});
afterEach(() => ts.close());

function show() {
  renderInStation(ts.station, <CounterScreen params={{}} />);
}
const press = (key: string) => act(() => void fireEvent.keyDown(window, { key }));

/** Reads the card of a scenario's person (typed ID number), loads a demo bill, computes (F4). */
async function review(scenario: string, billId: string) {
  const user = personTyping();
  const person = ts.world.people.find((p) => p.scenario === scenario)!.person;
  await user.type(screen.getByTestId('typed-id'), `${person.certno}{Enter}`);
  await user.click(await screen.findByTestId(`demo-bill-${billId}`));
  press('F4');
  return screen.findByTestId('review');
}

/** The fund lines as shown: [label, amount] per row. */
function fundLines(): [string, string, string][] {
  return within(screen.getByTestId('fund-lines'))
    .getAllByRole('row')
    .map((tr) => [
      tr.getAttribute('data-fund') ?? '',
      tr.querySelector('th')?.textContent ?? '',
      tr.querySelector('td')?.textContent ?? '',
    ]);
}

describe('the review, settle/v2', () => {
  it('names every fund a resident with serious illness is paid by, with its amount', async () => {
    show();
    await review('resident-serious-illness', 'BILL-SERIOUS');
    const rows = fundLines();
    expect(rows.map(([code, label]) => [code, label])).toEqual([
      ['390100', '统筹基金'],
      ['390200', '大病保险'],
    ]);
    // the amounts are the result's; together they are the fund total shown above
    const fund = screen.getByTestId('fund').textContent!;
    const total = rows.reduce((s, [, , amount]) => s + Math.round(Number(amount) * 100), 0);
    expect(total).toBe(Math.round(Number(fund) * 100));
    expect(rows[1]![2]).toBe(
      screen.getByTestId('review').querySelector('[data-field=hifmi_pay]')!.textContent,
    );
    expect(screen.queryByTestId('emergency-waived')).toBeNull();
    expect(screen.queryByTestId('stay-part-badge')).toBeNull();
  });

  it('names medical assistance for a low-income patient, and the work-injury fund for a referral', async () => {
    show();
    await review('low-income-assistance', 'BILL-ASSIST');
    expect(fundLines().map(([, label]) => label)).toEqual(['统筹基金', '医疗救助']);
    press('Escape');
    press('Escape');
    await review('wi-referral-ending', 'BILL-WI-REFERRAL');
    expect(fundLines().map(([, label]) => label)).toEqual(['工伤保险基金']);
    // meals and transport: the trace says they go back to the insured place
    const rules = [...screen.getByTestId('trace').querySelectorAll('li')].map((li) => li.dataset.rule);
    expect(rules).toEqual(expect.arrayContaining(['MEAL_EXCLUDED', 'TRANSPORT_EXCLUDED']));
  });

  it('says why an emergency settled although its filing expired', async () => {
    show();
    await review('emergency-expired', 'BILL-EMERGENCY-EXPIRED');
    const waived = screen.getByTestId('emergency-waived');
    expect(waived.textContent).toContain('急诊视同已备案');
    expect(waived.querySelector('[data-code=FILING_EXPIRED]')).not.toBeNull();
    expect(screen.getByTestId('review').getAttribute('data-status')).toBe('settled');
  });

  it('shows the part of a stay settled in parts; part 2 follows part 1 settled here', async () => {
    const user = personTyping();
    show();
    await review('rehab-stay', 'BILL-REHAB-PART1');
    expect(screen.getByTestId('stay-part-badge').textContent).toBe('中途结算 第1段');
    press('F8');
    await screen.findByTestId('receipt');
    press('Enter');
    await review('rehab-stay', 'BILL-REHAB-PART2');
    expect(screen.getByTestId('stay-part-badge').textContent).toBe('中途结算 第2段');
    expect((screen.getByTestId('stay-part') as HTMLInputElement).value).toBe('2');
    const rules = [...screen.getByTestId('trace').querySelectorAll('li')].map((li) => li.dataset.rule);
    expect(rules).toContain('MID_STAY_PART');
    // typing another part number is a bill change: the preview goes, and part 3 does not follow part 1
    const part = screen.getByTestId('stay-part');
    await user.clear(part);
    await user.type(part, '3');
    expect(screen.queryByTestId('review')).toBeNull();
    press('F4');
    expect((await screen.findByTestId('review-error')).getAttribute('data-code')).toBe(
      'STAY_PART_OUT_OF_ORDER',
    );
    await user.clear(part);
    await user.type(part, '0');
    await user.tab();
    expect((await screen.findByTestId('stay-part-error')).textContent).toContain('中途结算段号');
  });
});

describe('FundLines', () => {
  it('labels every fund type from the one table, and says so when no fund pays', () => {
    const rows: SetldetailRow[] = (Object.keys(FUND_PAY_TYPES) as (keyof typeof FUND_PAY_TYPES)[]).map(
      (fund_pay_type, i) => ({ fund_pay_type, fund_payamt: `${i + 1}.00` }),
    );
    const { unmount } = render(<FundLines rows={rows} />);
    expect(fundLines().map(([code, label, amount]) => `${code} ${label} ${amount}`)).toEqual([
      '310100 统筹基金 1.00',
      '330100 大额医疗 2.00',
      '390100 统筹基金 3.00',
      '390200 大病保险 4.00',
      '410100 工伤保险基金 5.00',
      '610100 医疗救助 6.00',
    ]);
    expect(screen.getAllByRole('row')[3]!.querySelector('th')!.title).toBe('城乡居民大病医疗保险');
    unmount();
    render(<FundLines rows={[]} />);
    expect(screen.getByTestId('fund-lines').textContent).toContain('本次无基金支付');
  });
});
