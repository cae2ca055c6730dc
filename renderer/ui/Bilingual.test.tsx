import { act, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { SettleServiceError } from '../settle-service';
import { Bilingual, BilingualAlert } from './Bilingual';

describe('Bilingual', () => {
  it('shows the half of the pair for the language on screen, and follows a switch', async () => {
    render(<Bilingual zh="备案已过期" en="The filing expired" />);
    expect(screen.getByText('备案已过期')).toBeTruthy();
    await act(() => i18next.changeLanguage('en'));
    expect(screen.getByText('The filing expired')).toBeTruthy();
    expect(screen.queryByText('备案已过期')).toBeNull();
  });
});

describe('BilingualAlert', () => {
  it('shows a typed error: its code and its message in the language on screen', async () => {
    render(
      <BilingualAlert
        error={new SettleServiceError('NO_POLICY', { detail: '440100-310 2026-06-30' })}
        testId="e"
      />,
    );
    const box = screen.getByTestId('e');
    expect(box.getAttribute('role')).toBe('alert');
    expect(box.getAttribute('data-code')).toBe('NO_POLICY');
    expect(box.textContent).toContain('NO_POLICY');
    expect(box.textContent).toContain('本机没有参保地在结算日有效的待遇政策');
    await act(() => i18next.changeLanguage('en'));
    expect(box.textContent).toContain('No policy of the insured place');
  });

  it.each([
    ['a plain Error', new Error('socket closed'), '操作失败（socket closed）'],
    ['a string', 'boom', '操作失败（boom）'],
    ['a {code, zh, en}', { code: 'X1', zh: '中文说明', en: 'English' }, '中文说明'],
    // the same sentence the SettleServiceError of that code carries (one table)
    [
      'a known code without messages',
      { code: 'STALE_PREVIEW' },
      SettleServiceError.messages.STALE_PREVIEW.zh,
    ],
    ['null', null, '操作失败'],
  ])('never shows a stack trace, whatever is thrown: %s', (_, error, text) => {
    render(<BilingualAlert error={error} testId="e" />);
    const box = screen.getByTestId('e');
    expect(box.textContent).toContain(text);
    expect(box.textContent).not.toMatch(/at .*\(.*:\d+:\d+\)/);
  });
});
