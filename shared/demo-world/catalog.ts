// The treatment place's catalogs: the medical catalog (drugs, service items, consumables; classes
// 甲 01 / 乙 02 / 丙 03) and the work-injury catalog (drug list, treatment items, hospitalisation
// service standards, rehabilitation items). A curated head of real-world items, which demo bills use,
// then generated rows up to the size asked for (a few thousand for the demo, 300,000 for benchmarks).
// Every row carries its charge category (settle/v2 `med_chrgitm_type`, the settlement list's fee
// table): the curated ones by hand, generated drugs 09, consumables 08, service items by their stem.

import type { MedChrgitmType } from '../settlement';
import type { Prng } from './prng';

export interface DemoCatalogEntry {
  name: string;
  chrgitm_lv: '01' | '02' | '03';
  selfpay_prop: string;
  pric_uplmt_amt: string | null;
  med_chrgitm_type: MedChrgitmType;
}
export interface DemoWiCatalogEntry {
  name: string;
  pric_uplmt_amt: string | null;
  med_chrgitm_type: MedChrgitmType;
}
export interface DemoCatalogRow<E> {
  code: string;
  entry: E;
}

// [code, name, class, pre-self-pay ratio, price ceiling, charge category]
type Curated = [string, string, '01' | '02' | '03', string, string | null, MedChrgitmType];

export const CURATED_CATALOG: readonly Curated[] = [
  ['001102000010000', '普通病房床位费（三人间）', '01', '0', '50', '01'],
  ['001102000020000', '普通病房床位费（双人间）', '01', '0', '60', '01'],
  ['001201000010000', 'Ⅰ级护理', '01', '0', null, '07'],
  ['001201000020000', 'Ⅱ级护理', '01', '0', null, '07'],
  ['001101000010000', '普通门诊诊查费', '01', '0', null, '02'],
  ['001101000030000', '急诊诊查费', '01', '0', null, '02'],
  ['002501010010000', '血细胞分析（血常规）', '01', '0', null, '04'],
  ['002503010010000', '肝功能检测', '01', '0', null, '04'],
  ['002502010010000', '尿常规检查', '01', '0', null, '04'],
  ['002203010010000', '胸部CT平扫', '02', '0.10', null, '03'],
  ['002203020010000', '头颅磁共振平扫', '02', '0.15', null, '03'],
  ['002201000010000', '常规心电图检查', '01', '0', null, '03'],
  ['002202000050000', '彩色多普勒超声检查', '02', '0.10', null, '03'],
  ['003310010010000', '阑尾切除术', '01', '0', null, '06'],
  ['003313050010000', '经皮冠状动脉支架置入术', '02', '0.10', null, '06'],
  ['003315020010000', '人工全髋关节置换术', '02', '0.10', null, '06'],
  ['003316010010000', '清创缝合术', '01', '0', null, '06'],
  ['XJ01CAA040A001', '阿莫西林胶囊', '01', '0', null, '09'],
  ['XJ01DCC050A001', '头孢呋辛酯片', '02', '0.10', null, '09'],
  ['XB05BBA010B002', '0.9%氯化钠注射液', '01', '0', null, '09'],
  ['XB05BAG140B001', '葡萄糖注射液', '01', '0', null, '09'],
  ['XC10AAA070A001', '阿托伐他汀钙片', '02', '0.05', '2.50', '09'],
  ['XA10BAA010A001', '盐酸二甲双胍片', '01', '0', null, '09'],
  ['XC09CAA010A001', '氯沙坦钾片', '02', '0.10', null, '09'],
  ['XC08CAA010A001', '苯磺酸氨氯地平片', '01', '0', null, '09'],
  ['XB01ACA060A001', '阿司匹林肠溶片', '01', '0', null, '09'],
  ['XJ01DDA630B001', '注射用头孢曲松钠', '02', '0.10', '12.00', '09'],
  ['XN02BEA010A001', '对乙酰氨基酚片', '01', '0', null, '09'],
  ['XA02BCA010A001', '奥美拉唑肠溶胶囊', '02', '0.10', null, '09'],
  ['ZA12BAF0001', '复方丹参滴丸', '02', '0.15', null, '11'],
  ['XA11HAX001A001', '复合维生素片', '03', '0', null, '09'],
  ['004000000010000', '特需病房床位附加费', '03', '0', null, '01'],
  ['C13020100000001', '一次性使用输液器', '02', '0.10', '4.00', '08'],
  ['C03100500000001', '冠状动脉药物洗脱支架', '02', '0.30', '800.00', '08'],
  ['C14050200000001', '人工髋关节假体', '02', '0.20', '7000.00', '08'],
  // rehabilitation (康复) items of the medical catalog: the mid-stay demo's long stay
  ['003402000010000', '运动疗法', '01', '0', '60.00', '05'],
  ['003402000020000', '偏瘫肢体综合训练', '01', '0', '80.00', '05'],
  ['003402000030000', '作业疗法', '02', '0.10', null, '05'],
  ['003402000040000', '言语训练', '02', '0.10', null, '05'],
];

type CuratedWi = [string, string, string | null, MedChrgitmType];

export const CURATED_WI_CATALOG: readonly CuratedWi[] = [
  ['GS-CW-0001', '工伤住院床位费（普通病房）', '60', '01'],
  ['GS-HL-0001', '工伤住院Ⅰ级护理', '40', '07'],
  ['GS-YP-0001', '头孢呋辛酯片（工伤药品目录）', null, '09'],
  ['GS-YP-0002', '双氯芬酸钠缓释片（工伤药品目录）', null, '09'],
  ['GS-YP-0003', '0.9%氯化钠注射液（工伤药品目录）', null, '09'],
  ['GS-SS-0001', '清创缝合术', '480', '06'],
  ['GS-SS-0002', '骨折切开复位内固定术', '3800', '06'],
  ['GS-JC-0001', 'X线摄影', '80', '03'],
  ['GS-JC-0002', 'CT平扫', '300', '03'],
  ['GS-KF-0001', '运动疗法', '45', '05'],
  ['GS-KF-0002', '作业疗法', '40', '05'],
  ['GS-KF-0003', '物理因子治疗', '30', '05'],
  ['GS-KF-0004', '康复评定', '120', '05'],
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
// Each service item stem with its charge category: examinations 03, treatments 05, operations 06.
const ITEM_STEMS: readonly (readonly [string, MedChrgitmType])[] = [
  ['检查', '03'],
  ['测定', '03'],
  ['治疗', '05'],
  ['监测', '03'],
  ['穿刺术', '05'],
  ['引流术', '05'],
  ['修补术', '06'],
  ['成形术', '06'],
  ['切除术', '06'],
  ['造影', '03'],
];
const ITEM_SITES = ['胸部', '腹部', '头颅', '膝关节', '腰椎', '颈椎', '心脏', '肝脏', '肾脏', '甲状腺'];
const ATC = ['J01CA', 'J01DD', 'C09CA', 'C10AA', 'A10BA', 'A02BC', 'N02BE', 'R05CB', 'B01AC', 'M01AE'];

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function ratio(prng: Prng): string {
  return prng.pick(['0.05', '0.10', '0.10', '0.15', '0.20']);
}

function generatedEntry(i: number, prng: Prng): DemoCatalogRow<DemoCatalogEntry> {
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
        med_chrgitm_type: '09',
      },
    };
  }
  if (kind === 1) {
    const site = prng.pick(ITEM_SITES);
    const [stem, type] = prng.pick(ITEM_STEMS);
    return {
      code: `00${pad(i, 13)}`,
      entry: {
        name: `${site}${stem}`,
        chrgitm_lv: lvl,
        selfpay_prop: selfpay,
        pric_uplmt_amt: ceiling,
        med_chrgitm_type: type,
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
      med_chrgitm_type: '08',
    },
  };
}

export function buildCatalog(size: number, prng: Prng): DemoCatalogRow<DemoCatalogEntry>[] {
  const rows: DemoCatalogRow<DemoCatalogEntry>[] = CURATED_CATALOG.map(
    ([code, name, chrgitm_lv, selfpay_prop, pric_uplmt_amt, med_chrgitm_type]) => ({
      code,
      entry: { name, chrgitm_lv, selfpay_prop, pric_uplmt_amt, med_chrgitm_type },
    }),
  );
  for (let i = rows.length; i < size; i++) rows.push(generatedEntry(i, prng));
  return rows;
}

export function buildWiCatalog(size: number, prng: Prng): DemoCatalogRow<DemoWiCatalogEntry>[] {
  const rows: DemoCatalogRow<DemoWiCatalogEntry>[] = CURATED_WI_CATALOG.map(
    ([code, name, pric_uplmt_amt, med_chrgitm_type]) => ({
      code,
      entry: { name, pric_uplmt_amt, med_chrgitm_type },
    }),
  );
  for (let i = rows.length; i < size; i++) {
    const ceiling = prng.chance(0.5) ? `${prng.int(10, 3000)}` : null;
    const site = prng.pick(ITEM_SITES);
    const [stem, type] = prng.pick(ITEM_STEMS);
    rows.push({
      code: `GS-GEN-${pad(i, 7)}`,
      entry: { name: `工伤${site}${stem}`, pric_uplmt_amt: ceiling, med_chrgitm_type: type },
    });
  }
  return rows;
}
