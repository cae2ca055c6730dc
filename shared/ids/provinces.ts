// Province-level division codes (GB/T 2260, first two digits of any division code). Division codes
// below the province change yearly, so only the province is checked; an unknown 6-digit code whose
// province exists is never rejected (cards.md, "Identity checks").

const PROVINCES: Readonly<Record<string, { zh: string; en: string }>> = {
  '11': { zh: '北京市', en: 'Beijing' },
  '12': { zh: '天津市', en: 'Tianjin' },
  '13': { zh: '河北省', en: 'Hebei' },
  '14': { zh: '山西省', en: 'Shanxi' },
  '15': { zh: '内蒙古自治区', en: 'Inner Mongolia' },
  '21': { zh: '辽宁省', en: 'Liaoning' },
  '22': { zh: '吉林省', en: 'Jilin' },
  '23': { zh: '黑龙江省', en: 'Heilongjiang' },
  '31': { zh: '上海市', en: 'Shanghai' },
  '32': { zh: '江苏省', en: 'Jiangsu' },
  '33': { zh: '浙江省', en: 'Zhejiang' },
  '34': { zh: '安徽省', en: 'Anhui' },
  '35': { zh: '福建省', en: 'Fujian' },
  '36': { zh: '江西省', en: 'Jiangxi' },
  '37': { zh: '山东省', en: 'Shandong' },
  '41': { zh: '河南省', en: 'Henan' },
  '42': { zh: '湖北省', en: 'Hubei' },
  '43': { zh: '湖南省', en: 'Hunan' },
  '44': { zh: '广东省', en: 'Guangdong' },
  '45': { zh: '广西壮族自治区', en: 'Guangxi' },
  '46': { zh: '海南省', en: 'Hainan' },
  '50': { zh: '重庆市', en: 'Chongqing' },
  '51': { zh: '四川省', en: 'Sichuan' },
  '52': { zh: '贵州省', en: 'Guizhou' },
  '53': { zh: '云南省', en: 'Yunnan' },
  '54': { zh: '西藏自治区', en: 'Tibet' },
  '61': { zh: '陕西省', en: 'Shaanxi' },
  '62': { zh: '甘肃省', en: 'Gansu' },
  '63': { zh: '青海省', en: 'Qinghai' },
  '64': { zh: '宁夏回族自治区', en: 'Ningxia' },
  '65': { zh: '新疆维吾尔自治区', en: 'Xinjiang' },
  // Residence permits for Hong Kong, Macao and Taiwan residents carry these prefixes (GB 11643 use).
  '71': { zh: '台湾省', en: 'Taiwan' },
  '81': { zh: '香港特别行政区', en: 'Hong Kong' },
  '82': { zh: '澳门特别行政区', en: 'Macao' },
  '83': { zh: '台湾居民居住证', en: 'Taiwan (residence permit)' },
};

/** The 2-digit province of a division code (or of an ID number, which starts with one). */
export function provinceOf(divisionCode: string): string {
  return String(divisionCode).slice(0, 2);
}

export function provinceName(code2: string): { zh: string; en: string } | undefined {
  return Object.prototype.hasOwnProperty.call(PROVINCES, code2) ? PROVINCES[code2] : undefined;
}

/** True when both codes name the same known province; an unknown or malformed code never matches. */
export function sameProvince(a: string, b: string): boolean {
  const pa = provinceOf(a);
  return /^\d\d$/.test(pa) && provinceName(pa) !== undefined && pa === provinceOf(b);
}

export function isKnownProvince(code2: string): boolean {
  return provinceName(code2) !== undefined;
}
