// What leaves the station for other systems: a settlement, or a period's settlements, as FHIR R4
// (one ExplanationOfBenefit; a Bundle for a period; shared/settlement-docs/fhir), and a period's
// settlements as CSV (one row per settlement: ids, status, who, the setlinfo figures that count — the
// platform's on a discrepancy — and the fund payments). The reports screen and the day's close call these; downloadText saves the text.
import Papa from 'papaparse';
import {
  FUND_PAY_TYPES,
  SETLINFO_FIELDS,
  type FundPayType,
  type SettleResult,
} from '../../shared/settlement';
import { explanationOfBenefit, fhirJson, settlementsBundle } from '../../shared/settlement-docs';
import type { SettlementRow, StationDb } from '../db';
import { messagesFor } from '../i18n';
import type { Station } from '../station';
import { formatChinaTime, maskCertno } from '../ui';
import { DocumentError } from './errors';

export interface ExportFile {
  name: string;
  mime: string;
  text: string;
}

/** A period of China dates, both included (YYYY-MM-DD). */
export interface Period {
  from: string;
  to: string;
}

const nextDay = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The settlements made in a period (by their settled_at, China time), oldest first. */
export function settlementsInPeriod(db: StationDb, period: Period): Promise<SettlementRow[]> {
  // settled_at is written with its +08:00 offset (settle-service/time.ts): China dates compare as text
  return db.settlements
    .where('settled_at')
    .between(`${period.from}T00:00:00+08:00`, `${nextDay(period.to)}T00:00:00+08:00`, true, false)
    .toArray();
}

export async function settlementFhir(station: Station, local_setl_id: string): Promise<ExportFile> {
  const row = await station.db.settlements.get(local_setl_id);
  if (!row) throw DocumentError.notFound(local_setl_id);
  return {
    name: `settlement-${local_setl_id}.fhir.json`,
    mime: 'application/fhir+json',
    text: fhirJson(explanationOfBenefit(row, { institutionName: station.institutionName })),
  };
}

export async function periodFhir(station: Station, period: Period, now = new Date()): Promise<ExportFile> {
  const rows = await settlementsInPeriod(station.db, period);
  const bundle = settlementsBundle(rows, {
    institutionName: station.institutionName,
    timestamp: now.toISOString(),
  });
  return {
    name: `settlements-${period.from}-${period.to}.fhir.json`,
    mime: 'application/fhir+json',
    text: fhirJson(bundle),
  };
}

const FUND_CODES = Object.keys(FUND_PAY_TYPES) as FundPayType[];
const ID_COLUMNS = [
  'local_setl_id',
  'setl_id',
  'status',
  'settled_at',
  'settle_date',
  'station_id',
  'opter',
  'encounter_no',
  'psn_no',
  'psn_name',
  'certno',
  'scheme',
  'setl_type',
  'insutype',
  'insuplc_admdvs',
] as const;

/** The CSV's columns: the field codes, or (with a language) the screens' labels. */
function header(lang: string | undefined): string[] {
  const codes = [...ID_COLUMNS, ...SETLINFO_FIELDS, ...FUND_CODES.map((c) => `fund_${c}`)];
  if (!lang) return codes;
  const m = messagesFor(lang);
  const zh = lang.startsWith('zh');
  const ids: Record<(typeof ID_COLUMNS)[number], string> = {
    local_setl_id: m.receipt.localId,
    setl_id: m.receipt.setlId,
    status: m.list.status,
    settled_at: m.receipt.settledAt,
    settle_date: m.list.settleDate,
    station_id: m.list.stationId,
    opter: m.receipt.opter,
    encounter_no: m.list.encounterNo,
    psn_no: m.list.psnNo,
    psn_name: m.list.name,
    certno: m.list.certno,
    scheme: m.person.scheme,
    setl_type: m.person.setlType,
    insutype: m.list.insutype,
    insuplc_admdvs: m.list.insured,
  };
  return [
    ...ID_COLUMNS.map((c) => ids[c]),
    ...SETLINFO_FIELDS.map((f) => m.setlinfo[f]),
    ...FUND_CODES.map((c) => FUND_PAY_TYPES[c][zh ? 0 : 1]),
  ];
}

/** The figures that count for a settlement: the platform's when it answered a discrepancy
 * (platform-protocol.md 8201), the station's own otherwise. Exports, reports and reconciliation use
 * these. */
export function countedResult(s: SettlementRow): SettleResult {
  return s.platform_result ?? s.result;
}

function row(s: SettlementRow): string[] {
  const counted = countedResult(s);
  const funds = new Map((counted.setldetail ?? []).map((f) => [f.fund_pay_type, f.fund_payamt]));
  return [
    s.local_setl_id,
    s.setl_id ?? '',
    s.status,
    formatChinaTime(s.settled_at),
    s.settle_date,
    s.station_id,
    s.opter,
    s.encounter_no,
    s.psn_no,
    s.psn_name,
    maskCertno(s.certno),
    s.scheme,
    s.setl_type,
    s.scheme === 'medical' ? (s.request.person.insutype ?? '') : '',
    s.request.person.insuplc_admdvs,
    ...SETLINFO_FIELDS.map((f) => counted.setlinfo[f]),
    ...FUND_CODES.map((c) => funds.get(c) ?? '0.00'),
  ];
}

/** A cell a spreadsheet would run as a formula is written as text ('=…); amounts, negative ones
 * (reversals) included, stay numbers. */
const FORMULA = /^[=+@\t\r]|^-(?!\d+(\.\d+)?$)/;

/** One row per settlement, with a UTF-8 BOM so that spreadsheets read the Chinese right. */
export function settlementsCsv(rows: readonly SettlementRow[], opts: { lang?: string } = {}): string {
  return `\uFEFF${Papa.unparse({ fields: header(opts.lang), data: rows.map(row) }, { escapeFormulae: FORMULA, newline: '\r\n' })}\r\n`;
}

export async function periodCsv(
  station: Station,
  period: Period,
  opts: { lang?: string } = {},
): Promise<ExportFile> {
  return {
    name: `settlements-${period.from}-${period.to}.csv`,
    mime: 'text/csv',
    text: settlementsCsv(await settlementsInPeriod(station.db, period), opts),
  };
}

/** Saves a text file through the browser's download (Electron: its save dialog). */
export function downloadText(file: ExportFile, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: `${file.mime};charset=utf-8` }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = file.name;
  doc.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
