import { describe, expect, it } from 'vitest';
import { formatAge, formatChinaTime, formatClock } from './format-time';

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
