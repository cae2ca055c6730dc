// Writes docs/examples/: one bill — the demo hospital's pneumonia stay, with its encounter data — in
// each format the counter reads (docs/bill-import.md): the station's CSV (English headers) and JSON,
// the national 2301 fee detail, and an XLSX with Chinese headers, dates as date cells and amounts as
// numbers. One definition here, so the four cannot drift apart; the import tests load all four and
// expect the same bill.  npx tsx scripts/make-bill-examples.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Decimal, formatAmount } from '../shared/money';

const DIR = join(import.meta.dirname, '../docs/examples');

// code, name, charge category, count, price, fee kind
const LINES: [string, string, string, number, number, string?][] = [
  ['001102000020000', '普通病房床位费（双人间）', '01', 9, 120],
  ['001201000020000', 'Ⅱ级护理', '07', 9, 28],
  ['002501010010000', '血细胞分析（血常规）', '04', 3, 25],
  ['002503010010000', '肝功能检测', '04', 2, 60],
  ['002203010010000', '胸部CT平扫', '03', 1, 280],
  ['XJ01DDA630B001', '注射用头孢曲松钠', '09', 18, 15],
  ['XB05BBA010B002', '0.9%氯化钠注射液', '09', 18, 3.5],
  ['XJ01DCC050A001', '头孢呋辛酯片', '09', 14, 2.1],
  ['XA11HAX001A001', '复合维生素片', '09', 1, 68],
  ['004000000010000', '特需病房床位附加费', '01', 2, 200],
  ['HS-MEAL-001', '住院伙食费', '14', 9, 20, 'meal'],
];
const amount = (cnt: number, pric: number) => formatAmount(new Decimal(cnt).times(pric));

const ENCOUNTER = {
  adm_date: '2026-06-21',
  dscg_date: '2026-06-30',
  dept_codg: 'A03.06',
  dept_name: '呼吸内科',
  dr_codg: 'D0107',
  dr_name: '王明',
  diseinfo: [
    { diag_code: 'J18.900', diag_name: '肺炎', maindiag_flag: '1' },
    { diag_code: 'I10.x00', diag_name: '原发性高血压', maindiag_flag: '0' },
    { diag_code: 'E11.900', diag_name: '2型糖尿病', maindiag_flag: '0' },
  ],
  oprninfo: [{ oprn_oprt_code: '33.2200', oprn_oprt_name: '纤维支气管镜检查', oprn_oprt_date: '2026-06-23' }],
};
const MDTRT_ID = 'ZY20260630001';
const MAIN_DIAG = 'J18.900 肺炎';
const OTHER_DIAGS = 'I10.x00 原发性高血压；E11.900 2型糖尿病';
const OPERATIONS = '33.2200 纤维支气管镜检查 2026-06-23';

/** The encounter's cells on the first row of a table (dates as the table writes them); none after. */
function encounterCells<D>(row: number, date: (iso: string) => D): (D | string)[] {
  if (row > 0) return [];
  const { adm_date, dscg_date, dept_codg, dept_name, dr_codg, dr_name } = ENCOUNTER;
  return [
    date(adm_date),
    date(dscg_date),
    dept_codg,
    dept_name,
    dr_codg,
    dr_name,
    MAIN_DIAG,
    OTHER_DIAGS,
    OPERATIONS,
  ];
}

function csv(): string {
  const head =
    'mdtrt_id,feedetl_sn,med_list_codg,name,cnt,pric,det_item_fee_sumamt,med_chrgitm_type,fee_kind,';
  const enc = 'adm_date,dscg_date,dept_codg,dept_name,dr_codg,dr_name,main_diag,other_diags,operations';
  const rows = LINES.map(([code, name, type, cnt, pric, kind], i) => {
    const encounter = i === 0 ? encounterCells(i, (d) => d) : Array<string>(9).fill('');
    return [MDTRT_ID, i + 1, code, name, cnt, pric, amount(cnt, pric), type, kind ?? '', ...encounter].join(
      ',',
    );
  });
  return `${head}${enc}\n${rows.join('\n')}\n`;
}

function json(): string {
  return `${JSON.stringify(
    {
      mdtrt_id: MDTRT_ID,
      encounter: ENCOUNTER,
      lines: LINES.map(([code, name, type, cnt, pric, kind], i) => ({
        feedetl_sn: String(i + 1),
        med_list_codg: code,
        name,
        cnt: String(cnt),
        pric: String(pric),
        det_item_fee_sumamt: amount(cnt, pric),
        med_chrgitm_type: type,
        ...(kind ? { fee_kind: kind } : {}),
      })),
    },
    null,
    2,
  )}\n`;
}

/** 2301 as a hospital system sends it: numbers as JSON numbers, no item names, the hospital's own
 * codes and the billing department and doctor on every line. */
function feedetail(): string {
  return `${JSON.stringify(
    {
      input: {
        feedetail: LINES.map(([code, , type, cnt, pric, kind], i) => ({
          feedetl_sn: String(i + 1),
          mdtrt_id: MDTRT_ID,
          psn_no: '46000000000000000001',
          med_type: '21',
          fee_ocur_time: '2026-06-21 10:00:00',
          med_list_codg: code,
          medins_list_codg: `HIS-${String(i + 1).padStart(4, '0')}`,
          det_item_fee_sumamt: Number(amount(cnt, pric)),
          cnt,
          pric,
          bilg_dept_codg: ENCOUNTER.dept_codg,
          bilg_dept_name: ENCOUNTER.dept_name,
          bilg_dr_codg: ENCOUNTER.dr_codg,
          bilg_dr_name: ENCOUNTER.dr_name,
          hosp_appr_flag: '1',
          memo: '',
          med_chrgitm_type: type,
          ...(kind ? { fee_kind: kind } : {}),
        })),
        encounter: {
          ...ENCOUNTER,
          dept_codg: undefined,
          dept_name: undefined,
          dr_codg: undefined,
          dr_name: undefined,
        },
      },
    },
    null,
    2,
  )}\n`;
}

async function xlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date('2026-06-30T02:00:00Z');
  wb.modified = wb.created;
  const ws = wb.addWorksheet('费用明细');
  ws.addRow([
    '住院号',
    '序号',
    '项目编码',
    '项目名称',
    '数量',
    '单价',
    '金额',
    '收费项目类别',
    '费用种类',
    '入院日期',
    '出院日期',
    '科室编码',
    '科室',
    '医师编码',
    '医师',
    '主要诊断',
    '其他诊断',
    '手术操作',
  ]);
  LINES.forEach(([code, name, type, cnt, pric, kind], i) => {
    const encounter = encounterCells(i, (d) => new Date(`${d}T00:00:00Z`));
    // the category in Chinese, as a hospital clerk writes it; the fee kind too
    ws.addRow([
      MDTRT_ID,
      i + 1,
      code,
      name,
      cnt,
      pric,
      Number(amount(cnt, pric)),
      type === '14' ? '其他费' : type,
      kind ? '伙食费' : null,
      ...encounter,
    ]);
  });
  ws.getColumn(10).numFmt = 'yyyy-mm-dd';
  ws.getColumn(11).numFmt = 'yyyy-mm-dd';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

writeFileSync(join(DIR, 'bill.csv'), csv());
writeFileSync(join(DIR, 'bill.json'), json());
writeFileSync(join(DIR, 'bill-2301.json'), feedetail());
writeFileSync(join(DIR, 'bill.xlsx'), await xlsx());
console.log(`wrote ${DIR}: bill.csv, bill.json, bill-2301.json, bill.xlsx`);
