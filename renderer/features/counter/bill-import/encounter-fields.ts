// The encounter data of a bill (docs/bill-import.md, "Encounter data"): from a tabular bill's columns
// (the same value on every row that gives one) or a JSON bill's `encounter` object, checked by the
// shared schema (shared/settlement-docs/encounter.ts), each error naming its row and field.
import { uploadSettlementSchema } from '../../../../shared/protocol';
import { hasControlCharacter } from '../../../../shared/text';
import {
  encounterInfoSchema,
  isEmptyEncounter,
  type EncounterInfo,
  type EncounterInfoInput,
} from '../../../../shared/settlement-docs';
import type { EncounterColumn } from './columns';
import { err, splitMessage, type BillImportError } from './errors';

export interface Given {
  row: number;
  value: unknown;
}

const mdtrtId = uploadSettlementSchema.shape.mdtrt_id;

/** YYYY-MM-DD from the ways hospital systems write a date or a time: 2025-06-20, 2025/6/20,
 * 20250620, 2025-06-20 08:30:00 (the national interface's form). Null when it is none of these. */
export function normaliseDate(value: string): string | null {
  const v = value.trim();
  const m =
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.exec(v) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (!m) return null;
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}

/** The one value of a column across the rows that give it; a second, different value is an error. */
export function oneValue(
  field: string,
  given: readonly Given[],
  errors: BillImportError[],
): Given | undefined {
  let first: { row: number; value: string } | undefined;
  for (const { row, value } of given) {
    if (value === undefined || value === null || value === '') continue;
    if (typeof value !== 'string') {
      errors.push(err(row, field, '须写成文本', 'must be written as text'));
      continue;
    }
    const v = value.trim();
    if (v === '') continue;
    if (hasControlCharacter(v)) {
      errors.push(err(row, field, '含控制字符（如 NUL、换行）', 'contains a control character'));
    } else if (!first) {
      first = { row, value: v };
    } else if (v !== first.value) {
      errors.push(
        err(
          row,
          field,
          `与第${first.row}行不同（${v} ≠ ${first.value}）：一个文件只能是一次就诊`,
          `differs from row ${first.row} (${v} ≠ ${first.value}): one file is one visit`,
        ),
      );
    }
  }
  return first;
}

/** The encounter number, if given: 1–64 characters, as 8201 carries it. */
export function encounterNumber(given: readonly Given[], errors: BillImportError[]): string | undefined {
  const one = oneValue('mdtrt_id', given, errors);
  if (!one) return undefined;
  if (!mdtrtId.safeParse(one.value).success) {
    errors.push(err(one.row, 'mdtrt_id', '须为1–64个字符', 'must be 1–64 characters'));
    return undefined;
  }
  return one.value as string;
}

const SEPARATOR = /[;；]/;

/** "J18.900 肺炎；I10.x00 原发性高血压": code, a space, the name; items apart by ; or ；. */
function diagnosesOf(cell: string, main: boolean) {
  return cell
    .split(SEPARATOR)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((item) => {
      const [code = '', ...name] = item.split(/\s+/);
      return { diag_code: code, diag_name: name.join(' '), maindiag_flag: main ? '1' : '0' } as const;
    });
}

/** "47.0100x001 腹腔镜阑尾切除术 2025-06-21": code, name, and the date last when there is one. */
function operationsOf(cell: string) {
  return cell
    .split(SEPARATOR)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((item) => {
      const words = item.split(/\s+/);
      const date = words.length > 2 ? normaliseDate(words.at(-1)!) : null;
      const name = words.slice(1, date ? -1 : undefined).join(' ');
      return { oprn_oprt_code: words[0]!, oprn_oprt_name: name, ...(date ? { oprn_oprt_date: date } : {}) };
    });
}

type Where = (path: readonly PropertyKey[]) => { row: number; field: string };

/** A path as written in a message: diseinfo[0].diag_code. */
const pathText = (path: readonly PropertyKey[]) =>
  path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');

/** Checks an encounter object; every issue becomes an error where `where` puts it. */
export function checkEncounter(
  input: EncounterInfoInput,
  where: Where,
  errors: BillImportError[],
): EncounterInfo | undefined {
  const parsed = encounterInfoSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const { row, field } = where(issue.path);
      const [zh, en] = splitMessage(issue.message);
      errors.push(err(row, field, zh, en));
    }
    return undefined;
  }
  return isEmptyEncounter(parsed.data) ? undefined : parsed.data;
}

/** The encounter of a tabular bill, from the values its columns gave (each column's one value). */
export function encounterFromColumns(
  columns: Partial<Record<Exclude<EncounterColumn, 'mdtrt_id'>, Given[]>>,
  errors: BillImportError[],
): EncounterInfo | undefined {
  const rows: Record<string, number> = {};
  const input: Record<string, unknown> = { diseinfo: [], oprninfo: [] };
  const text = (field: keyof typeof columns) => {
    const one = oneValue(field, columns[field] ?? [], errors);
    if (one) rows[field] = one.row;
    return one?.value as string | undefined;
  };
  for (const f of ['adm_date', 'dscg_date'] as const) {
    const v = text(f);
    if (v === undefined) continue;
    const date = normaliseDate(v);
    if (date) input[f] = date;
    else errors.push(err(rows[f]!, f, `「${v}」不是日期（YYYY-MM-DD）`, `"${v}" is not a date (YYYY-MM-DD)`));
  }
  for (const f of ['dept_codg', 'dept_name', 'dr_codg', 'dr_name'] as const) {
    const v = text(f);
    if (v !== undefined) input[f] = v;
  }
  const main = text('main_diag');
  const others = text('other_diags');
  const mains = main ? diagnosesOf(main, true) : [];
  input.diseinfo = [...mains, ...(others ? diagnosesOf(others, false) : [])];
  const ops = text('operations');
  if (ops) input.oprninfo = operationsOf(ops);
  // an issue of a diagnosis or operation is named by the column it came from
  const columnOf = (path: readonly PropertyKey[]): string => {
    if (path[0] === 'oprninfo') return 'operations';
    if (path[0] !== 'diseinfo') return String(path[0] ?? 'encounter');
    return typeof path[1] === 'number' && path[1] >= mains.length ? 'other_diags' : 'main_diag';
  };
  return checkEncounter(
    input as EncounterInfoInput,
    (path) => {
      const field = columnOf(path);
      return { row: rows[field] ?? 1, field };
    },
    errors,
  );
}

/** The encounter object of a JSON bill (row 1): its dates may be written as hospital systems do. */
export function encounterFromJson(value: unknown, errors: BillImportError[]): EncounterInfo | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    errors.push(err(1, 'encounter', '须为对象', 'must be an object'));
    return undefined;
  }
  const input: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const f of ['adm_date', 'dscg_date'] as const) {
    if (typeof input[f] === 'string') input[f] = normaliseDate(input[f] as string) ?? input[f];
  }
  if (Array.isArray(input.oprninfo))
    input.oprninfo = input.oprninfo.map((o: unknown) => {
      const op = o as Record<string, unknown> | null;
      return op && typeof op.oprn_oprt_date === 'string'
        ? { ...op, oprn_oprt_date: normaliseDate(op.oprn_oprt_date) ?? op.oprn_oprt_date }
        : o;
    });
  return checkEncounter(
    input as EncounterInfoInput,
    (path) => ({ row: 1, field: `encounter.${pathText(path)}` }),
    errors,
  );
}
