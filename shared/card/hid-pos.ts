// HID Point of Sale bar code scanners (usage page 0x8C, usage 0x02), cards.md "HID Point of Sale
// scanners". A Scanned Data report (id 2 on common scanners) holds:
//   [report id] | byte count | AIM symbology id (3 bytes, e.g. ']Q1') | data (56 bytes) | vendor (2) | flags
// with bit 0 of the last byte = "decode data continued": chunks are appended until it is clear.
// The report id is byte 0 with node-hid (WebHID strips it; pass hasReportId = false there).
import { CardError } from './errors';
import { concatBytes, toHex } from './bytes';
import { decodeGbk, decodeUtf8Strict } from './gbk';
import { NO_CARD_FIELDS, type CardRead, type CardSourceInfo } from './types';

export const HID_POS_USAGE_PAGE = 0x8c;
export const HID_POS_BARCODE_SCANNER_USAGE = 0x02;
export const SCANNED_DATA_REPORT_ID = 0x02;
/** Feature report that switches several vendors' scanners into HID-POS mode (0xFE = 0x01). */
export const HID_POS_MODE_FEATURE = Uint8Array.of(0xfe, 0x01);

const AIM_NAMES: Readonly<Record<string, string>> = {
  Q: 'QR Code',
  d: 'Data Matrix',
  L: 'PDF417',
  C: 'Code 128',
  E: 'EAN/UPC',
  A: 'Code 39',
  I: 'Interleaved 2 of 5',
  z: 'Aztec',
};

export function symbologyName(aim: string): string {
  return (aim.startsWith(']') && AIM_NAMES[aim[1]]) || 'unknown';
}

export interface ScannedChunk {
  symbology: string; // AIM id, e.g. ']Q1'
  data: Uint8Array;
  continued: boolean;
}

/** The inverse of parseScannedDataReport: a payload as node-hid style Scanned Data reports (report id
 * 2, 64 bytes, up to 56 data bytes each, the last byte flags a continuation). The simulated scanner
 * and the tests build their reports with it. */
export function encodeScannedDataReports(payload: Uint8Array, aim = ']Q1'): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let off = 0; off < Math.max(payload.length, 1); off += 56) {
    const part = payload.slice(off, off + 56);
    const r = new Uint8Array(64);
    r[0] = 0x02;
    r[1] = part.length;
    r.set(
      [...aim].map((c) => c.charCodeAt(0)),
      2,
    );
    r.set(part, 5);
    r[63] = off + 56 < payload.length ? 1 : 0;
    out.push(r);
  }
  return out;
}

export function parseScannedDataReport(report: Uint8Array, hasReportId = true): ScannedChunk | null {
  const base = hasReportId ? 1 : 0;
  if (hasReportId && report[0] !== SCANNED_DATA_REPORT_ID) return null; // other reports (status, …)
  if (report.length < base + 5)
    throw new CardError('SCAN_INVALID', { detail: `report of ${report.length} bytes` });
  const count = report[base];
  const dataStart = base + 4;
  const dataEnd = report.length - 1 - 2; // vendor bytes and the flag byte follow the data
  if (count > dataEnd - dataStart || count > 56) {
    throw new CardError('SCAN_INVALID', { detail: `byte count ${count} exceeds the report's data area` });
  }
  let symbology = '';
  for (let i = base + 1; i < base + 4; i++) symbology += String.fromCharCode(report[i] & 0x7f);
  return {
    symbology,
    data: report.slice(dataStart, dataStart + count),
    continued: (report[report.length - 1] & 0x01) === 1,
  };
}

export interface ScanResult {
  symbology: string;
  bytes: Uint8Array;
  text: string;
}

/** Reassembles chunks into scans. Feeding a report of another kind returns null and changes nothing. */
export function createScanAssembler(opts: { hasReportId?: boolean; maxBytes?: number } = {}) {
  let parts: Uint8Array[] = [];
  let symbology = '';
  let size = 0;
  const maxBytes = opts.maxBytes ?? 8192;
  return {
    push(report: Uint8Array): ScanResult | null {
      const chunk = parseScannedDataReport(report, opts.hasReportId ?? true);
      if (!chunk) return null;
      if (
        parts.length > 0 &&
        chunk.symbology !== symbology &&
        chunk.symbology.trim() !== '' &&
        chunk.symbology !== '\0\0\0'
      ) {
        parts = [];
        size = 0;
        throw new CardError('SCAN_INVALID', {
          detail: `symbology changed from ${symbology} to ${chunk.symbology} mid-scan`,
        });
      }
      if (parts.length === 0) symbology = chunk.symbology;
      parts.push(chunk.data);
      size += chunk.data.length;
      if (size > maxBytes) {
        parts = [];
        size = 0;
        throw new CardError('SCAN_INVALID', { detail: `scan longer than ${maxBytes} bytes` });
      }
      if (chunk.continued) return null;
      const bytes = concatBytes(parts);
      parts = [];
      size = 0;
      return { symbology, bytes, text: decodeScanText(bytes) };
    },
    /** Drops a half-received scan (timeout between chunks, device closed). */
    reset() {
      parts = [];
      size = 0;
    },
    get pending(): boolean {
      return parts.length > 0;
    },
  };
}

/** QR payloads are usually UTF-8; older Chinese scanners send GBK. Invalid UTF-8 → GBK. */
export function decodeScanText(bytes: Uint8Array): string {
  return decodeUtf8Strict(bytes) ?? decodeGbk(bytes);
}

/**
 * A scanned QR is an opaque e-certificate token (mdtrt_cert_type 01): resolved online only, kept
 * unresolved offline and never settled on (cards.md). The identity fields stay empty.
 */
export function qrTokenRead(
  scan: { symbology: string; text: string; bytes?: Uint8Array },
  source: CardSourceInfo,
): CardRead {
  return {
    kind: 'qr-token',
    ssn: '',
    name: '',
    ...NO_CARD_FIELDS,
    partial: true,
    fallbacks: ['online-resolution', 'type-id-number'],
    warnings: [
      {
        code: 'QR_UNRESOLVED',
        message_zh: '电子凭证二维码需联网解析；离线时请出示实体社保卡或输入身份证号码，不能凭未解析的码结算',
        message_en:
          'The e-certificate QR code must be resolved online; offline, ask for the physical card or the ID number — never settle on an unresolved code',
      },
    ],
    certType: '01',
    token: scan.text,
    symbology: scan.symbology,
    raw: scan.bytes ? toHex(scan.bytes) : scan.text,
    source,
  };
}
