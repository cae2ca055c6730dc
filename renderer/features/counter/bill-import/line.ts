// One bill line from one raw record (strings from a CSV or XLSX row, or a JSON object): checked by the
// settle/v2 line schema, with an error per offending field naming the row.
import { Decimal, formatAmount, round2 } from '../../../../shared/money';
import {
  billLineSchema,
  FEE_KINDS,
  MED_CHRGITM_TYPES,
  type BillLine,
  type FeeKind,
} from '../../../../shared/settlement';
import { hasControlCharacter } from '../../../../shared/text';
import { err, splitMessage, type BillImport, type BillImportError } from './errors';

const TRUE_WORDS = new Set(['1', 'true', 'yes', 'y', '是']);
const FALSE_WORDS = new Set(['', '0', 'false', 'no', 'n', '否']);
const TEXT_FIELDS = ['feedetl_sn', 'med_list_codg', 'name', 'cnt', 'pric', 'det_item_fee_sumamt'] as const;

/** The charge category as a code ("01"…"14", "1" as a spreadsheet writes it) or its Chinese name (床位费). */
const CATEGORY_BY_WORD = new Map<string, string>(
  Object.entries(MED_CHRGITM_TYPES).flatMap(([code, [zh]]) => [
    [code, code],
    [String(Number(code)), code],
    [zh, code],
  ]),
);
/** The fee kinds as their code or the words a hospital system writes. */
const FEE_KIND_BY_WORD = new Map<string, FeeKind>([
  ...FEE_KINDS.map((k): [string, FeeKind] => [k, k]),
  ['伙食', 'meal'],
  ['伙食费', 'meal'],
  ['伙食补助费', 'meal'],
  ['交通', 'transport'],
  ['交通费', 'transport'],
  ['交通食宿费', 'transport'],
]);

/** Checks one raw record and turns it into a bill line, or pushes its errors and returns null. */
export function toLine(
  raw: Record<string, unknown>,
  row: number,
  index: number,
  errors: BillImportError[],
  sns: string[],
): BillLine | null {
  const rec: Record<string, unknown> = { ...raw };
  for (const k of TEXT_FIELDS) {
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
  for (const [k, words] of [
    ['med_chrgitm_type', CATEGORY_BY_WORD],
    ['fee_kind', FEE_KIND_BY_WORD],
  ] as const) {
    if (typeof rec[k] !== 'string') continue;
    const w = (rec[k] as string).trim();
    if (w === '') delete rec[k];
    else rec[k] = words.get(w.toLowerCase()) ?? w;
  }
  // The amount may be left out: it is then cnt × pric rounded to the fen.
  const amountGiven = rec.det_item_fee_sumamt !== undefined && rec.det_item_fee_sumamt !== '';
  if (!amountGiven) delete rec.det_item_fee_sumamt;
  const parsed = billLineSchema.safeParse(amountGiven ? rec : { ...rec, det_item_fee_sumamt: '0' });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      const missing = issue.code === 'invalid_type' && issue.input === undefined;
      const [zh, en] = splitMessage(issue.message);
      errors.push(missing ? err(row, field, '缺少此列或为空', 'missing or empty') : err(row, field, zh, en));
    }
    return null;
  }
  const line = parsed.data;
  const expected = new Decimal(line.cnt).times(line.pric);
  if (!amountGiven) {
    line.det_item_fee_sumamt = formatAmount(round2(expected));
  } else if (!expected.minus(line.det_item_fee_sumamt).abs().gt('0.01')) {
    // amounts cross boundaries with two decimals (a 2301 or XLSX number 1080 is "1080.00")
    line.det_item_fee_sumamt = formatAmount(new Decimal(line.det_item_fee_sumamt));
  } else {
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

/** Duplicated line numbers, each named at its second row. */
export function duplicateNumbers(
  sns: readonly (string | undefined)[],
  rows: readonly number[],
): BillImportError[] {
  const seen = new Map<string, number>();
  const errors: BillImportError[] = [];
  sns.forEach((sn, i) => {
    if (sn === undefined) return;
    const first = seen.get(sn);
    if (first !== undefined)
      errors.push(
        err(rows[i]!, 'feedetl_sn', `与第${first}行序号重复`, `duplicates the number of row ${first}`),
      );
    else seen.set(sn, rows[i]!);
  });
  return errors;
}

/** The next free line number: one more than the largest numeric one. */
export function nextLineNumber(lines: readonly BillLine[]): string {
  const taken = new Set(lines.map((l) => l.feedetl_sn));
  let n = lines.reduce((max, l) => Math.max(max, /^\d+$/.test(l.feedetl_sn) ? Number(l.feedetl_sn) : 0), 0);
  do n++;
  while (taken.has(String(n)));
  return String(n);
}
