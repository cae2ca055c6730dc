// How much a bill file may be. A 20 MB export of 50,000 lines is read (in a Web Worker, so the
// window never waits for it); past these limits the file is refused before any line is parsed.

/** The file itself (CSV, JSON, XLSX): the same limit as the watched folder's. */
export { MAX_BILL_FILE_BYTES } from '../../../../shared/station-api';
/** Lines of one bill: the engine settles 50,000-line bills (shared/settlement fast-lines). */
export const MAX_BILL_LINES = 50_000;
/** An XLSX is a zip: what its parts may unpack to (a zip bomb is refused before it is unpacked). */
export const MAX_XLSX_UNPACKED_BYTES = 400 * 1024 * 1024;
/** Cells of the first sheet a bill may use (rows × columns). */
export const MAX_XLSX_COLUMNS = 64;
