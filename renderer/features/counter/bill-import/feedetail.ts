// The national interface's fee detail (2301 费用明细上传, `feedetail[]`), as hospital systems export
// it: `{ "feedetail": [...] }` or the request itself, `{ "input": { "feedetail": [...] } }`, with the
// station's `encounter` object beside it (encounter-fields.ts). Fields the station does not use
// (medins_list_codg, hosp_appr_flag, memo, and any other) are ignored.
//
// 2301 writes quantities, prices and amounts as JSON numbers: they are read by number-text.ts.
import { normaliseDate, encounterFromJson, encounterNumber, oneValue, type Given } from './encounter-fields';
import { err, refused, type BillImport, type BillImportError } from './errors';
import { finish, tooManyLines } from './table';
import { toLine } from './line';
import { numberText } from './number-text';

const NUMBER_FIELDS = ['feedetl_sn', 'cnt', 'pric', 'det_item_fee_sumamt'] as const;
const REQUIRED = ['feedetl_sn', 'med_list_codg', 'cnt', 'pric', 'det_item_fee_sumamt'] as const;
const NAME_FIELDS = ['name', 'med_list_name', 'medins_list_name', 'hilist_name'] as const;

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The object holding `feedetail` (the file, or its `input`), if the file is a 2301 fee detail. */
function holder(data: unknown): Obj | undefined {
  if (!isObject(data)) return undefined;
  if ('feedetail' in data) return data;
  return isObject(data.input) && 'feedetail' in data.input ? data.input : undefined;
}

/** The `feedetail` value when the file is a 2301 fee detail, else undefined. */
export function feedetailOf(data: unknown): unknown {
  return holder(data)?.feedetail;
}

export function parseFeedetail(data: unknown): BillImport {
  const box = holder(data)!;
  const list = box.feedetail;
  if (!Array.isArray(list)) return refused('feedetail', 'feedetail 须为数组', 'feedetail must be an array');
  const many = tooManyLines(list.length);
  if (many) return many;
  const errors: BillImportError[] = [];
  const rows: number[] = [];
  const sns: string[] = [];
  const given: Record<string, Given[]> = {
    mdtrt_id: [{ row: 1, value: box.mdtrt_id ?? (data as Obj).mdtrt_id }],
    psn_no: [],
    med_type: [],
    bilg_dept_codg: [],
    bilg_dept_name: [],
    bilg_dr_codg: [],
    bilg_dr_name: [],
  };
  const lines = list.map((rec, i) => {
    const row = i + 1;
    rows.push(row);
    if (!isObject(rec)) {
      errors.push(err(row, 'feedetail', '明细须为对象', 'a line must be an object'));
      return null;
    }
    for (const k of Object.keys(given)) given[k]!.push({ row, value: numberAsText(rec[k]) });
    const line: Obj = {};
    for (const k of ['med_list_codg', 'med_chrgitm_type', 'fee_kind'] as const) line[k] = rec[k];
    line.name = NAME_FIELDS.map((k) => rec[k]).find((v) => typeof v === 'string');
    let bad = false;
    for (const k of NUMBER_FIELDS) {
      const v = rec[k];
      if (typeof v !== 'number') line[k] = v;
      else if ((line[k] = numberText(v)) === null) {
        errors.push(err(row, k, `数字 ${v} 超出可精确读取的范围`, `the number ${v} cannot be read exactly`));
        bad = true;
      }
    }
    for (const k of REQUIRED)
      if (line[k] === undefined || line[k] === null || line[k] === '') {
        errors.push(err(row, k, '缺少此字段', 'missing'));
        bad = true;
      }
    const time = rec.fee_ocur_time;
    if (time !== undefined && (typeof time !== 'string' || normaliseDate(time) === null)) {
      errors.push(err(row, 'fee_ocur_time', '不是日期时间', 'not a date and time'));
      bad = true;
    }
    if (bad) return null;
    return toLine(
      Object.fromEntries(Object.entries(line).filter(([, v]) => v !== undefined)),
      row,
      i,
      errors,
      sns,
    );
  });
  const mdtrt_id = encounterNumber(given.mdtrt_id!, errors);
  const psn_no = oneValue('psn_no', given.psn_no!, errors)?.value as string | undefined;
  const med_type = oneValue('med_type', given.med_type!, errors)?.value as string | undefined;
  const encounter = encounterFromJson(
    withBillingParty(box.encounter ?? (data as Obj).encounter, given),
    errors,
  );
  const result = finish(lines, rows, errors, sns, { mdtrt_id, psn_no, med_type, encounter });
  return result.errors.length ? result : { ...result, kind: 'feedetail' };
}

const numberAsText = (v: unknown) => (typeof v === 'number' ? String(v) : v);

/** The encounter's department and doctor, when it names none and every line names the same billing
 * department (bilg_dept_*) or doctor (bilg_dr_*). */
function withBillingParty(encounter: unknown, given: Record<string, Given[]>): unknown {
  if (encounter !== undefined && !isObject(encounter)) return encounter;
  const same = (k: string): string | undefined => {
    const values = new Set(given[k]!.map((g) => g.value));
    const [only] = values;
    return values.size === 1 && typeof only === 'string' && only.trim() !== '' ? only.trim() : undefined;
  };
  const fill: Obj = {};
  for (const [to, from] of [
    ['dept_codg', 'bilg_dept_codg'],
    ['dept_name', 'bilg_dept_name'],
    ['dr_codg', 'bilg_dr_codg'],
    ['dr_name', 'bilg_dr_name'],
  ] as const) {
    const v = same(from);
    if (v !== undefined) fill[to] = v;
  }
  if (Object.keys(fill).length === 0) return encounter;
  return { ...fill, ...(encounter ?? {}) };
}
