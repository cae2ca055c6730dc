// Building blocks of an insured place's parameters (places.ts): per-level tables, the scheme
// parameters, shared device catalogs and chronic disease lists, the residents' serious-illness
// insurance and medical assistance (settle/v2), and the common scheme shapes.

import type { MedChrgitmType, Policy } from '../settlement';

/** An assistive device of an insured place's catalog; devices are charge category 14 (其他费). */
export interface DeviceEntry {
  name: string;
  limit_amt: string;
  med_chrgitm_type: MedChrgitmType;
}
export type SeriousIllnessSpec = NonNullable<Policy['serious_illness']>;
export type MedicalAssistanceSpec = NonNullable<Policy['medical_assistance']>;

export type ByLevel = { '1': string; '2': string; '3': string };
export const lv = (a: string, b: string, c: string): ByLevel => ({ '1': a, '2': b, '3': c });

export interface RatioTable {
  in_service: ByLevel;
  retired: ByLevel;
  resident: ByLevel;
}

export interface SchemeSpec {
  deductible: ByLevel;
  factors: string[];
  bands: { upto: string | null; ratio: RatioTable }[];
  cap: string;
  large?: { ratio: string; annual_cap: string };
  outpatient: { annual_deductible: string; ratio: RatioTable; annual_cap: string };
}

export interface InsuredPlace {
  admdvs: string;
  name_zh: string;
  name_en: string;
  /** The division code used for people's ID numbers and card issuing (a district of the city). */
  district: string;
  /** The first character of card numbers issued here (card spec: an uppercase district letter). */
  card_letter: string;
  employee: SchemeSpec;
  resident: SchemeSpec;
  chronic: Record<string, { name: string; annual_deductible: string; ratio: string; annual_limit: string }>;
  reduction: { referral: string; emergency: string; other_temporary: string };
  /** Work-injury assistive-device catalog and limits (辅助器具配置目录和限额) of the insured place. */
  devices: Record<string, DeviceEntry>;
  /** Residents' serious-illness insurance (大病保险, insutype 390); SERIOUS_ILLNESS_STD when absent. */
  serious_illness?: SeriousIllnessSpec;
  /** Medical assistance (医疗救助) for people the place classes as low-income or in extreme poverty. */
  medical_assistance?: MedicalAssistanceSpec;
}

/** The common shape of 大病保险: threshold about half the residents' disposable income, 60% then 70%. */
export const SERIOUS_ILLNESS_STD: SeriousIllnessSpec = {
  threshold: '18000',
  bands: [
    { upto: '100000', ratio: '0.60' },
    { upto: null, ratio: '0.70' },
  ],
  annual_cap: '300000',
};

export const same = (r: string): ByLevel => lv(r, r, r);
export const residentOutpatient = (ded: string, r: string, cap: string) => ({
  annual_deductible: ded,
  ratio: { in_service: same(r), retired: same(r), resident: same(r) },
  annual_cap: cap,
});

/** 医疗救助 after the basic funds and serious illness: 70% for 低保 (low_income), all of it for 特困
 * (extreme_poverty), up to 30,000 a year. */
export const MEDICAL_ASSISTANCE_STD: MedicalAssistanceSpec = {
  ratio: { low_income: '0.70', extreme_poverty: '1' },
  annual_cap: '30000',
};

export const DEVICES_NM: Record<string, DeviceEntry> = {
  'FJ-QZ-0101': { name: '小腿假肢（普通型）', limit_amt: '12000', med_chrgitm_type: '14' },
  'FJ-QZ-0201': { name: '大腿假肢（普通型）', limit_amt: '20000', med_chrgitm_type: '14' },
  'FJ-LY-0101': { name: '普通轮椅', limit_amt: '1200', med_chrgitm_type: '14' },
  'FJ-ZJ-0101': { name: '腰围（护具）', limit_amt: '300', med_chrgitm_type: '14' },
  'FJ-TZ-0101': { name: '助听器（单耳）', limit_amt: '3500', med_chrgitm_type: '14' },
};

export const DEVICES_STD: Record<string, DeviceEntry> = {
  'FJ-QZ-0101': { name: '小腿假肢（普通型）', limit_amt: '10000', med_chrgitm_type: '14' },
  'FJ-LY-0101': { name: '普通轮椅', limit_amt: '1000', med_chrgitm_type: '14' },
  'FJ-GZ-0101': { name: '手杖', limit_amt: '150', med_chrgitm_type: '14' },
};

export const CHRONIC_STD = {
  I10: { name: '高血压', annual_deductible: '0', ratio: '0.70', annual_limit: '3000' },
  E11: { name: '糖尿病', annual_deductible: '200', ratio: '0.65', annual_limit: '2500' },
};

/** Employee scheme with one open band. */
export function simpleEmployee(
  ded: ByLevel,
  ratios: RatioTable,
  cap: string,
  large: string,
  opDed: string,
): SchemeSpec {
  return {
    deductible: ded,
    factors: ['1', '0.5', '0'],
    bands: [{ upto: null, ratio: ratios }],
    cap,
    large: { ratio: '0.85', annual_cap: large },
    outpatient: {
      annual_deductible: opDed,
      ratio: {
        in_service: lv('0.75', '0.70', '0.65'),
        retired: lv('0.85', '0.80', '0.75'),
        resident: same('0.50'),
      },
      annual_cap: '5000',
    },
  };
}

export function simpleResident(ded: ByLevel, r: ByLevel, cap: string): SchemeSpec {
  return {
    deductible: ded,
    factors: ['1', '0.8', '0.6'],
    bands: [{ upto: null, ratio: { in_service: r, retired: r, resident: r } }],
    cap,
    large: { ratio: '0.60', annual_cap: '300000' },
    outpatient: residentOutpatient('200', '0.50', '600'),
  };
}
