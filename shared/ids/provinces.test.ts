import { describe, expect, it } from 'vitest';
import { provinceName, provinceOf, sameProvince } from './provinces';

describe('provinces', () => {
  it('takes the first two digits', () => {
    expect(provinceOf('510104')).toBe('51');
    expect(provinceOf('639900')).toBe('63');
  });
  it('names known provinces and nothing else', () => {
    expect(provinceName('51')).toEqual({ zh: '四川省', en: 'Sichuan' });
    expect(provinceName('65')?.en).toBe('Xinjiang');
    expect(provinceName('99')).toBeUndefined();
    expect(provinceName('toString')).toBeUndefined();
    expect(provinceName('__proto__')).toBeUndefined();
  });
  it.each([
    ['510104', '510700', true],
    ['510104', '110105', false],
    ['990000', '990001', false],
    ['', '', false],
    ['5', '51', false],
  ])('sameProvince(%j, %j) → %s', (a, b, same) => {
    expect(sameProvince(a, b)).toBe(same);
  });
});
