// Field formats of the card (cards.md): cn = BCD padded with hex F, an = ASCII padded with 0x00,
// names in GBK padded with 0x00. Decoders are total: odd bytes give odd text, never an exception.
import { asciiBytes, toHex } from './bytes';
import { decodeGbk, encodeGbk } from './gbk';

export function decodeCn(bytes: Uint8Array | undefined): string {
  if (!bytes) return '';
  return toHex(bytes).replace(/F+$/, '');
}

export function decodeAn(bytes: Uint8Array | undefined): string {
  if (!bytes) return '';
  let s = '';
  for (const b of bytes) {
    if (b === 0x00) break;
    s += b < 0x80 ? String.fromCharCode(b) : '\uFFFD';
  }
  return s.trim();
}

export function decodeName(bytes: Uint8Array | undefined): string {
  if (!bytes) return '';
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0x00 || bytes[end - 1] === 0x20)) end--;
  return decodeGbk(bytes.slice(0, end)).replace(/\0/g, '').trim();
}

/** YYYYMMDD → YYYY-MM-DD; anything else → '' (the caller decides whether that is damage). */
export function compactDateToIso(ymd: string): string {
  return /^\d{8}$/.test(ymd) ? `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}` : '';
}

export function encodeCn(digits: string, length: number): Uint8Array {
  const hex = digits
    .toUpperCase()
    .padEnd(length * 2, 'F')
    .slice(0, length * 2);
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function encodeAn(text: string, length: number): Uint8Array {
  const out = new Uint8Array(length);
  out.set(asciiBytes(text).slice(0, length));
  return out;
}

export function encodeName(text: string, length: number): Uint8Array {
  const out = new Uint8Array(length);
  out.set(encodeGbk(text).slice(0, length));
  return out;
}
