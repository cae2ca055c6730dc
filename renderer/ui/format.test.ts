import { describe, expect, it } from 'vitest';
import { formatAge, formatChinaTime, formatClock, maskCertno, ratioAsPercent } from './format';

describe('time formats', () => {
  it('ages', () => {
    expect(formatAge(4_000)).toBe('4s');
    expect(formatAge(125_000)).toBe('2min');
    expect(formatAge(3 * 3600_000 + 5 * 60_000)).toBe('3h5min');
    expect(formatAge(-5)).toBe('0s');
  });
  it('China time whatever the machine zone', () => {
    expect(formatClock('2025-06-30T16:30:00Z')).toBe('00:30:00');
    expect(formatChinaTime('2025-06-30T16:30:00Z')).toBe('2025-07-01 00:30:00');
  });
});

describe('ratios as percentage points', () => {
  it.each([
    ['0.07', '7'],
    ['0.1', '10'],
    ['0.075', '7.5'],
    ['0.0001', '0.01'],
    ['1', '100'],
    ['0', '0'],
  ])('%s → %s (never 7.000000000000001)', (ratio, pct) => {
    expect(ratioAsPercent(ratio)).toBe(pct);
  });
});

describe('masked ID numbers', () => {
  it.each([
    ['110101199001011237', '110101********1237'],
    ['11010119900101X', '110101*****101X'],
    [' 110101199001011237 ', '110101********1237'],
    ['A1234567', 'A1****67'],
    ['1234', '****'],
    ['', ''],
  ])('%j → %j', (id, masked) => {
    expect(maskCertno(id)).toBe(masked);
  });
});
