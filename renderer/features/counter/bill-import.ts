// Bill import: the hospital system's CSV or JSON export → settle/v1 bill lines, with an error per
// offending cell that names the row and the column (docs/bill-import.md documents the format).
import Papa from 'papaparse';
import { Decimal, formatAmount, round2 } from '../../../shared/money';
import { billLineSchema, type BillLine } from '../../../shared/settlement';
import { hasControlCharacter } from '../../../shared/text';
import { isEncounterNo } from './bill-inputs';

/** Bigger exports are refused before any line is parsed: no real bill comes near these limits. */
export const MAX_BILL_FILE_CHARS = 8 * 1024 * 1024;
export const MAX_BILL_LINES = 10_000;

export interface BillImportError {
  /** 1-based row in the file as the user sees it (CSV: the header is row 1; JSON: the array index + 1). */
  row: number;
  field: string;
  message_zh: string;
  message_en: string;
}

export interface BillImport {
  lines: BillLine[];
  errors: BillImportError[];
  /** the encounter number (住院号 / 门诊号) when the file gives one */
  mdtrt_id?: string;
}

/** The settle/v2 line fields (fee_kind, med_chrgitm_type) are not imported yet. */
type ImportedField = Exclude<keyof BillLine, 'fee_kind' | 'med_chrgitm_type'>;

/** Column names accepted for each field: NHSA field names, plain English, and the Chinese headers HIS exports use. */
const COLUMNS: Record<ImportedField, string[]> = {
  feedetl_sn: ['feedetl_sn', 'sn', '序号', '明细流水号', '费用明细流水号'],
  med_list_codg: ['med_list_codg', 'code', '项目编码', '医保目录编码', '编码'],
  name: ['name', 'item_name', '项目名称', '名称'],
  cnt: ['cnt', 'qty', 'quantity', '数量'],
  pric: ['pric', 'price', '单价'],
  det_item_fee_sumamt: ['det_item_fee_sumamt', 'amount', '金额', '明细项目费用总额'],
  non_work_injury: ['non_work_injury', '非工伤'],
};

/** The bill's encounter number: optional, the same on every row that gives it (one file, one visit). */
const ENCOUNTER_COLUMNS = [
  'mdtrt_id',
  'encounter_no',
  '住院号',
  '门诊号',
  '就诊号',
  '就诊ID',
  '住院号/门诊号',
];

const FIELD_ZH: Record<string, string> = {
  feedetl_sn: '序号',
  med_list_codg: '项目编码',
  name: '项目名称',
  cnt: '数量',
  pric: '单价',
  det_item_fee_sumamt: '金额',
  non_work_injury: '非工伤',
  mdtrt_id: '住院号/门诊号',
};

const TRUE_WORDS = new Set(['1', 'true', 'yes', 'y', '是']);
const FALSE_WORDS = new Set(['', '0', 'false', 'no', 'n', '否']);

/** Decodes an uploaded file: UTF-8 (with or without BOM) when valid, else GBK, as older HIS exports are. */
export function decodeBillFile(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}

function fieldOf(header: string): ImportedField | 'mdtrt_id' | undefined {
  const h = header.trim().toLowerCase();
  if (ENCOUNTER_COLUMNS.some((c) => c.toLowerCase() === h)) return 'mdtrt_id';
  return (Object.keys(COLUMNS) as ImportedField[]).find((f) => COLUMNS[f].some((c) => c.toLowerCase() === h));
}

/** The one encounter number of a file, from every row (or the JSON object) that gives one. */
function encounterOf(
  given: { row: number; value: unknown }[],
  errors: BillImportError[],
): string | undefined {
  let first: { row: number; value: string } | undefined;
  for (const { row, value } of given) {
    if (value === undefined || value === null || value === '') continue;
    if (typeof value !== 'string') {
      errors.push(err(row, 'mdtrt_id', '须写成文本', 'must be written as text'));
      continue;
    }
    const v = value.trim();
    if (v === '') continue;
    if (!isEncounterNo(v)) {
      errors.push(err(row, 'mdtrt_id', '须为1–64个字符', 'must be 1–64 characters'));
    } else if (!first) {
      first = { row, value: v };
    } else if (v !== first.value) {
      errors.push(
        err(
          row,
          'mdtrt_id',
          `与第${first.row}行不同（${v} ≠ ${first.value}）：一个文件只能是一次就诊`,
          `differs from row ${first.row} (${v} ≠ ${first.value}): one file is one visit`,
        ),
      );
    }
  }
  return first?.value;
}

/** Checks one raw record (strings from CSV, or a JSON object) and turns it into a bill line or errors. */
function toLine(
  raw: Record<string, unknown>,
  row: number,
  index: number,
  errors: BillImportError[],
  sns: string[],
): BillLine | null {
  const rec: Record<string, unknown> = { ...raw };
  for (const k of ['feedetl_sn', 'med_list_codg', 'name', 'cnt', 'pric', 'det_item_fee_sumamt'] as const) {
    if (typeof rec[k] === 'string') rec[k] = (rec[k] as string).trim();
    if (typeof rec[k] === 'string' && hasControlCharacter(rec[k] as string)) {
      errors.push(err(row, k, '含控制字符（如 NUL、换行）', 'contains a control character'));
      return null;
    }
    if (typeof rec[k] === 'number') {
      errors.push(
        err(
          row,
          k,
          '须写成文本（如 "12.50"），不能是数字',
          'must be written as text (e.g. "12.50"), not a number',
        ),
      );
      return null;
    }
  }
  if (rec.feedetl_sn === undefined || rec.feedetl_sn === '') rec.feedetl_sn = String(index + 1);
  sns[index] = String(rec.feedetl_sn);
  if (rec.name === '') delete rec.name;
  if (typeof rec.non_work_injury === 'string') {
    const w = rec.non_work_injury.trim().toLowerCase();
    if (TRUE_WORDS.has(w)) rec.non_work_injury = true;
    else if (FALSE_WORDS.has(w)) delete rec.non_work_injury;
  }
  // The amount may be left out: it is then cnt × pric rounded to the fen.
  const amountGiven = rec.det_item_fee_sumamt !== undefined && rec.det_item_fee_sumamt !== '';
  if (!amountGiven) delete rec.det_item_fee_sumamt;
  const parsed = billLineSchema.safeParse(amountGiven ? rec : { ...rec, det_item_fee_sumamt: '0' });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      const missing = issue.code === 'invalid_type' && issue.input === undefined;
      errors.push(
        missing
          ? err(row, field, '缺少此列或为空', 'missing or empty')
          : err(row, field, issue.message, issue.message),
      );
    }
    return null;
  }
  const line = parsed.data;
  const expected = new Decimal(line.cnt).times(line.pric);
  if (!amountGiven) {
    line.det_item_fee_sumamt = formatAmount(round2(expected));
  } else if (expected.minus(line.det_item_fee_sumamt).abs().gt('0.01')) {
    errors.push(
      err(
        row,
        'det_item_fee_sumamt',
        `金额${line.det_item_fee_sumamt}与数量×单价=${expected.toString()}不符`,
        `amount ${line.det_item_fee_sumamt} is not quantity × price = ${expected.toString()}`,
      ),
    );
    return null;
  }
  return line;
}

/** row 0: a line entered by hand, named by its field only. */
function err(row: number, field: string, zh: string, en: string): BillImportError {
  const label = FIELD_ZH[field] ?? field;
  return {
    row,
    field,
    message_zh: row > 0 ? `第${row}行「${label}」：${zh}` : `「${label}」：${zh}`,
    message_en: row > 0 ? `Row ${row}, ${field}: ${en}` : `${field}: ${en}`,
  };
}

/** Checks one line entered by hand (the catalog picker) with the same rules as an imported row; the
 * amount is cnt × pric rounded to the fen. Errors carry row 0. */
export function checkBillLine(raw: {
  feedetl_sn: string;
  med_list_codg: string;
  name?: string;
  cnt: string;
  pric: string;
}): BillImport {
  const errors: BillImportError[] = [];
  const line = toLine({ ...raw }, 0, 0, errors, []);
  return { lines: line ? [line] : [], errors };
}

function finish(
  lines: (BillLine | null)[],
  rows: number[],
  errors: BillImportError[],
  sns: string[],
  mdtrt_id: string | undefined,
): BillImport {
  const seen = new Map<string, number>();
  sns.forEach((sn, i) => {
    if (sn === undefined) return;
    const first = seen.get(sn);
    if (first !== undefined)
      errors.push(
        err(rows[i]!, 'feedetl_sn', `与第${first}行序号重复`, `duplicates the number of row ${first}`),
      );
    else seen.set(sn, rows[i]!);
  });
  if (lines.length === 0 && errors.length === 0)
    errors.push(err(1, 'lines', '账单没有明细行', 'the bill has no lines'));
  errors.sort((a, b) => a.row - b.row);
  if (errors.length) return { lines: [], errors };
  return mdtrt_id ? { lines: lines as BillLine[], errors, mdtrt_id } : { lines: lines as BillLine[], errors };
}

/** The whole file refused for its size (characters, then lines) before any line is looked at. */
function oversized(chars: number, lines: number): BillImport | null {
  if (chars > MAX_BILL_FILE_CHARS)
    return {
      lines: [],
      errors: [err(1, 'file', '文件过大', `larger than ${MAX_BILL_FILE_CHARS} characters`)],
    };
  if (lines > MAX_BILL_LINES)
    return {
      lines: [],
      errors: [err(1, 'lines', `超过 ${MAX_BILL_LINES} 行`, `more than ${MAX_BILL_LINES} lines`)],
    };
  return null;
}

/** CSV with a header row (comma, tab or semicolon separated; UTF-8 or already decoded text). */
export function parseBillCsv(text: string): BillImport {
  const large = oversized(text.length, 0);
  if (large) return large;
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => fieldOf(h) ?? `?${h.trim()}`,
  });
  const errors: BillImportError[] = [];
  const headers = parsed.meta.fields ?? [];
  for (const required of ['med_list_codg', 'cnt', 'pric'] as const) {
    if (!headers.includes(required)) {
      errors.push(
        err(
          1,
          required,
          `表头缺少列（可用：${COLUMNS[required].join('、')}）`,
          `header lacks the column (any of: ${COLUMNS[required].join(', ')})`,
        ),
      );
    }
  }
  if (errors.length) return { lines: [], errors };
  const many = oversized(0, parsed.data.length);
  if (many) return many;
  for (const e of parsed.errors) {
    errors.push(err((e.row ?? 0) + 2, 'row', `CSV格式错误：${e.message}`, `CSV format error: ${e.message}`));
  }
  const rows: number[] = [];
  const sns: string[] = [];
  const encounters: { row: number; value: unknown }[] = [];
  const lines = parsed.data.map((rec, i) => {
    rows.push(i + 2);
    const { mdtrt_id, ...fields } = rec;
    encounters.push({ row: i + 2, value: mdtrt_id });
    const known = Object.fromEntries(Object.entries(fields).filter(([k]) => !k.startsWith('?')));
    return toLine(known, i + 2, i, errors, sns);
  });
  return finish(lines, rows, errors, sns, encounterOf(encounters, errors));
}

/** JSON: an array of lines, or an object with a `lines` array (a settle/v1 request is accepted as is). */
export function parseBillJson(text: string): BillImport {
  const large = oversized(text.length, 0);
  if (large) return large;
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return {
      lines: [],
      errors: [
        err(
          1,
          'json',
          `不是合法的JSON（${(e as Error).message}）`,
          `not valid JSON (${(e as Error).message})`,
        ),
      ],
    };
  }
  const list = Array.isArray(data) ? data : (data as { lines?: unknown })?.lines;
  if (!Array.isArray(list)) {
    return {
      lines: [],
      errors: [
        err(
          1,
          'lines',
          'JSON须为明细数组或含 lines 数组的对象',
          'JSON must be an array of lines or an object with a lines array',
        ),
      ],
    };
  }
  const many = oversized(0, list.length);
  if (many) return many;
  const errors: BillImportError[] = [];
  const rows: number[] = [];
  const sns: string[] = [];
  // the encounter number of the whole bill ({ mdtrt_id, lines }) counts as row 1, as the CSV header does
  const encounters: { row: number; value: unknown }[] = Array.isArray(data)
    ? []
    : [{ row: 1, value: (data as { mdtrt_id?: unknown }).mdtrt_id }];
  const lines = list.map((rec, i) => {
    rows.push(i + 1);
    if (rec === null || typeof rec !== 'object' || Array.isArray(rec)) {
      errors.push(err(i + 1, 'line', '明细须为对象', 'a line must be an object'));
      return null;
    }
    const { mdtrt_id, ...fields } = rec as Record<string, unknown>;
    encounters.push({ row: i + 1, value: mdtrt_id });
    return toLine(fields, i + 1, i, errors, sns);
  });
  return finish(lines, rows, errors, sns, encounterOf(encounters, errors));
}

/** Chooses the parser by file name, falling back on the first character. */
export function parseBillFile(name: string, text: string): BillImport {
  const trimmed = text.trimStart().replace(/^\uFEFF/, '');
  return /\.json$/i.test(name) || trimmed.startsWith('[') || trimmed.startsWith('{')
    ? parseBillJson(text)
    : parseBillCsv(text);
}

/** The next free line number: one more than the largest numeric one. */
export function nextLineNumber(lines: readonly BillLine[]): string {
  const taken = new Set(lines.map((l) => l.feedetl_sn));
  let n = lines.reduce((max, l) => Math.max(max, /^\d+$/.test(l.feedetl_sn) ? Number(l.feedetl_sn) : 0), 0);
  do n++;
  while (taken.has(String(n)));
  return String(n);
}
