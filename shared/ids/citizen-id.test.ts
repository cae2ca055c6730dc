import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { citizenIdCheckChar, validateCitizenId, isCalendarDate } from './citizen-id';

describe('citizenIdCheckChar', () => {
  it.each([
    ['11010519491231002', 'X'], // GB 11643 example
    ['44052418800101001', '4'],
    ['11111119810101111', '0'], // cards.md iReadCardBas example
    ['11010119900307727', '2'], // Σ = 230, 230 mod 11 = 10 → '2' (by hand)
  ])('%s → %s', (first17, check) => {
    expect(citizenIdCheckChar(first17)).toBe(check);
  });

  it.each(['', '1101051949123100', '110105194912310021', '1101051949123100a', ' 1101051949123100'])(
    'refuses %j',
    (bad) => {
      expect(() => citizenIdCheckChar(bad)).toThrow(/17 digits/);
    },
  );
});

describe('validateCitizenId', () => {
  it('accepts a valid number and reports its parts', () => {
    expect(validateCitizenId('11010519491231002X')).toEqual({
      ok: true,
      divisionCode: '110105',
      province: '11',
      birthDate: '1949-12-31',
      gender: 'female',
    });
    const r = validateCitizenId('111111198101011110');
    expect(r).toMatchObject({ ok: true, gender: 'male', birthDate: '1981-01-01', province: '11' });
  });

  it('accepts a lowercase x check character', () => {
    expect(validateCitizenId('11010519491231002x').ok).toBe(true);
  });

  it('never rejects an unknown division code inside a known province', () => {
    const first = '639999' + '19800229' + '123';
    expect(validateCitizenId(first + citizenIdCheckChar(first)).ok).toBe(true);
  });

  const hostile: Array<[string, unknown, string]> = [
    ['not a string', 11010519491231002, 'FORMAT'],
    ['null', null, 'FORMAT'],
    ['empty', '', 'FORMAT'],
    ['15-digit legacy', '110105491231002', 'FORMAT'],
    ['19 chars', '11010519491231002X1', 'FORMAT'],
    ['space inside', '110105 9491231002X', 'FORMAT'],
    ['trailing newline', '11010519491231002X\n', 'FORMAT'],
    ['X in the middle', '1101051949123100X2', 'FORMAT'],
    ['full-width digits', '１１０１０５１９４９１２３１００２Ｘ', 'FORMAT'],
    ['SQL', "1' OR '1'='1", 'FORMAT'],
    ['unknown province 99', '991105194912310020', 'PROVINCE'],
    ['province 00', '001105194912310020', 'PROVINCE'],
    ['month 13', '110105194913310020', 'BIRTH_DATE'],
    ['Feb 30', '110105194902300020', 'BIRTH_DATE'],
    ['Feb 29 in 1900', '110105190002290020', 'BIRTH_DATE'],
    ['year 0000', '110105000001010020', 'BIRTH_DATE'],
    ['wrong check', '110105194912310021', 'CHECKSUM'],
    ['wrong check X', '11111119810101111X', 'CHECKSUM'],
  ];
  it.each(hostile)('refuses %s', (_label, input, reason) => {
    const r = validateCitizenId(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe(reason);
      expect(r.message_zh.length).toBeGreaterThan(0);
      expect(r.message_en.length).toBeGreaterThan(0);
    }
  });

  it('refuses a birth date after today when today is given', () => {
    const first = '110105' + '20300101' + '001';
    const id = first + citizenIdCheckChar(first);
    expect(validateCitizenId(id).ok).toBe(true);
    expect(validateCitizenId(id, { today: '2026-11-23' })).toMatchObject({ ok: false, reason: 'BIRTH_DATE' });
  });

  it('property: any single-digit change to a valid number is caught', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999 }),
        fc.date({ min: new Date('1900-01-01'), max: new Date('2025-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 16 }),
        fc.integer({ min: 1, max: 9 }),
        (seq, date, pos, delta) => {
          const ymd = date.toISOString().slice(0, 10).replaceAll('-', '');
          const first = '510104' + ymd + String(seq).padStart(3, '0');
          const id = first + citizenIdCheckChar(first);
          expect(validateCitizenId(id).ok).toBe(true);
          const digits = id.split('');
          digits[pos] = String((Number(digits[pos]) + delta) % 10);
          const r = validateCitizenId(digits.join(''));
          expect(r.ok).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('isCalendarDate', () => {
  it.each([
    [2000, 2, 29, true],
    [1900, 2, 29, false],
    [2024, 4, 31, false],
    [2024, 12, 31, true],
    [2024, 0, 1, false],
    [2024, 1, 0, false],
  ])('%i-%i-%i → %s', (y, m, d, ok) => {
    expect(isCalendarDate(y, m, d)).toBe(ok);
  });
});
