// A tabular bill (a CSV, or an XLSX's first sheet): one header row naming the columns, then one row
// per bill line; the encounter's columns carry the same value on every row that gives one.
import type { BillLine } from '../../../../shared/settlement';
import { fieldOf, isEncounterColumn, LINE_COLUMNS, REQUIRED_COLUMNS, type EncounterColumn } from './columns';
import { encounterFromColumns, encounterNumber, type Given } from './encounter-fields';
import { err, refused, type BillImport, type BillImportError } from './errors';
import { MAX_BILL_LINES } from './limits';
import { duplicateNumbers, toLine } from './line';

export interface Table {
  header: string[];
  /** the data rows' cells, as text */
  rows: string[][];
  /** each data row's number as the user sees it (the header is row 1) */
  rowNumbers: number[];
  /** errors found while reading the cells (an XLSX's formulas, merged cells, text in amounts) */
  cellErrors?: BillImportError[];
  /** rows whose cells could not be read (their errors are in cellErrors): not checked again */
  badRows?: ReadonlySet<number>;
  /** how the header error names where it looked ("the first sheet 封面") */
  where?: { zh: string; en: string };
}

export function tooManyLines(n: number): BillImport | null {
  return n > MAX_BILL_LINES
    ? refused('lines', `超过 ${MAX_BILL_LINES} 行（${n} 行）`, `more than ${MAX_BILL_LINES} lines (${n})`)
    : null;
}

export function parseTable(table: Table): BillImport {
  const fields = table.header.map((h) => fieldOf(h));
  const errors: BillImportError[] = [];
  for (const required of REQUIRED_COLUMNS) {
    if (!fields.includes(required)) {
      const where = table.where
        ? { zh: `${table.where.zh}的`, en: ` of ${table.where.en}` }
        : { zh: '', en: '' };
      errors.push(
        err(
          1,
          required,
          `${where.zh}表头缺少列（可用：${LINE_COLUMNS[required].join('、')}）`,
          `the header${where.en} lacks the column (any of: ${LINE_COLUMNS[required].join(', ')})`,
        ),
      );
    }
  }
  if (errors.length) return { lines: [], errors };
  const many = tooManyLines(table.rows.length);
  if (many) return many;
  errors.push(...(table.cellErrors ?? []));
  const encounter: Partial<Record<EncounterColumn, Given[]>> = {};
  for (const f of fields) if (f && isEncounterColumn(f)) encounter[f] = [];
  const sns: string[] = [];
  const lines = table.rows.map((cells, i) => {
    const row = table.rowNumbers[i]!;
    if (table.badRows?.has(row)) return null;
    const rec: Record<string, string> = {};
    fields.forEach((f, c) => {
      if (!f) return;
      const value = cells[c] ?? '';
      if (isEncounterColumn(f)) encounter[f]!.push({ row, value });
      else if (!(f in rec) || rec[f] === '') rec[f] = value;
    });
    return toLine(rec, row, i, errors, sns);
  });
  const { mdtrt_id, ...columns } = encounter;
  const mdtrt = encounterNumber(mdtrt_id ?? [], errors);
  const info = encounterFromColumns(columns, errors);
  return finish(lines, table.rowNumbers, errors, sns, { mdtrt_id: mdtrt, encounter: info });
}

/** The bill, or every error (sorted by row) and no line. */
export function finish(
  lines: (BillLine | null)[],
  rows: readonly number[],
  errors: BillImportError[],
  sns: readonly string[],
  extra: Omit<BillImport, 'lines' | 'errors'>,
): BillImport {
  errors.push(...duplicateNumbers(sns, rows));
  if (lines.length === 0 && errors.length === 0)
    errors.push(err(1, 'lines', '账单没有明细行', 'the bill has no lines'));
  errors.sort((a, b) => a.row - b.row);
  if (errors.length) return { lines: [], errors };
  const defined = Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined));
  return { lines: lines as BillLine[], errors, ...defined };
}
