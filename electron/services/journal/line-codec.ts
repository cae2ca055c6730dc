// One journal line: the entry's JSON, a tab, the first 16 hex digits of its SHA-256, a newline.
// JSON.stringify never emits a raw tab or newline (both are escaped inside strings), so the last tab
// of a line always separates the checksum. A power cut while a line is written leaves a last line
// without its newline or with a checksum that does not match; `scanJournal` reports where the good
// lines end so the journal can cut the torn tail off before it appends again.
import { createHash } from 'node:crypto';

const NEWLINE = 0x0a;
const CHECKSUM_HEX = 16;

export function checksum(json: string): string {
  return createHash('sha256').update(json, 'utf8').digest('hex').slice(0, CHECKSUM_HEX);
}

export function encodeLine(entry: unknown): string {
  const json = JSON.stringify(entry);
  return `${json}\t${checksum(json)}\n`;
}

export interface ScannedLine {
  /** byte offset of the line's first byte */
  offset: number;
  /** bytes of the line including its newline */
  length: number;
  value: unknown;
}

export interface JournalScan {
  lines: ScannedLine[];
  /** bytes up to the end of the last good line: where the next append must start */
  goodEnd: number;
  /** bytes after goodEnd that do not form a complete good line (a torn last write) */
  tornBytes: number;
  /** complete lines (with a newline) before the end whose checksum or JSON is wrong */
  corrupt: { offset: number; reason: string }[];
}

/** Parses one complete line (without its newline); null with a reason when it is not good. */
export function decodeLine(text: string): { value: unknown } | { reason: string } {
  const tab = text.lastIndexOf('\t');
  if (tab < 0) return { reason: 'no checksum' };
  const json = text.slice(0, tab);
  if (checksum(json) !== text.slice(tab + 1)) return { reason: 'checksum mismatch' };
  try {
    return { value: JSON.parse(json) };
  } catch {
    return { reason: 'not JSON' };
  }
}

/**
 * Reads every line of a journal file's bytes. A bad line in the middle is reported (and skipped) but
 * does not hide the lines after it; only the bytes after the last newline-terminated good line, when
 * nothing good follows them, count as a torn tail.
 */
export function scanJournal(bytes: Buffer): JournalScan {
  const lines: ScannedLine[] = [];
  const corrupt: JournalScan['corrupt'] = [];
  let start = 0;
  let goodEnd = 0;
  const pendingBad: JournalScan['corrupt'] = [];
  while (start < bytes.length) {
    const nl = bytes.indexOf(NEWLINE, start);
    if (nl < 0) break; // no newline: the tail was torn mid-line
    const decoded = decodeLine(bytes.toString('utf8', start, nl));
    if ('value' in decoded) {
      corrupt.push(...pendingBad.splice(0));
      lines.push({ offset: start, length: nl + 1 - start, value: decoded.value });
      goodEnd = nl + 1;
    } else {
      pendingBad.push({ offset: start, reason: decoded.reason });
    }
    start = nl + 1;
  }
  // Bad lines with no good line after them are the torn tail, not corruption in the middle.
  return { lines, goodEnd, tornBytes: bytes.length - goodEnd, corrupt };
}
