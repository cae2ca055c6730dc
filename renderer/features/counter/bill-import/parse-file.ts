// Any bill file → a bill or its errors: XLSX by its zip signature (or its name), JSON (the station's
// shape or 2301) by its first character (or its name), CSV otherwise. This is what the Web Worker
// runs (bill-import.worker.ts); the page runs it itself only where there is no Worker (tests).
import { decodeBillFile, parseBillCsv } from './csv';
import { refused, type BillImport } from './errors';
import { parseBillJson } from './json';
import { MAX_BILL_FILE_BYTES } from './limits';
import { parseBillXlsx } from './xlsx';
import { looksLikeZip } from './zip-size';

/** Chooses the text parser by file name, falling back on the first character. */
export function parseBillFile(name: string, text: string): BillImport {
  const trimmed = text.trimStart().replace(/^\uFEFF/, '');
  return /\.json$/i.test(name) || trimmed.startsWith('[') || trimmed.startsWith('{')
    ? parseBillJson(text)
    : parseBillCsv(text);
}

export async function parseBillBytes(name: string, bytes: Uint8Array): Promise<BillImport> {
  if (bytes.length > MAX_BILL_FILE_BYTES)
    return refused(
      'file',
      `文件过大（${(bytes.length / 1048576).toFixed(1)} MB，上限 ${MAX_BILL_FILE_BYTES / 1048576} MB）`,
      `the file is too large (${(bytes.length / 1048576).toFixed(1)} MB, at most ${MAX_BILL_FILE_BYTES / 1048576} MB)`,
    );
  if (looksLikeZip(bytes) || /\.xlsx$/i.test(name)) return parseBillXlsx(bytes);
  if (/\.xls$/i.test(name))
    return refused(
      'file',
      '不支持旧版 .xls：请另存为 .xlsx 或 CSV',
      'old .xls files are not read: save as .xlsx or CSV',
    );
  return parseBillFile(name, decodeBillFile(bytes));
}
