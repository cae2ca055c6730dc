// GBK text for card names. shared/ uses no globals except TextDecoder, a web standard present in
// browsers and Node (full ICU supports the 'gbk' label). Encoding GBK has no standard API, so the
// simulator's encoder builds its table from the same decoder, once, on first use.

interface TextDecoderLike {
  decode(input: Uint8Array): string;
}
declare const TextDecoder:
  { new (label: string, options?: { fatal?: boolean }): TextDecoderLike } | undefined;

let decoder: TextDecoderLike | null | undefined;

function gbkDecoder(): TextDecoderLike | null {
  if (decoder === undefined) {
    try {
      decoder = typeof TextDecoder === 'function' ? new TextDecoder('gbk') : null;
    } catch {
      decoder = null; // runtime without GBK tables (small-ICU builds)
    }
  }
  return decoder;
}

/** Decodes GBK bytes; bytes it cannot map become U+FFFD, never an exception. */
export function decodeGbk(bytes: Uint8Array): string {
  const d = gbkDecoder();
  if (d) return d.decode(bytes);
  let s = '';
  for (const b of bytes) s += b < 0x80 ? String.fromCharCode(b) : '\uFFFD';
  return s;
}

/** UTF-8 decoding that reports invalid input as null instead of replacing it. */
export function decodeUtf8Strict(bytes: Uint8Array): string | null {
  if (typeof TextDecoder !== 'function') return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

let encodeTable: Map<string, number> | null = null;

function buildEncodeTable(): Map<string, number> {
  const table = new Map<string, number>();
  const d = gbkDecoder();
  if (!d) return table;
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      const ch = d.decode(pair);
      if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, (lead << 8) | trail);
    }
  }
  return table;
}

/** Encodes text as GBK. Throws TypeError naming the first character GBK cannot hold. */
export function encodeGbk(text: string): Uint8Array {
  encodeTable ??= buildEncodeTable();
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) {
      out.push(c);
      continue;
    }
    const code = encodeTable.get(ch);
    if (code === undefined) throw new TypeError(`character ${JSON.stringify(ch)} has no GBK encoding`);
    out.push(code >> 8, code & 0xff);
  }
  return Uint8Array.from(out);
}
