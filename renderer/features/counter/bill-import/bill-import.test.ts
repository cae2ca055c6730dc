import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkBillLine,
  decodeBillFile,
  MAX_BILL_FILE_CHARS,
  MAX_BILL_LINES,
  nextLineNumber,
  parseBillCsv,
  parseBillFile,
  parseBillJson,
} from './index';

describe('CSV bill import', () => {
  it('reads NHSA headers and computes a missing amount', () => {
    const r = parseBillCsv(
      'feedetl_sn,med_list_codg,name,cnt,pric,det_item_fee_sumamt\n1,A01,床位费,3,88.8,266.40\n2,B02,药,2,10.005,\n',
    );
    expect(r.errors).toEqual([]);
    expect(r.lines).toEqual([
      {
        feedetl_sn: '1',
        med_list_codg: 'A01',
        name: '床位费',
        cnt: '3',
        pric: '88.8',
        det_item_fee_sumamt: '266.40',
      },
      {
        feedetl_sn: '2',
        med_list_codg: 'B02',
        name: '药',
        cnt: '2',
        pric: '10.005',
        det_item_fee_sumamt: '20.01',
      },
    ]);
  });
  it('reads Chinese headers, a BOM, tabs and the 非工伤 flag', () => {
    const r = parseBillCsv(
      '\uFEFF序号\t项目编码\t项目名称\t数量\t单价\t金额\t非工伤\n1\tW-DRUG-1\t药品\t10\t12.5\t125.00\t是\n',
    );
    expect(r.errors).toEqual([]);
    expect(r.lines[0]).toMatchObject({
      med_list_codg: 'W-DRUG-1',
      non_work_injury: true,
      det_item_fee_sumamt: '125.00',
    });
  });
  it('names the row and column of every bad cell and imports nothing', () => {
    const r = parseBillCsv(
      '序号,项目编码,数量,单价,金额\n1,A01,-1,10,10.00\n2,A02,2,"12,000.00",\n3,A03,2,5,11.00\n4,,1,1,1.00\n4,A05,1,1,1.00\n',
    );
    expect(r.lines).toEqual([]);
    expect(r.errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'cnt'],
      [3, 'pric'],
      [4, 'det_item_fee_sumamt'],
      [5, 'med_list_codg'],
      [6, 'feedetl_sn'],
    ]);
    expect(r.errors[0]!.message_zh).toContain('第2行「数量」');
    expect(r.errors[2]!.message_en).toContain('quantity × price');
  });
  it('refuses a header without the required columns', () => {
    const r = parseBillCsv('code,qty\nA01,1\n');
    expect(r.errors.map((e) => e.field)).toEqual(['pric']);
  });
  it('decodes GBK files from older hospital systems', () => {
    const gbk = new Uint8Array([0xcf, 0xee, 0xc4, 0xbf, 0xb1, 0xe0, 0xc2, 0xeb]); // 项目编码
    expect(decodeBillFile(gbk)).toBe('项目编码');
    expect(decodeBillFile(new TextEncoder().encode('\uFEFF数量'))).toBe('数量');
  });
  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const r = parseBillFile('x.csv', s);
        expect(r.lines.length === 0 || r.errors.length === 0).toBe(true);
      }),
    );
  });
});

describe('JSON bill import', () => {
  it('accepts an array of lines or an object with lines', () => {
    const lines = [{ med_list_codg: 'A01', cnt: '1', pric: '5', det_item_fee_sumamt: '5.00' }];
    expect(parseBillJson(JSON.stringify(lines)).lines[0]).toMatchObject({
      feedetl_sn: '1',
      med_list_codg: 'A01',
    });
    expect(parseBillJson(JSON.stringify({ contract: 'settle/v1', lines })).errors).toEqual([]);
  });
  it('refuses numbers where the contract wants strings, naming the line', () => {
    const r = parseBillJson(JSON.stringify([{ med_list_codg: 'A01', cnt: 1, pric: '5' }]));
    expect(r.errors[0]).toMatchObject({ row: 1, field: 'cnt' });
  });
  it('refuses broken JSON and non-objects', () => {
    expect(parseBillJson('{"lines": [').errors[0]!.field).toBe('json');
    expect(parseBillJson('[1]').errors[0]!.field).toBe('line');
    expect(parseBillJson('{"x":1}').errors[0]!.field).toBe('lines');
    fc.assert(fc.property(fc.json(), (s) => void parseBillJson(s)));
  });
});

describe('a line entered by hand from the catalog', () => {
  const base = { feedetl_sn: '3', med_list_codg: 'XJ01CAA040A001', name: '阿莫西林胶囊' };

  it('computes the amount as quantity × price rounded to the fen', () => {
    expect(checkBillLine({ ...base, cnt: '3', pric: '0.335' })).toEqual({
      lines: [{ ...base, cnt: '3', pric: '0.335', det_item_fee_sumamt: '1.01' }],
      errors: [],
    });
    expect(checkBillLine({ ...base, cnt: ' 2 ', pric: '12.50 ' }).lines[0]!.det_item_fee_sumamt).toBe(
      '25.00',
    );
  });

  it('names the field that is wrong, without a row number', () => {
    const bad = checkBillLine({ ...base, cnt: '-1', pric: '12.50' });
    expect(bad.lines).toEqual([]);
    expect(bad.errors[0]).toMatchObject({ row: 0, field: 'cnt' });
    expect(bad.errors[0]!.message_zh).toMatch(/^「数量」：/);
    expect(bad.errors[0]!.message_en).toMatch(/^cnt: /);
    const empty = checkBillLine({ ...base, cnt: '1', pric: '' });
    expect(empty.errors[0]).toMatchObject({ field: 'pric' });
    expect(checkBillLine({ ...base, cnt: '1', pric: '1,000.00' }).errors).toHaveLength(1);
  });

  it('takes the next free line number', () => {
    const line = (feedetl_sn: string) => ({
      ...base,
      feedetl_sn,
      cnt: '1',
      pric: '1',
      det_item_fee_sumamt: '1.00',
    });
    expect(nextLineNumber([])).toBe('1');
    expect(nextLineNumber([line('1'), line('7'), line('3')])).toBe('8');
    expect(nextLineNumber([line('A'), line('B')])).toBe('1');
    expect(nextLineNumber([line('A'), line('1')])).toBe('2');
  });
});

describe('hostile bill files', () => {
  const HEAD = 'code,name,qty,price\n';
  it.each([
    ['a NUL in a code', parseBillCsv, `${HEAD}A\u000001,x,1,1\n`, [[2, 'med_list_codg']]],
    ['a NUL in a name', parseBillCsv, `${HEAD}A01,x\u0000y,1,1\n`, [[2, 'name']]],
    ['an escape sequence in a name', parseBillCsv, `${HEAD}A01,"\u001b[2J",1,1\n`, [[2, 'name']]],
    ['a line break inside a quoted name', parseBillCsv, `${HEAD}A01,"a\nb",1,1\n`, [[2, 'name']]],
    ['DEL in a quantity', parseBillCsv, `${HEAD}A01,x,1\u007f,1\n`, [[2, 'cnt']]],
    [
      'control characters in JSON strings',
      parseBillJson,
      JSON.stringify([
        { med_list_codg: 'A\u0000', cnt: '1', pric: '1' },
        { med_list_codg: 'B', name: 'x\ry', cnt: '1', pric: '1' },
      ]),
      [
        [1, 'med_list_codg'],
        [2, 'name'],
      ],
    ],
    ['an unterminated quote', parseBillCsv, `${HEAD}"A01,x,1,1\n`, [[2, 'row']]],
    ['a row with too many fields', parseBillCsv, `${HEAD}A01,x,1,1,9,9\n`, [[2, 'row']]],
    ['a row with too few fields', parseBillCsv, `${HEAD}A01,x\n`, [[2, 'row']]],
    ['a JSON line that is an array', parseBillJson, '[["A01","1","1"]]', [[1, 'line']]],
    ['a JSON line that is null', parseBillJson, '[null]', [[1, 'line']]],
    [
      'a JSON number for a price',
      parseBillJson,
      '[{"med_list_codg":"A","cnt":"1","pric":1e308}]',
      [[1, 'pric']],
    ],
    ['JSON that is a bare string', parseBillJson, '"lines"', [[1, 'lines']]],
  ] as const)('refuses %s and imports nothing', (_what, parse, text, where) => {
    const r = parse(text);
    expect(r.lines).toEqual([]);
    for (const [row, field] of where)
      expect(r.errors).toContainEqual(expect.objectContaining({ row, field }));
  });

  it('ignores a __proto__ key in a JSON line', () => {
    const r = parseBillJson('[{"__proto__":{"polluted":true},"med_list_codg":"A","cnt":"1","pric":"1"}]');
    expect(r.errors).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a file too large to be a bill before parsing it, and one with too many lines', () => {
    const huge = `${HEAD}${'A01,x,1,1\n'.repeat(Math.ceil(MAX_BILL_FILE_CHARS / 10) + 1)}`;
    expect(parseBillFile('bill.csv', huge).errors).toEqual([
      expect.objectContaining({ row: 1, field: 'file' }),
    ]);
    expect(parseBillFile('bill.json', ` ${'['.repeat(MAX_BILL_FILE_CHARS)}`).errors[0]).toMatchObject({
      field: 'file',
    });
    const many = `${HEAD}${Array.from({ length: MAX_BILL_LINES + 1 }, (_, i) => `A${i},x,1,1`).join('\n')}`;
    expect(parseBillCsv(many).errors).toEqual([expect.objectContaining({ row: 1, field: 'lines' })]);
    const manyJson = JSON.stringify(Array.from({ length: MAX_BILL_LINES + 1 }, () => ({})));
    expect(parseBillJson(manyJson).errors).toEqual([expect.objectContaining({ row: 1, field: 'lines' })]);
    // The limit itself is still a bill.
    const atLimit = `${HEAD}${Array.from({ length: MAX_BILL_LINES }, (_, i) => `A${i},x,1,1`).join('\n')}`;
    expect(parseBillCsv(atLimit).lines).toHaveLength(MAX_BILL_LINES);
  });
});

describe('the encounter number in a bill file', () => {
  it('reads an optional mdtrt_id / 住院号 column, the same on every row that gives it', () => {
    const csv = parseBillCsv('住院号,项目编码,数量,单价\nZY0001,A01,1,10\n,A02,2,5\nZY0001,A03,1,1\n');
    expect(csv.errors).toEqual([]);
    expect(csv.mdtrt_id).toBe('ZY0001');
    expect(csv.lines).toHaveLength(3);
    expect(csv.lines[0]).not.toHaveProperty('mdtrt_id');
    expect(parseBillCsv('mdtrt_id,code,cnt,pric\n MZ9 ,A01,1,10\n').mdtrt_id).toBe('MZ9');
    expect(parseBillCsv('code,cnt,pric\nA01,1,10\n')).not.toHaveProperty('mdtrt_id');
  });

  it('reads it from a JSON bill object or its lines', () => {
    const whole = parseBillJson(
      JSON.stringify({ mdtrt_id: 'ZY42', lines: [{ med_list_codg: 'A', cnt: '1', pric: '2' }] }),
    );
    expect(whole).toMatchObject({ errors: [], mdtrt_id: 'ZY42' });
    const perLine = parseBillJson(
      JSON.stringify([{ mdtrt_id: 'MZ1', med_list_codg: 'A', cnt: '1', pric: '2' }]),
    );
    expect(perLine).toMatchObject({ errors: [], mdtrt_id: 'MZ1' });
    expect(perLine.lines[0]).not.toHaveProperty('mdtrt_id');
  });

  it.each([
    ['two numbers in one file', 'mdtrt_id,code,cnt,pric\nZY1,A01,1,10\nZY2,A02,1,10\n', 3, /与第2行不同/],
    ['a number longer than 64', `mdtrt_id,code,cnt,pric\n${'Z'.repeat(65)},A01,1,10\n`, 2, /1–64/],
  ])('refuses %s, naming the row, and loads nothing', (_, csv, row, message) => {
    const r = parseBillCsv(csv);
    expect(r.lines).toEqual([]);
    expect(r.mdtrt_id).toBeUndefined();
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ row, field: 'mdtrt_id' });
    expect(r.errors[0]!.message_zh).toMatch(message);
    expect(r.errors[0]!.message_zh).toContain('住院号/门诊号');
  });

  it('refuses a JSON number as the encounter number', () => {
    const r = parseBillJson(
      JSON.stringify({ mdtrt_id: 12345, lines: [{ med_list_codg: 'A', cnt: '1', pric: '2' }] }),
    );
    expect(r.errors[0]).toMatchObject({ row: 1, field: 'mdtrt_id' });
  });
});
