// Resident identity number checks (GB 11643-1999): 6-digit division code, 8-digit birth date,
// 3-digit sequence (odd = male) and an ISO 7064 MOD 11-2 check character.
import { isKnownProvince, provinceOf } from './provinces';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export type CitizenIdResult =
  | {
      ok: true;
      divisionCode: string;
      province: string;
      birthDate: string; // YYYY-MM-DD
      gender: 'male' | 'female';
    }
  | {
      ok: false;
      reason: 'FORMAT' | 'CHECKSUM' | 'BIRTH_DATE' | 'PROVINCE';
      message_zh: string;
      message_en: string;
    };

export interface ValidateCitizenIdOptions {
  /** The day the check is made ('YYYY-MM-DD'); a birth date after it is refused. shared/ has no clock. */
  today?: string;
  /** Earliest accepted birth year; default 1880. */
  minYear?: number;
}

/** The check character for the first 17 digits. Throws on anything that is not 17 digits. */
export function citizenIdCheckChar(first17: string): string {
  if (typeof first17 !== 'string' || !/^\d{17}$/.test(first17)) {
    throw new TypeError(
      `citizenIdCheckChar needs exactly 17 digits, got ${JSON.stringify(String(first17)).slice(0, 40)}`,
    );
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** True when y-m-d is a real calendar day (proleptic Gregorian, no Date object needed). */
export function isCalendarDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return d <= days;
}

function fail(
  reason: 'FORMAT' | 'CHECKSUM' | 'BIRTH_DATE' | 'PROVINCE',
  zh: string,
  en: string,
): CitizenIdResult {
  return { ok: false, reason, message_zh: zh, message_en: en };
}

/**
 * Checks an 18-character ID number. Accepts a lowercase x as the check character (people type it),
 * nothing else: no spaces, no 15-digit legacy numbers (cards carry the 18-character form).
 */
export function validateCitizenId(id: unknown, opts: ValidateCitizenIdOptions = {}): CitizenIdResult {
  if (typeof id !== 'string') return fail('FORMAT', '身份证号码必须是文本', 'The ID number must be text');
  if (!/^\d{17}[\dXx]$/.test(id)) {
    return fail(
      'FORMAT',
      '身份证号码应为17位数字加1位校验码（数字或X）',
      'The ID number must be 17 digits and a check character (digit or X)',
    );
  }
  const divisionCode = id.slice(0, 6);
  const province = provinceOf(divisionCode);
  if (!isKnownProvince(province)) {
    return fail(
      'PROVINCE',
      `身份证号码的省级代码 ${province} 不存在`,
      `The ID number's province code ${province} does not exist`,
    );
  }
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const minYear = opts.minYear ?? 1880;
  if (!isCalendarDate(y, m, d) || y < minYear) {
    return fail(
      'BIRTH_DATE',
      `身份证号码中的出生日期 ${birthDate} 无效`,
      `The birth date ${birthDate} in the ID number is not a valid date`,
    );
  }
  if (opts.today !== undefined && birthDate > opts.today) {
    return fail(
      'BIRTH_DATE',
      `身份证号码中的出生日期 ${birthDate} 晚于今天`,
      `The birth date ${birthDate} in the ID number is in the future`,
    );
  }
  const expected = citizenIdCheckChar(id.slice(0, 17));
  if (id[17].toUpperCase() !== expected) {
    return fail(
      'CHECKSUM',
      '身份证号码校验码不正确，请核对号码',
      'The ID number check character is wrong; please check the number',
    );
  }
  const gender = (id.charCodeAt(16) - 48) % 2 === 1 ? 'male' : 'female';
  return { ok: true, divisionCode, province, birthDate, gender };
}
