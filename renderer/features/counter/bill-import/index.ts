// Bill import (docs/bill-import.md): CSV, JSON, the national 2301 fee detail and XLSX, with the
// encounter data beside the lines; parsed in a Web Worker (import-file.ts).
export type { BillImport, BillImportError, BillFileKind } from './errors';
export { MAX_BILL_FILE_BYTES, MAX_BILL_LINES } from './limits';
export { decodeBillFile, parseBillCsv, MAX_BILL_FILE_CHARS } from './csv';
export { parseBillJson } from './json';
export { parseBillXlsx } from './xlsx';
export { parseBillFile, parseBillBytes } from './parse-file';
export { checkBillLine, nextLineNumber } from './line';
export { importBillFile, fileBytes, IMPORT_TIME_LIMIT_MS, type BillFileBytes } from './import-file';
export { billToLoad, setlTypeOfMedType, type LoadableBill } from './for-counter';
