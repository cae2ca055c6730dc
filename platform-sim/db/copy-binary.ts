// PostgreSQL's binary COPY format, for the first seeding's bulk load. Against the text format it
// saves both sides work: no escaping of backslashes, tabs and line breaks in JavaScript and no
// scanning for them in the server (PGlite's COPY of the seeding's dataset rows: 2.8 s against 3.4–3.7 s,
// the bytes built in 1.6–2.7 s against 3.3–6.1 s; docs/platform.md, "Seeding, fourth round"). The
// encoder writes UTF-8 straight into the chunk's buffer; chunks are whole rows without the file's
// header and trailer, which the database layer adds around each COPY statement's data.

/** A column's type as the binary format sends it: text (UTF-8), int4 (32-bit, big-endian) or bool. */
export type CopyType = 'text' | 'int4' | 'bool';
export type CopyValue = string | number | boolean | null;
/** Bytes of COPY data, over an ArrayBuffer of their own (transferable, and a Blob part). */
export type CopyBytes = Uint8Array<ArrayBuffer>;

/** What starts every binary COPY stream: the signature, flags 0, no header extension. */
export const BINARY_COPY_HEADER: CopyBytes = new Uint8Array([
  0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00, 0, 0, 0, 0, 0, 0, 0, 0,
]);
/** What ends it: a field count of -1. */
export const BINARY_COPY_TRAILER: CopyBytes = new Uint8Array([0xff, 0xff]);

/** About how many bytes one chunk holds (a row longer than this gets a chunk of its own). */
export const COPY_CHUNK_BYTES = 4 * 1024 * 1024;

// Keys, codes and references are short ASCII strings: copied byte by byte, they skip a call into
// the native UTF-8 encoder each (a million and more of them in the bench world's seeding).
const SHORT = 48;
function writeShort(buf: Buffer, s: string, at: number): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return buf.write(s, at, 'utf8');
    buf[at + i] = c;
  }
  return s.length;
}

/**
 * Encodes rows as binary COPY tuples, about `chunkBytes` per chunk. Each chunk owns its whole
 * ArrayBuffer, so it can be transferred to another thread without a copy. A value that does not fit
 * its column's type (a non-integer for int4, a number for text, …) throws a RangeError naming it.
 */
export function* binaryCopyChunks<Row>(
  types: readonly CopyType[],
  rows: Iterable<Row>,
  values: (row: Row) => readonly CopyValue[],
  chunkBytes = COPY_CHUNK_BYTES,
): Generator<CopyBytes> {
  let buf = Buffer.allocUnsafeSlow(chunkBytes);
  let at = 0;
  for (const row of rows) {
    const v = values(row);
    if (v.length !== types.length)
      throw new RangeError(`a COPY row has ${v.length} values for ${types.length} columns`);
    // The most the row can take: UTF-8 needs at most 3 bytes per UTF-16 unit.
    let most = 2;
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      most += 4 + (typeof x === 'string' ? x.length * 3 : 4);
    }
    if (at + most > buf.length) {
      if (at > 0) yield new Uint8Array(buf.buffer, 0, at);
      buf = Buffer.allocUnsafeSlow(Math.max(chunkBytes, most));
      at = 0;
    }
    buf.writeInt16BE(v.length, at);
    at += 2;
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      const type = types[i];
      if (x === null) {
        buf.writeInt32BE(-1, at);
        at += 4;
      } else if (type === 'text' && typeof x === 'string') {
        const n = x.length <= SHORT ? writeShort(buf, x, at + 4) : buf.write(x, at + 4, 'utf8');
        buf.writeInt32BE(n, at);
        at += 4 + n;
      } else if (type === 'int4' && typeof x === 'number' && Number.isInteger(x) && Math.abs(x) < 2 ** 31) {
        buf.writeInt32BE(4, at);
        buf.writeInt32BE(x, at + 4);
        at += 8;
      } else if (type === 'bool' && typeof x === 'boolean') {
        buf.writeInt32BE(1, at);
        buf[at + 4] = x ? 1 : 0;
        at += 5;
      } else {
        throw new RangeError(`COPY column ${i + 1} is ${type}, got ${typeof x} ${String(x).slice(0, 40)}`);
      }
    }
  }
  if (at > 0) yield new Uint8Array(buf.buffer, 0, at);
}

/** The whole COPY data of one statement: header, the chunks' tuples, trailer. */
export function binaryCopyData(chunks: readonly CopyBytes[]): CopyBytes[] {
  return [BINARY_COPY_HEADER, ...chunks, BINARY_COPY_TRAILER];
}
