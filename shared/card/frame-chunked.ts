// Framing "chunked": no start byte or checksum (USB already checks each report), each report carries
//
//   FLAGS | COUNT | PAYLOAD (COUNT bytes) | zero padding
//
// FLAGS bit 0 = more reports follow; bit 7 = first report of a message. The message payload is
// HEAD | DATA. Readers of this kind rely on USB CRC; we still refuse impossible counts and
// continuations without a start.
import { CardError } from './errors';
import type { FrameCodec, FrameDecoder, ReaderFrame } from './frame-codec';

const FIRST = 0x80;
const MORE = 0x01;

function encode(frame: ReaderFrame, reportSize: number): Uint8Array[] {
  const per = reportSize - 2;
  if (per < 1) throw new RangeError(`report size ${reportSize} too small`);
  const msg = Uint8Array.of(frame.head, ...frame.data);
  const reports: Uint8Array[] = [];
  for (let off = 0; off < msg.length; off += per) {
    const part = msg.slice(off, off + per);
    const report = new Uint8Array(reportSize);
    report[0] = (off === 0 ? FIRST : 0) | (off + per < msg.length ? MORE : 0);
    report[1] = part.length;
    report.set(part, 2);
    reports.push(report);
  }
  return reports;
}

function createDecoder(): FrameDecoder {
  let parts: number[] | null = null;
  return {
    push(chunk: Uint8Array): ReaderFrame[] {
      if (chunk.length < 2)
        throw new CardError('FRAME_GARBLED', { detail: `report of ${chunk.length} bytes` });
      const flags = chunk[0];
      const count = chunk[1];
      if (count > chunk.length - 2 || (flags & ~(FIRST | MORE)) !== 0) {
        parts = null;
        throw new CardError('FRAME_GARBLED', {
          detail: `flags ${flags} count ${count} in a ${chunk.length}-byte report`,
        });
      }
      if (flags & FIRST) parts = [];
      else if (parts === null)
        throw new CardError('FRAME_GARBLED', { detail: 'continuation without a first report' });
      for (let i = 0; i < count; i++) parts.push(chunk[2 + i]);
      if (flags & MORE) return [];
      const msg = parts;
      parts = null;
      if (msg.length === 0) throw new CardError('FRAME_GARBLED', { detail: 'empty message' });
      return [{ head: msg[0], data: Uint8Array.from(msg.slice(1)) }];
    },
    reset() {
      parts = null;
    },
  };
}

export const chunkedCodec: FrameCodec = { name: 'chunked', encode, createDecoder };
