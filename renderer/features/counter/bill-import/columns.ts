// The columns of a tabular bill (CSV, XLSX): the accepted headers of each field — NHSA field names,
// plain English, and the Chinese headers hospital systems write. docs/bill-import.md lists them.
import type { BillLine } from '../../../../shared/settlement';

export type LineField = keyof BillLine;

export const LINE_COLUMNS: Record<LineField, string[]> = {
  feedetl_sn: ['feedetl_sn', 'sn', '序号', '明细流水号', '费用明细流水号'],
  med_list_codg: ['med_list_codg', 'code', '项目编码', '医保目录编码', '编码'],
  name: ['name', 'item_name', '项目名称', '名称'],
  cnt: ['cnt', 'qty', 'quantity', '数量'],
  pric: ['pric', 'price', '单价'],
  det_item_fee_sumamt: ['det_item_fee_sumamt', 'amount', '金额', '明细项目费用总额'],
  non_work_injury: ['non_work_injury', '非工伤'],
  med_chrgitm_type: ['med_chrgitm_type', 'charge_category', '收费项目类别', '费用类别'],
  fee_kind: ['fee_kind', '费用种类'],
};

/** The encounter's columns: the same value on every row that gives one (one file, one visit). */
export const ENCOUNTER_COLUMNS = {
  mdtrt_id: ['mdtrt_id', 'encounter_no', '住院号', '门诊号', '就诊号', '就诊ID', '住院号/门诊号'],
  adm_date: ['adm_date', 'admission_date', '入院日期', '入院时间'],
  dscg_date: ['dscg_date', 'discharge_date', '出院日期', '出院时间'],
  dept_codg: ['dept_codg', 'dept_code', '科室编码'],
  dept_name: ['dept_name', 'department', '科室', '科室名称', '出院科室'],
  dr_codg: ['dr_codg', 'doctor_code', '医师编码', '医生编码'],
  dr_name: ['dr_name', 'doctor', '医师', '医生', '主治医师', '医师姓名'],
  main_diag: ['main_diag', 'main_diagnosis', '主要诊断'],
  other_diags: ['other_diags', 'other_diagnoses', '其他诊断'],
  operations: ['operations', '手术操作', '手术'],
} as const;
export type EncounterColumn = keyof typeof ENCOUNTER_COLUMNS;

/** Fields a tabular bill must have. */
export const REQUIRED_COLUMNS = ['med_list_codg', 'cnt', 'pric'] as const satisfies readonly LineField[];
/** Columns that hold amounts (a cell of text there is refused in an XLSX). */
export const AMOUNT_COLUMNS: readonly string[] = ['cnt', 'pric', 'det_item_fee_sumamt'] satisfies LineField[];

const lookup = new Map<string, LineField | EncounterColumn>();
for (const [field, names] of [...Object.entries(LINE_COLUMNS), ...Object.entries(ENCOUNTER_COLUMNS)])
  for (const n of names) lookup.set(n.toLowerCase(), field as LineField | EncounterColumn);

/** The field a header names, or undefined for a column the import ignores. */
export function fieldOf(header: string): LineField | EncounterColumn | undefined {
  return lookup.get(header.trim().toLowerCase());
}

export const isEncounterColumn = (f: string): f is EncounterColumn => Object.hasOwn(ENCOUNTER_COLUMNS, f);
