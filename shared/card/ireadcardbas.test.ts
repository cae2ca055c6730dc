import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { iReadCardBasError, parseIReadCardBas, splitIReadCardBasOutput } from './ireadcardbas';
import { CardError } from './errors';
import { validateCitizenId } from '../ids';
import type { CardSourceInfo } from './types';

const source: CardSourceInfo = { kind: 'vendor-dll', deviceId: 'dll:SSCardDriver.dll', label: 'vendor DLL' };
const opts = { today: '2026-11-23', source };
const EXAMPLE =
  '639900|111111198101011110|X00000019|639900D15600000500BF7C7A48FB4966|张三|00814E43238697159900BF7C7A|1.00|20101001|20201001|410100813475|终端设备号|';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CardError);
    return (e as CardError).code;
  }
  return 'NO ERROR';
}

describe('parseIReadCardBas', () => {
  it('parses the cards.md example (an expired 1.00 card)', () => {
    const r = parseIReadCardBas(0, EXAMPLE, opts);
    expect(r).toMatchObject({
      kind: 'social-security-card',
      region: '639900',
      ssn: '111111198101011110',
      cardNo: 'X00000019',
      cardId: '639900D15600000500BF7C7A48FB4966',
      name: '张三',
      specVersion: '1.00',
      issued: '2010-10-01',
      expires: '2020-10-01',
      partial: false,
      certType: '03',
      source,
    });
    expect(r.warnings.map((w) => w.code)).toEqual(['CARD_EXPIRED']);
    expect(r.raw).toContain('ret=0');
  });

  it.each([
    ['without the trailing bar', EXAMPLE.slice(0, -1)],
    [
      'without terminal fields',
      '639900|111111198101011110|X00000019|639900D15600000500BF7C7A48FB4966|张三|00814E43|1.00|20101001|20301001|',
    ],
    [
      'only the first five fields',
      '639900|111111198101011110|X00000019|639900D15600000500BF7C7A48FB4966|张三|',
    ],
    [
      'with spaces and a NUL-terminated buffer',
      ' 639900 | 111111198101011110 |X00000019|639900d15600000500bf7c7a48fb4966|张三|\0garbage|||',
    ],
    ['with an extra vendor field', EXAMPLE + 'extra|'],
  ])('accepts a field-count variant: %s', (_l, out) => {
    const r = parseIReadCardBas(0, out, opts);
    expect(r.ssn).toBe('111111198101011110');
    expect(r.name).toBe('张三');
    expect(r.cardId).toBe('639900D15600000500BF7C7A48FB4966');
  });

  it('treats -2201 with a readable card part as a partial 3.0 read', () => {
    const r = parseIReadCardBas(
      -2201,
      '630100||Q76543215|630100D1560000050011223344556677||3B6D|3.00|20240301|20340301|||',
      opts,
    );
    expect(r).toMatchObject({ partial: true, ssn: '', name: '', region: '630100', specVersion: '3.00' });
    expect(r.fallbacks).toContain('type-id-number');
  });

  it('treats a 3.00 output with empty number and name as partial', () => {
    const r = parseIReadCardBas(
      0,
      '630100||Q76543215|630100D1560000050011223344556677||3B6D|3.00|20240301|20340301|',
      opts,
    );
    expect(r.partial).toBe(true);
  });

  it.each([
    [-12, 'NO_CARD'],
    [-11, 'DLL_ERROR'],
    [-2201, 'DLL_ERROR'], // no PSAM and no output at all
    [-2202, 'DLL_ERROR'],
    [-99999, 'DLL_ERROR'],
    [1, 'DLL_ERROR'],
  ])('return code %i → %s', (code, expected) => {
    expect(codeOf(() => parseIReadCardBas(code, '', opts))).toBe(expected);
  });

  it('names the return code in both languages', () => {
    const e = iReadCardBasError(-2201) as CardError;
    expect(e.message_zh).toContain('PSAM');
    expect(e.message_zh).toContain('-2201');
    expect(e.message_en).toContain('-2201');
    expect((iReadCardBasError(-4242) as CardError).message_en).toContain('-4242');
    expect(iReadCardBasError(0)).toBeNull();
  });

  it.each([
    ['empty output', ''],
    ['no separators', '639900111111198101011110'],
    ['too few fields', '639900|111111198101011110|X00000019|'],
    ['too many fields', '|'.repeat(20)],
    ['bad region', 'ABCDEF|111111198101011110|X00000019|639900D15600000500BF7C7A48FB4966|张三|'],
    [
      'bad date',
      '639900|111111198101011110|X00000019|639900D15600000500BF7C7A48FB4966|张三|00|1.00|2010-10-01|20201001|',
    ],
  ])('refuses %s with DLL_OUTPUT_INVALID', (_l, out) => {
    expect(codeOf(() => parseIReadCardBas(0, out, opts))).toBe('DLL_OUTPUT_INVALID');
  });

  it.each([
    ['wrong check character', EXAMPLE.replace('111111198101011110', '111111198101011111'), 'SSN_INVALID'],
    ['impossible birth date', EXAMPLE.replace('111111198101011110', '111111198102301110'), 'SSN_INVALID'],
    ['empty ID on a 2.0 card', EXAMPLE.replace('111111198101011110', ''), 'SSN_INVALID'],
    ['short card id', EXAMPLE.replace('639900D15600000500BF7C7A48FB4966', '639900D156'), 'CARD_DAMAGED'],
  ])('refuses %s', (_l, out, code) => {
    expect(codeOf(() => parseIReadCardBas(0, out, opts))).toBe(code);
  });

  it('splits the documented eleven fields', () => {
    const f = splitIReadCardBasOutput(EXAMPLE);
    expect(f.psamNo).toBe('410100813475');
    expect(f.terminalNo).toBe('终端设备号');
  });

  it('fuzz: never throws anything but CardError, never reports an invalid ID number', () => {
    const field = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom(
        '639900',
        '111111198101011110',
        '111111198101011111',
        'X00000019',
        '639900D15600000500BF7C7A48FB4966',
        '张三',
        '3.00',
        '20101001',
        '',
      ),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: -3000, max: 3 }),
        fc.array(field, { maxLength: 14 }),
        fc.boolean(),
        (code, fields, trailing) => {
          const out = fields.join('|') + (trailing ? '|' : '');
          try {
            const r = parseIReadCardBas(code, out, opts);
            if (r.ssn !== '') expect(validateCitizenId(r.ssn).ok).toBe(true);
            else expect(r.partial).toBe(true);
          } catch (e) {
            expect(e).toBeInstanceOf(CardError);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});
