// The treatment place's catalogs: the medical catalog (drugs, service items, consumables; classes
// 甲 01 / 乙 02 / 丙 03) and the work-injury catalog (drug list, treatment items, hospitalisation
// service standards, rehabilitation items). A curated head of real-world items, which demo bills use,
// then generated rows up to the size asked for (a few thousand for the demo, 300,000 for benchmarks).

import type { Prng } from './prng';

export interface DemoCatalogEntry {
  name: string;
  chrgitm_lv: '01' | '02' | '03';
  selfpay_prop: string;
  pric_uplmt_amt: string | null;
}
export interface DemoWiCatalogEntry {
  name: string;
  pric_uplmt_amt: string | null;
}
export interface CatalogRow<E> {
  code: string;
  entry: E;
}

// [code, name, class, pre-self-pay ratio, price ceiling]
type Curated = [string, string, '01' | '02' | '03', string, string | null];

export const CURATED_CATALOG: readonly Curated[] = [
  ['001102000010000', '普通病房床位费（三人间）', '01', '0', '50'],
  ['001102000020000', '普通病房床位费（双人间）', '01', '0', '60'],
  ['001201000010000', 'Ⅰ级护理', '01', '0', null],
  ['001201000020000', 'Ⅱ级护理', '01', '0', null],
  ['001101000010000', '普通门诊诊查费', '01', '0', null],
  ['001101000030000', '急诊诊查费', '01', '0', null],
  ['002501010010000', '血细胞分析（血常规）', '01', '0', null],
  ['002503010010000', '肝功能检测', '01', '0', null],
  ['002502010010000', '尿常规检查', '01', '0', null],
  ['002203010010000', '胸部CT平扫', '02', '0.10', null],
  ['002203020010000', '头颅磁共振平扫', '02', '0.15', null],
  ['002201000010000', '常规心电图检查', '01', '0', null],
  ['002202000050000', '彩色多普勒超声检查', '02', '0.10', null],
  ['003310010010000', '阑尾切除术', '01', '0', null],
  ['003313050010000', '经皮冠状动脉支架置入术', '02', '0.10', null],
  ['003315020010000', '人工全髋关节置换术', '02', '0.10', null],
  ['003316010010000', '清创缝合术', '01', '0', null],
  ['XJ01CAA040A001', '阿莫西林胶囊', '01', '0', null],
  ['XJ01DCC050A001', '头孢呋辛酯片', '02', '0.10', null],
  ['XB05BBA010B002', '0.9%氯化钠注射液', '01', '0', null],
  ['XB05BAG140B001', '葡萄糖注射液', '01', '0', null],
  ['XC10AAA070A001', '阿托伐他汀钙片', '02', '0.05', '2.50'],
  ['XA10BAA010A001', '盐酸二甲双胍片', '01', '0', null],
  ['XC09CAA010A001', '氯沙坦钾片', '02', '0.10', null],
  ['XC08CAA010A001', '苯磺酸氨氯地平片', '01', '0', null],
  ['XB01ACA060A001', '阿司匹林肠溶片', '01', '0', null],
  ['XJ01DDA630B001', '注射用头孢曲松钠', '02', '0.10', '12.00'],
  ['XN02BEA010A001', '对乙酰氨基酚片', '01', '0', null],
  ['XA02BCA010A001', '奥美拉唑肠溶胶囊', '02', '0.10', null],
  ['ZA12BAF0001', '复方丹参滴丸', '02', '0.15', null],
  ['XA11HAX001A001', '复合维生素片', '03', '0', null],
  ['004000000010000', '特需病房床位附加费', '03', '0', null],
  ['C13020100000001', '一次性使用输液器', '02', '0.10', '4.00'],
  ['C03100500000001', '冠状动脉药物洗脱支架', '02', '0.30', '800.00'],
  ['C14050200000001', '人工髋关节假体', '02', '0.20', '7000.00'],
];

type CuratedWi = [string, string, string | null];

export const CURATED_WI_CATALOG: readonly CuratedWi[] = [
  ['GS-CW-0001', '工伤住院床位费（普通病房）', '60'],
  ['GS-HL-0001', '工伤住院Ⅰ级护理', '40'],
  ['GS-YP-0001', '头孢呋辛酯片（工伤药品目录）', null],
  ['GS-YP-0002', '双氯芬酸钠缓释片（工伤药品目录）', null],
  ['GS-YP-0003', '0.9%氯化钠注射液（工伤药品目录）', null],
  ['GS-SS-0001', '清创缝合术', '480'],
  ['GS-SS-0002', '骨折切开复位内固定术', '3800'],
  ['GS-JC-0001', 'X线摄影', '80'],
  ['GS-JC-0002', 'CT平扫', '300'],
  ['GS-KF-0001', '运动疗法', '45'],
  ['GS-KF-0002', '作业疗法', '40'],
  ['GS-KF-0003', '物理因子治疗', '30'],
  ['GS-KF-0004', '康复评定', '120'],
];

const DRUG_STEMS = [
  '阿莫西林',
  '头孢克肟',
  '左氧氟沙星',
  '甲硝唑',
  '布洛芬',
  '氨溴索',
  '缬沙坦',
  '硝苯地平',
  '美托洛尔',
  '瑞舒伐他汀',
  '格列美脲',
  '阿卡波糖',
  '兰索拉唑',
  '多潘立酮',
  '氯雷他定',
  '孟鲁司特',
  '利伐沙班',
  '氯吡格雷',
  '甲钴胺',
  '维生素B1',
];
const DRUG_FORMS = ['片', '胶囊', '缓释片', '分散片', '颗粒', '注射液', '口服溶液', '软膏'];
const ITEM_STEMS = ['检查', '测定', '治疗', '监测', '穿刺术', '引流术', '修补术', '成形术', '切除术', '造影'];
const ITEM_SITES = ['胸部', '腹部', '头颅', '膝关节', '腰椎', '颈椎', '心脏', '肝脏', '肾脏', '甲状腺'];
const ATC = ['J01CA', 'J01DD', 'C09CA', 'C10AA', 'A10BA', 'A02BC', 'N02BE', 'R05CB', 'B01AC', 'M01AE'];

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function ratio(prng: Prng): string {
  return prng.pick(['0.05', '0.10', '0.10', '0.15', '0.20']);
}

function generatedEntry(i: number, prng: Prng): CatalogRow<DemoCatalogEntry> {
  const kind = i % 3;
  const lvl = prng.pick(['01', '01', '02', '02', '02', '03'] as const);
  const selfpay = lvl === '02' ? ratio(prng) : '0';
  const ceiling = prng.chance(0.2) ? `${prng.int(2, 2000)}.00` : null;
  if (kind === 0) {
    const stem = prng.pick(DRUG_STEMS);
    const form = prng.pick(DRUG_FORMS);
    return {
      code: `X${prng.pick(ATC)}G${pad(i, 8)}`,
      entry: {
        name: `${stem}${form}（${prng.int(1, 50) * 5}mg）`,
        chrgitm_lv: lvl,
        selfpay_prop: selfpay,
        pric_uplmt_amt: ceiling,
      },
    };
  }
  if (kind === 1) {
    return {
      code: `00${pad(i, 13)}`,
      entry: {
        name: `${prng.pick(ITEM_SITES)}${prng.pick(ITEM_STEMS)}`,
        chrgitm_lv: lvl,
        selfpay_prop: selfpay,
        pric_uplmt_amt: ceiling,
      },
    };
  }
  return {
    code: `C${pad(i, 14)}`,
    entry: {
      name: `一次性医用耗材${pad(i % 997, 3)}号`,
      chrgitm_lv: lvl,
      selfpay_prop: selfpay,
      pric_uplmt_amt: ceiling,
    },
  };
}

export function buildCatalog(size: number, prng: Prng): CatalogRow<DemoCatalogEntry>[] {
  const rows: CatalogRow<DemoCatalogEntry>[] = CURATED_CATALOG.map(
    ([code, name, chrgitm_lv, selfpay_prop, pric_uplmt_amt]) => ({
      code,
      entry: { name, chrgitm_lv, selfpay_prop, pric_uplmt_amt },
    }),
  );
  for (let i = rows.length; i < size; i++) rows.push(generatedEntry(i, prng));
  return rows;
}

export function buildWiCatalog(size: number, prng: Prng): CatalogRow<DemoWiCatalogEntry>[] {
  const rows: CatalogRow<DemoWiCatalogEntry>[] = CURATED_WI_CATALOG.map(([code, name, pric_uplmt_amt]) => ({
    code,
    entry: { name, pric_uplmt_amt },
  }));
  for (let i = rows.length; i < size; i++) {
    const ceiling = prng.chance(0.5) ? `${prng.int(10, 3000)}` : null;
    rows.push({
      code: `GS-GEN-${pad(i, 7)}`,
      entry: { name: `工伤${prng.pick(ITEM_SITES)}${prng.pick(ITEM_STEMS)}`, pric_uplmt_amt: ceiling },
    });
  }
  return rows;
}
