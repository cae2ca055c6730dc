// JSON bills: the station's own shape (an array of settle/v2 lines, or an object with `lines`, its
// `mdtrt_id` and `encounter`), and the national interface's fee-detail shape (2301 `feedetail`,
// feedetail.ts). Amounts are strings in the station's shape: a JSON number is refused there so that
// no float rounding happens before the engine.
import { encounterFromJson, encounterNumber, type Given } from './encounter-fields';
import { err, refused, type BillImport, type BillImportError } from './errors';
import { MAX_BILL_FILE_BYTES } from './limits';
import { finish, tooManyLines } from './table';
import { toLine } from './line';
import { feedetailOf, parseFeedetail } from './feedetail';

/** The parsed JSON of a bill file, or the file's one error. */
export function readJson(text: string): { data: unknown } | { error: BillImport } {
  if (text.length > MAX_BILL_FILE_BYTES)
    return { error: refused('file', '文件过大', `larger than ${MAX_BILL_FILE_BYTES} characters`) };
  try {
    return { data: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (e) {
    const m = (e as Error).message;
    return { error: refused('json', `不是合法的JSON（${m}）`, `not valid JSON (${m})`) };
  }
}

/** Any JSON bill: 2301 when it has `feedetail` (or `input.feedetail`), else the station's shape. */
export function parseBillJson(text: string): BillImport {
  const read = readJson(text);
  if ('error' in read) return read.error;
  const { data } = read;
  if (feedetailOf(data) !== undefined) return parseFeedetail(data);
  const list = Array.isArray(data) ? data : (data as { lines?: unknown } | null)?.lines;
  if (!Array.isArray(list))
    return refused(
      'lines',
      'JSON须为明细数组、含 lines 数组的对象，或含 feedetail 数组的2301费用明细',
      'JSON must be an array of lines, an object with a lines array, or a 2301 fee detail with a feedetail array',
    );
  const many = tooManyLines(list.length);
  if (many) return many;
  const errors: BillImportError[] = [];
  const rows: number[] = [];
  const sns: string[] = [];
  // the encounter number of the whole bill ({ mdtrt_id, lines }) counts as row 1, as the CSV header does
  const bill = Array.isArray(data) ? {} : (data as Record<string, unknown>);
  const encounters: Given[] = [{ row: 1, value: bill.mdtrt_id }];
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
  const mdtrt = encounterNumber(encounters, errors);
  const encounter = encounterFromJson(bill.encounter, errors);
  const result = finish(lines, rows, errors, sns, { mdtrt_id: mdtrt, encounter });
  return result.errors.length ? result : { ...result, kind: 'json' };
}
