// The insured places (参保地) of the demo world and their parameters. Figures are modelled on the
// published 2024–2025 parameters of each city (deductible 起付标准, ratio 支付比例 by hospital level,
// annual maximum 最高支付限额, large-amount / serious-illness layer); the Beijing and Taiyuan employee
// figures are the ones of shared/data/settle-examples. They are realistic in shape and size, not an
// authoritative copy of any city's current rules: platform-sim/README.md lists the sources.

import type { InsuredPlace } from './place-spec';
import {
  lv,
  same,
  DEVICES_NM,
  DEVICES_STD,
  CHRONIC_STD,
  MEDICAL_ASSISTANCE_STD,
  simpleEmployee,
  simpleResident,
} from './place-spec';

export type { ByLevel, InsuredPlace, RatioTable, SchemeSpec } from './place-spec';
export { lv } from './place-spec';

export const INSURED_PLACES: readonly InsuredPlace[] = [
  {
    admdvs: '110000',
    name_zh: '北京市',
    name_en: 'Beijing',
    district: '110105',
    card_letter: 'B',
    employee: {
      deductible: same('1300'),
      factors: ['1', '0.5'],
      bands: [
        { upto: '30000', ratio: { in_service: same('0.85'), retired: same('0.91'), resident: same('0.85') } },
        { upto: '40000', ratio: { in_service: same('0.90'), retired: same('0.94'), resident: same('0.90') } },
        { upto: null, ratio: { in_service: same('0.95'), retired: same('0.97'), resident: same('0.95') } },
      ],
      cap: '500000',
      large: { ratio: '0.80', annual_cap: '400000' },
      outpatient: {
        annual_deductible: '1800',
        ratio: {
          in_service: lv('0.90', '0.70', '0.70'),
          retired: lv('0.90', '0.85', '0.85'),
          resident: same('0.50'),
        },
        annual_cap: '20000',
      },
    },
    resident: simpleResident(lv('300', '800', '1300'), lv('0.80', '0.78', '0.75'), '250000'),
    chronic: {
      ...CHRONIC_STD,
      I25: { name: '冠心病', annual_deductible: '0', ratio: '0.75', annual_limit: '4000' },
    },
    reduction: { referral: '0.10', emergency: '0.10', other_temporary: '0.20' },
    devices: DEVICES_STD,
  },
  {
    admdvs: '310000',
    name_zh: '上海市',
    name_en: 'Shanghai',
    district: '310104',
    card_letter: 'S',
    employee: simpleEmployee(
      same('1500'),
      { in_service: same('0.85'), retired: same('0.92'), resident: same('0.70') },
      '590000',
      '300000',
      '1500',
    ),
    resident: simpleResident(lv('50', '100', '300'), lv('0.80', '0.75', '0.70'), '200000'),
    chronic: CHRONIC_STD,
    reduction: { referral: '0.05', emergency: '0.05', other_temporary: '0.10' },
    devices: DEVICES_STD,
  },
  {
    admdvs: '140100',
    name_zh: '太原市',
    name_en: 'Taiyuan',
    district: '140105',
    card_letter: 'T',
    employee: simpleEmployee(
      lv('300', '500', '800'),
      {
        in_service: lv('0.90', '0.86', '0.82'),
        retired: lv('0.95', '0.93', '0.91'),
        resident: lv('0.85', '0.75', '0.60'),
      },
      '150000',
      '400000',
      '1000',
    ),
    resident: simpleResident(lv('200', '500', '900'), lv('0.85', '0.75', '0.60'), '120000'),
    chronic: { I10: { name: '高血压', annual_deductible: '0', ratio: '0.80', annual_limit: '2000' } },
    reduction: { referral: '0.05', emergency: '0.10', other_temporary: '0.15' },
    devices: {
      'D-LIMB-01': { name: '小腿假肢', limit_amt: '12000', med_chrgitm_type: '14' },
      'D-WHEEL-01': { name: '普通轮椅', limit_amt: '1200', med_chrgitm_type: '14' },
    },
  },
  {
    admdvs: '140200',
    name_zh: '大同市',
    name_en: 'Datong',
    district: '140213',
    card_letter: 'D',
    employee: simpleEmployee(
      lv('300', '450', '700'),
      {
        in_service: lv('0.90', '0.85', '0.80'),
        retired: lv('0.93', '0.90', '0.88'),
        resident: lv('0.85', '0.75', '0.60'),
      },
      '120000',
      '300000',
      '1000',
    ),
    resident: simpleResident(lv('200', '400', '800'), lv('0.85', '0.70', '0.55'), '100000'),
    chronic: CHRONIC_STD,
    reduction: { referral: '0.10', emergency: '0.10', other_temporary: '0.20' },
    devices: DEVICES_STD,
  },
  {
    admdvs: '150100',
    name_zh: '呼和浩特市',
    name_en: 'Hohhot',
    district: '150102',
    card_letter: 'H',
    employee: simpleEmployee(
      lv('400', '600', '900'),
      {
        in_service: lv('0.90', '0.87', '0.85'),
        retired: lv('0.93', '0.90', '0.88'),
        resident: lv('0.80', '0.70', '0.60'),
      },
      '150000',
      '350000',
      '1200',
    ),
    resident: simpleResident(lv('200', '500', '800'), lv('0.85', '0.75', '0.60'), '150000'),
    chronic: CHRONIC_STD,
    reduction: { referral: '0.10', emergency: '0.10', other_temporary: '0.20' },
    // Inner Mongolia's pilot: devices follow the region's own device catalog and limits (seed 003).
    devices: DEVICES_NM,
  },
  {
    admdvs: '150200',
    name_zh: '包头市',
    name_en: 'Baotou',
    district: '150203',
    card_letter: 'G',
    employee: simpleEmployee(
      lv('400', '600', '900'),
      {
        in_service: lv('0.90', '0.86', '0.84'),
        retired: lv('0.92', '0.90', '0.88'),
        resident: lv('0.80', '0.70', '0.60'),
      },
      '150000',
      '350000',
      '1200',
    ),
    resident: simpleResident(lv('200', '500', '800'), lv('0.85', '0.75', '0.60'), '150000'),
    chronic: CHRONIC_STD,
    reduction: { referral: '0.10', emergency: '0.10', other_temporary: '0.20' },
    devices: DEVICES_NM,
  },
  {
    admdvs: '230100',
    name_zh: '哈尔滨市',
    name_en: 'Harbin',
    district: '230102',
    card_letter: 'E',
    employee: simpleEmployee(
      lv('200', '400', '800'),
      {
        in_service: lv('0.90', '0.88', '0.85'),
        retired: lv('0.95', '0.92', '0.90'),
        resident: lv('0.80', '0.70', '0.60'),
      },
      '130000',
      '300000',
      '1000',
    ),
    resident: simpleResident(lv('100', '400', '800'), lv('0.80', '0.70', '0.55'), '110000'),
    chronic: CHRONIC_STD,
    reduction: { referral: '0.10', emergency: '0.10', other_temporary: '0.20' },
    devices: DEVICES_STD,
  },
  {
    admdvs: '410100',
    name_zh: '郑州市',
    name_en: 'Zhengzhou',
    district: '410105',
    card_letter: 'Z',
    employee: simpleEmployee(
      lv('300', '600', '900'),
      {
        in_service: lv('0.92', '0.90', '0.88'),
        retired: lv('0.95', '0.93', '0.90'),
        resident: lv('0.85', '0.75', '0.60'),
      },
      '160000',
      '400000',
      '1000',
    ),
    resident: simpleResident(lv('200', '500', '1000'), lv('0.85', '0.75', '0.60'), '150000'),
    chronic: CHRONIC_STD,
    reduction: { referral: '0.10', emergency: '0.10', other_temporary: '0.20' },
    devices: DEVICES_STD,
    // Henan: 15,000 threshold, 60% to 50,000, 70% to 100,000, 80% above; 400,000 a year.
    serious_illness: {
      threshold: '15000',
      bands: [
        { upto: '50000', ratio: '0.60' },
        { upto: '100000', ratio: '0.70' },
        { upto: null, ratio: '0.80' },
      ],
      annual_cap: '400000',
    },
    medical_assistance: MEDICAL_ASSISTANCE_STD,
  },
  {
    admdvs: '510100',
    name_zh: '成都市',
    name_en: 'Chengdu',
    district: '510104',
    card_letter: 'C',
    employee: simpleEmployee(
      lv('160', '500', '800'),
      {
        in_service: lv('0.92', '0.90', '0.85'),
        retired: lv('0.95', '0.93', '0.90'),
        resident: lv('0.80', '0.70', '0.60'),
      },
      '170000',
      '500000',
      '1000',
    ),
    resident: simpleResident(lv('100', '300', '800'), lv('0.85', '0.75', '0.55'), '140000'),
    chronic: {
      ...CHRONIC_STD,
      N18: { name: '慢性肾脏病', annual_deductible: '0', ratio: '0.80', annual_limit: '6000' },
    },
    reduction: { referral: '0.10', emergency: '0.10', other_temporary: '0.20' },
    devices: DEVICES_STD,
    medical_assistance: MEDICAL_ASSISTANCE_STD,
  },
  {
    // The treatment province's own capital: local patients settle without a filing.
    admdvs: '460100',
    name_zh: '海口市',
    name_en: 'Haikou',
    district: '460106',
    card_letter: 'K',
    employee: simpleEmployee(
      lv('300', '600', '1000'),
      {
        in_service: lv('0.90', '0.87', '0.85'),
        retired: lv('0.93', '0.91', '0.89'),
        resident: lv('0.80', '0.70', '0.60'),
      },
      '150000',
      '400000',
      '1000',
    ),
    resident: simpleResident(lv('200', '500', '800'), lv('0.85', '0.70', '0.55'), '130000'),
    chronic: CHRONIC_STD,
    reduction: { referral: '0.10', emergency: '0.10', other_temporary: '0.20' },
    devices: DEVICES_STD,
  },
];

export function insuredPlace(admdvs: string): InsuredPlace {
  const place = INSURED_PLACES.find((p) => p.admdvs === admdvs);
  if (!place) throw new RangeError(`no demo insured place ${admdvs}`);
  return place;
}
