import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MaskedId, Money, MoneyCell, StatusBadge } from './values';

describe('Money', () => {
  it('shows a two-decimal amount exactly as given', () => {
    render(<Money amount="12345678901.10" testId="m" />);
    const m = screen.getByTestId('m');
    expect(m.textContent).toBe('12345678901.10');
    expect(m.className).toBe('money');
  });
  it.each(['12.500', '1,000.00', 'NaN', ''])('marks %j as not an amount, and still shows it', (amount) => {
    render(<Money amount={amount} testId="m" />);
    expect(screen.getByTestId('m').className).toContain('money-invalid');
    expect(screen.getByTestId('m').textContent).toBe(amount);
  });
  it('shows a reversal amount (negative) as an amount', () => {
    render(<Money amount="-300.00" testId="m" />);
    expect(screen.getByTestId('m').className).toBe('money');
  });
  it('fills a right-aligned cell, passing data attributes on', () => {
    render(
      <table>
        <tbody>
          <tr>
            <MoneyCell amount="0.07" data-field="hifp_pay" testId="c" />
          </tr>
        </tbody>
      </table>,
    );
    const cell = screen.getByTestId('c');
    expect(cell.tagName).toBe('TD');
    expect(cell.className).toBe('num');
    expect(cell.getAttribute('data-field')).toBe('hifp_pay');
  });
});

describe('MaskedId', () => {
  it('shows the birthplace code and the last four characters only', () => {
    render(<MaskedId certno="11010119900101123X" testId="id" />);
    expect(screen.getByTestId('id').textContent).toBe('110101********123X');
    expect(document.body.textContent).not.toContain('19900101');
  });
});

describe('StatusBadge', () => {
  it.each([
    ['pending', '待平台确认'],
    ['confirmed', '平台已确认'],
    ['discrepancy', '平台核算有差异'],
    ['rejected', '平台拒绝'],
    ['cancelled', '已撤销'],
  ] as const)('%s reads %s, coloured by status', (status, text) => {
    render(<StatusBadge status={status} testId="s" />);
    const badge = screen.getByTestId('s');
    expect(badge.textContent).toBe(text);
    expect(badge.className).toBe(`status status-${status}`);
  });
});
