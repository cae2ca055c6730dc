// The 2301 fee detail, XLSX and the encounter data: each format's rules and a table of hostile files,
// each giving a clear error that names the row and the field, or a correct bill.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  MAX_BILL_FILE_BYTES,
  MAX_BILL_LINES,
  parseBillBytes,
  parseBillCsv,
  parseBillJson,
  parseBillXlsx,
} from './index';
import { declaredUnpackedSize } from './zip-size';

const feed = (lines: unknown[], extra: object = {}) =>
  JSON.stringify({ input: { feedetail: lines, ...extra } });
const LINE = { feedetl_sn: '1', med_list_codg: 'A01', cnt: 2, pric: 12.35, det_item_fee_sumamt: 24.7 };

describe('2301 fee detail', () => {
  it('reads JSON numbers exactly, ignores unknown fields, and takes psn_no and med_type', () => {
    const r = parseBillJson(
      feed([
        {
          ...LINE,
          psn_no: 'P1',
          med_type: '21',
          mdtrt_id: 'ZY1',
          memo: 'x',
          hosp_appr_flag: '1',
          foo: { a: 1 },
        },
      ]),
    );
    expect(r.errors).toEqual([]);
    expect(r.lines).toEqual([
      { feedetl_sn: '1', med_list_codg: 'A01', cnt: '2', pric: '12.35', det_item_fee_sumamt: '24.70' },
    ]);
    expect(r).toMatchObject({ kind: 'feedetail', psn_no: 'P1', med_type: '21', mdtrt_id: 'ZY1' });
    expect(parseBillJson(JSON.stringify({ feedetail: [LINE] })).lines).toHaveLength(1);
  });

  it.each([
    ['feedetail that is not an array', feed({} as never), [[1, 'feedetail']]],
    [
      'a number only an exponent writes',
      feed([{ ...LINE, pric: 1e21, det_item_fee_sumamt: 1 }]),
      [[1, 'pric']],
    ],
    ['a number of 17 digits', feed([{ ...LINE, cnt: 1.0000000000000002 }]), [[1, 'cnt']]],
    ['a missing amount', feed([{ ...LINE, det_item_fee_sumamt: undefined }]), [[1, 'det_item_fee_sumamt']]],
    ['a missing line number', feed([{ ...LINE, feedetl_sn: '' }]), [[1, 'feedetl_sn']]],
    ['a fee time that is no time', feed([{ ...LINE, fee_ocur_time: 'yesterday' }]), [[1, 'fee_ocur_time']]],
    [
      'two people in one bill',
      feed([
        { ...LINE, psn_no: 'P1' },
        { ...LINE, feedetl_sn: '2', psn_no: 'P2' },
      ]),
      [[2, 'psn_no']],
    ],
    ['a line that is a string', feed(['A01']), [[1, 'feedetail']]],
    ['a wrong amount', feed([{ ...LINE, det_item_fee_sumamt: 99 }]), [[1, 'det_item_fee_sumamt']]],
    ['an unknown charge category', feed([{ ...LINE, med_chrgitm_type: '15' }]), [[1, 'med_chrgitm_type']]],
    ['an unknown fee kind', feed([{ ...LINE, fee_kind: 'parking' }]), [[1, 'fee_kind']]],
  ])('refuses %s, naming the row and field', (_what, text, where) => {
    const r = parseBillJson(text);
    expect(r.lines).toEqual([]);
    for (const [row, field] of where)
      expect(r.errors).toContainEqual(expect.objectContaining({ row, field }));
  });
});

describe('encounter data', () => {
  const HEAD = 'code,qty,price,adm_date,dscg_date,main_diag,other_diags,operations\n';
  it('reads diagnoses and operations from their columns, and dates as hospital systems write them', () => {
    const r = parseBillCsv(
      `${HEAD}A01,1,1,2026/6/1,20260605 ,K35.800x002 急性阑尾炎,,47.0100x001 腹腔镜阑尾切除术 2026-06-02\nA02,1,1,,,,,\n`,
    );
    expect(r.errors).toEqual([]);
    expect(r.encounter).toEqual({
      adm_date: '2026-06-01',
      dscg_date: '2026-06-05',
      diseinfo: [{ diag_code: 'K35.800x002', diag_name: '急性阑尾炎', maindiag_flag: '1' }],
      oprninfo: [
        { oprn_oprt_code: '47.0100x001', oprn_oprt_name: '腹腔镜阑尾切除术', oprn_oprt_date: '2026-06-02' },
      ],
    });
    expect(parseBillCsv('code,qty,price\nA01,1,1\n')).not.toHaveProperty('encounter');
  });

  it.each([
    ['a code that is not ICD-10', `${HEAD}A01,1,1,,,肺炎 J18.900,,\n`, 2, 'main_diag', /ICD-10/],
    ['a diagnosis without a name', `${HEAD}A01,1,1,,,J18.900,,\n`, 2, 'main_diag', /诊断名称/],
    [
      'an operation code that is not ICD-9-CM-3',
      `${HEAD}A01,1,1,,,,,ABC 手术\n`,
      2,
      'operations',
      /ICD-9-CM-3/,
    ],
    ['a bad secondary diagnosis', `${HEAD}A01,1,1,,,J18.900 肺炎,XX 高血压,\n`, 2, 'other_diags', /ICD-10/],
    ['discharge before admission', `${HEAD}A01,1,1,2026-06-05,2026-06-01,,,\n`, 2, 'dscg_date', /早于/],
    ['a date that is no date', `${HEAD}A01,1,1,June 1st,,,,\n`, 2, 'adm_date', /不是日期/],
    [
      'two admission dates',
      `${HEAD}A01,1,1,2026-06-01,,,,\nA02,1,1,2026-06-02,,,,\n`,
      3,
      'adm_date',
      /与第2行不同/,
    ],
  ])('refuses %s', (_what, csv, row, field, message) => {
    const r = parseBillCsv(csv);
    expect(r.lines).toEqual([]);
    expect(r.errors[0]).toMatchObject({ row, field });
    expect(r.errors[0]!.message_zh).toMatch(message);
  });

  it('refuses two main diagnoses in a JSON encounter, naming the path', () => {
    const r = parseBillJson(
      JSON.stringify({
        encounter: {
          diseinfo: [
            { diag_code: 'J18.900', diag_name: '肺炎', maindiag_flag: '1' },
            { diag_code: 'I10.x00', diag_name: '高血压', maindiag_flag: '1' },
          ],
        },
        lines: [{ med_list_codg: 'A', cnt: '1', pric: '1' }],
      }),
    );
    expect(r.errors).toEqual([expect.objectContaining({ row: 1, field: 'encounter.diseinfo' })]);
    expect(r.errors[0]!.message_zh).toContain('主要诊断只能有一个');
  });
});

type Cell = ExcelJS.CellValue;
async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
const sheet =
  (rows: Cell[][], name = '明细') =>
  (wb: ExcelJS.Workbook) => {
    const ws = wb.addWorksheet(name);
    rows.forEach((r) => ws.addRow(r));
  };
const HEADER = ['序号', '项目编码', '项目名称', '数量', '单价', '金额'];

describe('XLSX bills', () => {
  it('reads the first sheet with Chinese headers, numeric cells and a computed formula', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('明细');
      ws.addRow(HEADER);
      ws.addRow([1, 'A01', '床位费', 9, 60, 540]);
      ws.addRow([2, 'B02', '药', 2, 12.35, { formula: 'D3*E3', result: 24.7 }]);
      wb.addWorksheet('其他').addRow(['无关']);
    });
    const r = await parseBillXlsx(bytes);
    expect(r.errors).toEqual([]);
    expect(r.lines).toEqual([
      {
        feedetl_sn: '1',
        med_list_codg: 'A01',
        name: '床位费',
        cnt: '9',
        pric: '60',
        det_item_fee_sumamt: '540.00',
      },
      {
        feedetl_sn: '2',
        med_list_codg: 'B02',
        name: '药',
        cnt: '2',
        pric: '12.35',
        det_item_fee_sumamt: '24.70',
      },
    ]);
  });

  it.each([
    [
      'a wrong first sheet (a cover page)',
      (wb: ExcelJS.Workbook) => {
        sheet([['住院费用清单'], ['医院：海南省人民医院']], '封面')(wb);
        sheet([HEADER, [1, 'A01', 'x', 1, 1, 1]])(wb);
      },
      [1, 'med_list_codg', /第一个工作表「封面」的表头缺少列/],
    ],
    [
      'a formula never computed',
      sheet([HEADER, [1, 'A01', 'x', 2, 3, { formula: 'D2*E2' }]]),
      [2, 'det_item_fee_sumamt', /未计算的公式/],
    ],
    [
      'merged cells in the data',
      (wb: ExcelJS.Workbook) => {
        sheet([HEADER, [1, 'A01', 'x', 1, 1, 1], [2, 'A02', 'y', 1, 1, 1]])(wb);
        wb.worksheets[0]!.mergeCells('D2:D3');
      },
      [2, 'cnt', /合并单元格/],
    ],
    [
      'text in an amount cell',
      sheet([HEADER, [1, 'A01', 'x', 1, '12元', 12]]),
      [2, 'pric', /是文本「12元」/],
    ],
    [
      'an error value',
      sheet([HEADER, [1, 'A01', 'x', 1, 1, { error: '#DIV/0!' }]]),
      [2, 'det_item_fee_sumamt', /#DIV\/0!/],
    ],
  ] as const)('refuses %s, naming the cell', async (_what, build, [row, field, message]) => {
    const r = await parseBillXlsx(await workbook(build));
    expect(r.lines).toEqual([]);
    expect(r.errors[0]).toMatchObject({ row, field });
    expect(r.errors[0]!.message_zh).toMatch(message);
  });

  it('refuses a file named .xlsx that is not one, and a zip that would unpack too far', async () => {
    expect(
      (await parseBillBytes('bill.xlsx', new TextEncoder().encode('a,b\n'))).errors[0]!.message_zh,
    ).toContain('不是有效的 XLSX');
    const real = await workbook(sheet([HEADER, [1, 'A01', 'x', 1, 1, 1]]));
    expect(declaredUnpackedSize(real)).toBeGreaterThan(real.length);
    // the same zip whose directory declares a part of 4 GB − 2 (a bomb's signature)
    const bomb = real.slice();
    const view = new DataView(bomb.buffer);
    for (let i = bomb.length - 22; i >= 0; i--)
      if (view.getUint32(i, true) === 0x06054b50) {
        view.setUint32(view.getUint32(i + 16, true) + 24, 0xfffffffe, true);
        break;
      }
    expect((await parseBillBytes('bill.xlsx', bomb)).errors[0]!.message_zh).toContain('解压后过大');
  });

  it('reads 50,000 lines', async () => {
    const rows = [
      HEADER,
      ...Array.from({ length: MAX_BILL_LINES }, (_, i) => [i + 1, `A${i}`, 'x', 2, 1.5, 3]),
    ];
    const ok = await parseBillXlsx(await workbook(sheet(rows)));
    expect(ok.errors).toEqual([]);
    expect(ok.lines).toHaveLength(MAX_BILL_LINES);
    expect(ok.lines.at(-1)).toMatchObject({
      feedetl_sn: String(MAX_BILL_LINES),
      det_item_fee_sumamt: '3.00',
    });
  }, 120_000);
});

describe('large files', () => {
  it('reads a 20 MB CSV of 50,000 lines, and refuses a file over the limit before reading it', async () => {
    const pad = 'x'.repeat(380);
    const head = 'code,qty,price,备注\n';
    const body = Array.from({ length: MAX_BILL_LINES }, (_, i) => `A${i},1,2.5,${pad}`).join('\n');
    const bytes = new TextEncoder().encode(head + body);
    expect(bytes.length).toBeGreaterThan(19_000_000);
    const r = await parseBillBytes('big.csv', bytes);
    expect(r.errors).toEqual([]);
    expect(r.lines).toHaveLength(MAX_BILL_LINES);
    const over = await parseBillBytes('huge.csv', new Uint8Array(MAX_BILL_FILE_BYTES + 1));
    expect(over.errors).toEqual([expect.objectContaining({ row: 1, field: 'file' })]);
    expect(over.errors[0]!.message_zh).toMatch(/文件过大（24\.0 MB，上限 24 MB）/);
  }, 60_000);
});
