// What an import reports: one error per offending cell, naming the row (as the cashier sees the file)
// and the column, in both languages. Nothing is loaded while any error remains.
import type { BillLine } from '../../../../shared/settlement';
import type { EncounterInfo } from '../../../../shared/settlement-docs';

export interface BillImportError {
  /** 1-based row in the file as the user sees it (CSV/XLSX: the header is row 1; JSON: the array index + 1). */
  row: number;
  field: string;
  message_zh: string;
  message_en: string;
}

/** The file formats the counter reads (docs/bill-import.md). */
export type BillFileKind = 'csv' | 'json' | 'feedetail' | 'xlsx';

export interface BillImport {
  lines: BillLine[];
  errors: BillImportError[];
  /** the encounter number (住院号 / 门诊号) when the file gives one */
  mdtrt_id?: string;
  /** the encounter data when the file gives any (dates, department, doctor, diagnoses, operations) */
  encounter?: EncounterInfo;
  /** 2301: the person the bill is for, to compare with the person at the counter */
  psn_no?: string;
  /** 2301: the national medical type (med_type, 医疗类别) of the bill */
  med_type?: string;
  kind?: BillFileKind;
}

/** Names of the columns in Chinese, for the errors' 第N行「列」 (the English messages use the field). */
export const FIELD_ZH: Record<string, string> = {
  feedetl_sn: '序号',
  med_list_codg: '项目编码',
  name: '项目名称',
  cnt: '数量',
  pric: '单价',
  det_item_fee_sumamt: '金额',
  non_work_injury: '非工伤',
  med_chrgitm_type: '收费项目类别',
  fee_kind: '费用种类',
  mdtrt_id: '住院号/门诊号',
  adm_date: '入院日期',
  dscg_date: '出院日期',
  dept_codg: '科室编码',
  dept_name: '科室',
  dr_codg: '医师编码',
  dr_name: '医师',
  main_diag: '主要诊断',
  other_diags: '其他诊断',
  operations: '手术操作',
  psn_no: '人员编号',
  med_type: '医疗类别',
};

/** An error of one cell; row 0 is a line entered by hand, named by its field only. */
export function err(row: number, field: string, zh: string, en: string): BillImportError {
  const label = FIELD_ZH[field] ?? field;
  return {
    row,
    field,
    message_zh: row > 0 ? `第${row}行「${label}」：${zh}` : `「${label}」：${zh}`,
    message_en: row > 0 ? `Row ${row}, ${field}: ${en}` : `${field}: ${en}`,
  };
}

/** A whole file refused for one reason (row 1, the file). */
export const refused = (field: string, zh: string, en: string): BillImport => ({
  lines: [],
  errors: [err(1, field, zh, en)],
});

/** The zod message of the shared schemas is "中文 / English": each half to its own language. */
export function splitMessage(message: string): [string, string] {
  const i = message.indexOf(' / ');
  return i < 0 ? [message, message] : [message.slice(0, i), message.slice(i + 3)];
}
