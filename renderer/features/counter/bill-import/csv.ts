// CSV bills: UTF-8 (with or without BOM) or GBK, comma, tab or semicolon separated, one header row.
import Papa from 'papaparse';
import { err, refused, type BillImport } from './errors';
import { MAX_BILL_FILE_BYTES } from './limits';
import { parseTable } from './table';

/** Decodes an uploaded file: UTF-8 (with or without BOM) when valid, else GBK, as older HIS exports are. */
export function decodeBillFile(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}

/** A text longer than this cannot have come from a file within MAX_BILL_FILE_BYTES. */
export const MAX_BILL_FILE_CHARS = MAX_BILL_FILE_BYTES;

export function parseBillCsv(text: string): BillImport {
  if (text.length > MAX_BILL_FILE_CHARS)
    return refused('file', '文件过大', `larger than ${MAX_BILL_FILE_CHARS} characters`);
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const [header = [], ...rows] = parsed.data;
  const cellErrors = parsed.errors.map((e) =>
    err((e.row ?? 0) + 1, 'row', `CSV格式错误：${e.message}`, `CSV format error: ${e.message}`),
  );
  // a row with more or fewer cells than the header has lost its columns' meaning
  const badRows = new Set<number>();
  rows.forEach((cells, i) => {
    if (cells.length === header.length) return;
    badRows.add(i + 2);
    cellErrors.push(
      err(
        i + 2,
        'row',
        `有 ${cells.length} 列，表头有 ${header.length} 列`,
        `has ${cells.length} fields where the header has ${header.length}`,
      ),
    );
  });
  const result = parseTable({ header, rows, rowNumbers: rows.map((_, i) => i + 2), cellErrors, badRows });
  return result.errors.length ? result : { ...result, kind: 'csv' };
}
