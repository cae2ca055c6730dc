// XLSX bills (exceljs): the first sheet, the CSV's columns with Chinese or English headers. A cell
// must hold what it shows: a formula whose result was never computed (a file written by a program
// that does not calculate), a merged cell in the data, an error value or text in an amount column
// is refused with the cell named, never guessed at.
import ExcelJS from 'exceljs';
import { AMOUNT_COLUMNS, fieldOf } from './columns';
import { err, refused, type BillImport, type BillImportError } from './errors';
import { MAX_XLSX_COLUMNS, MAX_XLSX_UNPACKED_BYTES } from './limits';
import { numberText } from './number-text';
import { parseTable, tooManyLines } from './table';
import { declaredUnpackedSize } from './zip-size';

const V = ExcelJS.ValueType;
const NUMERIC_TEXT = /^\s*-?\d+(\.\d+)?\s*$/;

type Read = { text: string } | { zh: string; en: string };

/** One cell's value as text, or why it cannot be read. */
function cellText(cell: ExcelJS.Cell, amount: boolean): Read {
  if (cell.isMerged)
    return { zh: '是合并单元格：请取消合并后再导出', en: 'is a merged cell: unmerge it and export again' };
  return valueText(cell.type, cell.value, amount);
}

function valueText(type: ExcelJS.ValueType, value: ExcelJS.CellValue, amount: boolean): Read {
  switch (type) {
    case V.Null:
      return { text: '' };
    case V.Number: {
      const text = numberText(value as number);
      return text === null
        ? {
            zh: `数字 ${String(value)} 无法精确读取`,
            en: `the number ${String(value)} cannot be read exactly`,
          }
        : { text };
    }
    case V.String:
    case V.SharedString:
    case V.RichText:
    case V.Hyperlink: {
      const text =
        typeof value === 'string'
          ? value
          : type === V.RichText
            ? (value as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('')
            : String((value as ExcelJS.CellHyperlinkValue).text ?? '');
      if (amount && text.trim() !== '' && !NUMERIC_TEXT.test(text))
        return {
          zh: `单元格是文本「${text.slice(0, 40)}」，不是数字`,
          en: `the cell holds text "${text.slice(0, 40)}", not a number`,
        };
      return { text };
    }
    case V.Date:
      return { text: (value as Date).toISOString().slice(0, 10) };
    case V.Boolean:
      return { text: value ? 'true' : 'false' };
    case V.Formula: {
      const result = (value as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null)
        return {
          zh: '是未计算的公式：请在 Excel 中打开并保存后再导出，或改为数值',
          en: 'is a formula that was never computed: open and save it in Excel, or write the value',
        };
      return valueText(resultType(result), result as ExcelJS.CellValue, amount);
    }
    case V.Error:
      return {
        zh: `是错误值 ${(value as ExcelJS.CellErrorValue).error}`,
        en: `holds the error ${(value as ExcelJS.CellErrorValue).error}`,
      };
    default:
      return { zh: '无法读取此单元格', en: 'cannot be read' };
  }
}

function resultType(result: unknown): ExcelJS.ValueType {
  if (typeof result === 'number') return V.Number;
  if (typeof result === 'string') return V.String;
  if (typeof result === 'boolean') return V.Boolean;
  if (result instanceof Date) return V.Date;
  return V.Error;
}

export async function parseBillXlsx(bytes: Uint8Array): Promise<BillImport> {
  const unpacked = declaredUnpackedSize(bytes);
  if (unpacked === null) return refused('file', '不是有效的 XLSX 文件', 'not a valid XLSX file');
  if (unpacked > MAX_XLSX_UNPACKED_BYTES)
    return refused(
      'file',
      'XLSX 解压后过大',
      `the XLSX unpacks to more than ${MAX_XLSX_UNPACKED_BYTES} bytes`,
    );
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    const m = (e as Error).message.slice(0, 200);
    return refused('file', `XLSX 文件无法读取（${m}）`, `the XLSX file cannot be read (${m})`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return refused('file', 'XLSX 文件没有工作表', 'the XLSX file has no sheet');
  const where = { zh: `第一个工作表「${sheet.name}」`, en: `the first sheet "${sheet.name}"` };
  const width = Math.min(sheet.columnCount, MAX_XLSX_COLUMNS);
  const cellErrors: BillImportError[] = [];
  const headerRow = sheet.getRow(1);
  const header: string[] = [];
  for (let c = 1; c <= width; c++) {
    const read = cellText(headerRow.getCell(c), false);
    header.push('text' in read ? read.text : '');
    if (!('text' in read))
      cellErrors.push(err(1, `column ${c}`, `表头单元格${read.zh}`, `the header cell ${read.en}`));
  }
  const fields = header.map((h) => fieldOf(h));
  const many = tooManyLines(sheet.actualRowCount - 1);
  if (many) return many;
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  const badRows = new Set<number>();
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    if (!row.hasValues) continue;
    const cells: string[] = [];
    let rowError = false;
    for (let c = 1; c <= width; c++) {
      const field = fields[c - 1];
      const read = cellText(row.getCell(c), field !== undefined && AMOUNT_COLUMNS.includes(field));
      if ('text' in read) cells.push(read.text);
      else {
        cells.push('');
        // one error per row for the columns the bill uses; others are not read at all
        if (field && !rowError) cellErrors.push(err(r, field, read.zh, read.en));
        rowError = rowError || field !== undefined;
      }
    }
    if (rowError) badRows.add(r);
    rows.push(cells);
    rowNumbers.push(r);
  }
  const result = parseTable({ header, rows, rowNumbers, cellErrors, badRows, where });
  return result.errors.length ? result : { ...result, kind: 'xlsx' };
}
