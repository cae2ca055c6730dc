import { zodResolver } from '@hookform/resolvers/zod';
import { act, fireEvent, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { billLineSchema } from '../../shared/settlement';
import { z } from 'zod';
import { bilingualMessage, splitBilingual } from './bilingual-text';
import { FieldError, FormErrors } from './forms';
import { Notices, notify } from './notices';

describe('bilingual messages in one string', () => {
  it.each([
    ['单价须为非负 / a price is non-negative', { zh: '单价须为非负', en: 'a price is non-negative' }],
    ['日期 / a date / more', { zh: '日期', en: 'a date / more' }],
    ['only one language', { zh: 'only one language', en: 'only one language' }],
  ])('%j splits into both halves', (message, pair) => {
    expect(splitBilingual(message)).toEqual(pair);
  });
  it('round-trips what bilingualMessage wrote', () => {
    expect(splitBilingual(bilingualMessage('请填写', 'Fill it in'))).toEqual({
      zh: '请填写',
      en: 'Fill it in',
    });
  });
});

const schema = z.object({ cnt: billLineSchema.shape.cnt, pric: billLineSchema.shape.pric });

function LineForm() {
  const { register, handleSubmit, formState } = useForm<z.input<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { cnt: '1', pric: '' },
  });
  return (
    <form onSubmit={(e) => void handleSubmit(() => undefined)(e)}>
      <input {...register('cnt')} data-testid="cnt" />
      <input {...register('pric')} data-testid="pric" />
      <button type="submit">add</button>
      <FieldError error={formState.errors.pric} testId="pric-error" />
      <FormErrors errors={formState.errors} labels={{ cnt: '数量', pric: '单价' }} testId="all" />
    </form>
  );
}

describe('form errors from the shared schemas', () => {
  it('shows each field error in the language on screen, named by its label in the list', async () => {
    render(<LineForm />);
    fireEvent.change(screen.getByTestId('pric'), { target: { value: '12,50' } });
    fireEvent.change(screen.getByTestId('cnt'), { target: { value: '-1' } });
    await act(async () => fireEvent.click(screen.getByText('add')));
    expect(screen.getByTestId('pric-error').textContent).toBe('单价须为非负、最多六位小数的字符串');
    const all = screen.getByTestId('all');
    expect([...all.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      '数量：数量须为非负、最多四位小数的字符串',
      '单价：单价须为非负、最多六位小数的字符串',
    ]);
    await act(() => i18next.changeLanguage('en'));
    expect(screen.getByTestId('pric-error').textContent).toBe(
      'a price is a non-negative string with up to six decimals',
    );
  });
  it('shows nothing for a valid form', async () => {
    render(<LineForm />);
    fireEvent.change(screen.getByTestId('pric'), { target: { value: '12.5' } });
    await act(async () => fireEvent.click(screen.getByText('add')));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('notices', () => {
  it('shows the last five, translated, each dismissable', async () => {
    render(<Notices />);
    act(() => {
      for (let i = 0; i < 6; i++) notify('warn', 'db.notPersistent');
      notify('warn', 'db.upgradeBlocked');
    });
    const shown = screen.getAllByRole('status');
    expect(shown).toHaveLength(5);
    expect(shown.at(-1)!.textContent).toContain('另一窗口仍在使用旧版数据库');
    act(() => fireEvent.click(shown.at(-1)!.querySelector('button')!));
    expect(screen.getAllByRole('status')).toHaveLength(4);
  });
});
