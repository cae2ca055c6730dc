import { z } from 'zod';
import { isAmountString, isPriceString, isQuantityString, isRatioString } from '../money';

// String forms of the contract's numbers (settlement-contract.md "Amounts"). Each message names the
// rule so the CLI's INVALID_INPUT error explains itself.
export const amountString = z.string().refine(isAmountString, {
  error:
    '金额须为不带符号和分隔符、最多两位小数的字符串 / an amount is a string with up to two decimals, no sign or separators',
});
export const ratioString = z.string().refine(isRatioString, {
  error:
    '比例须为0到1之间、最多四位小数的字符串 / a ratio is a string between 0 and 1 with up to four decimals',
});
export const quantityString = z.string().refine(isQuantityString, {
  error: '数量须为非负、最多四位小数的字符串 / a quantity is a non-negative string with up to four decimals',
});
export const priceString = z.string().refine(isPriceString, {
  error: '单价须为非负、最多六位小数的字符串 / a price is a non-negative string with up to six decimals',
});

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A real calendar date written YYYY-MM-DD (string comparison then orders dates correctly). */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const max = month === 2 && !leap ? 28 : DAYS_IN_MONTH[month - 1]!;
  return day <= max;
}

export const isoDate = z.string().refine(isIsoDate, { error: '日期须为YYYY-MM-DD / a date is YYYY-MM-DD' });

/** 6-digit administrative division code (参保地 / 就医地). */
export const divisionCode = z
  .string()
  .regex(/^\d{6}$/, { error: '区划代码须为6位数字 / a division code has 6 digits' });

export const hospitalLevel = z.union([z.literal(1), z.literal(2), z.literal(3)], {
  error: '医院等级须为1、2或3 / hosp_lv is 1, 2 or 3',
});

/** A value per hospital level: { "1": …, "2": …, "3": … }. */
export const perLevel = <T extends z.ZodType>(value: T) => z.object({ '1': value, '2': value, '3': value });

/** Ratios per person category, then per hospital level. */
export const ratioTable = z.object({
  in_service: perLevel(ratioString),
  retired: perLevel(ratioString),
  resident: perLevel(ratioString),
});

export const nonEmptyString = z.string().min(1, { error: '不能为空 / must not be empty' });
