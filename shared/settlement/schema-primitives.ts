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

/** Days in a month of the Gregorian calendar (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && !leap ? 28 : DAYS_IN_MONTH[month - 1]!;
}

/** A real calendar date written YYYY-MM-DD (string comparison then orders dates correctly). */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
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

/**
 * The settlement list's charge categories (settlement-contract.md settle/v2 "New request fields";
 * domain.md "Charge categories"), by code. "14" 其他费 is where a line without a category goes.
 */
export const MED_CHRGITM_TYPES = {
  '01': ['床位费', 'bed'],
  '02': ['诊察费', 'consultation'],
  '03': ['检查费', 'examination'],
  '04': ['化验费', 'laboratory tests'],
  '05': ['治疗费', 'treatment'],
  '06': ['手术费', 'surgery'],
  '07': ['护理费', 'nursing'],
  '08': ['卫生材料费', 'medical materials'],
  '09': ['西药费', 'western medicine'],
  '10': ['中药饮片费', 'herbal pieces'],
  '11': ['中成药费', 'patent Chinese medicine'],
  '12': ['一般诊疗费', 'general diagnosis and treatment'],
  '13': ['挂号费', 'registration'],
  '14': ['其他费', 'other'],
} as const satisfies Record<string, readonly [string, string]>;
export type MedChrgitmType = keyof typeof MED_CHRGITM_TYPES;
// Sorted explicitly: "10"–"14" are integer-like keys, which JavaScript lists before "01"–"09".
export const MED_CHRGITM_TYPE_CODES = (Object.keys(MED_CHRGITM_TYPES) as MedChrgitmType[]).sort();
export const OTHER_CHRGITM_TYPE: MedChrgitmType = '14';

export const medChrgitmType = z.enum(MED_CHRGITM_TYPE_CODES as [MedChrgitmType, ...MedChrgitmType[]], {
  error: '收费项目类别须为"01"至"14" / med_chrgitm_type is "01" to "14"',
});
export const isMedChrgitmType = (v: unknown): v is MedChrgitmType =>
  typeof v === 'string' && Object.hasOwn(MED_CHRGITM_TYPES, v);

/** Lines wholly self-paid whatever the catalog says (settle/v2 Step 2 change, seed 003). */
export const FEE_KINDS = ['meal', 'transport'] as const;
export type FeeKind = (typeof FEE_KINDS)[number];
export const feeKind = z.enum(FEE_KINDS, {
  error: 'fee_kind 须为 meal 或 transport / fee_kind is meal or transport',
});
