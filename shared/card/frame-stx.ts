// Framing "stx-bcc" for HID smart-card readers (the shape most Chinese HID reader protocols share):
//
//   STX 0x02 | LEN_H LEN_L | HEAD | DATA … | BCC | ETX 0x03
//
// LEN counts HEAD + DATA (big-endian); BCC is the XOR of LEN_H … last DATA byte. HEAD is the command
// code host→reader and the status code reader→host. A message longer than one HID report is split
// across consecutive reports of `reportSize` bytes, the last one zero-padded. The report id byte that
// node-hid adds or expects is handled by the transport, not here. Verify the codes against your
// reader's manual; new framings implement the same FrameCodec interface (frame-codec.ts).
import { CardError } from './errors';
import { toHex, xorAll } from './bytes';
import type { FrameCodec, FrameDecoder, ReaderFrame } from './frame-codec';

const STX = 0x02;
const ETX = 0x03;
const MAX_LEN = 4096; // longer than any APDU exchange; a bigger LEN is garbage

function encode(frame: ReaderFrame, reportSize: number): Uint8Array[] {
  const len = frame.data.length + 1;
  if (len > MAX_LEN) throw new RangeError(`frame of ${len} bytes exceeds ${MAX_LEN}`);
  const msg = new Uint8Array(len + 5);
  msg[0] = STX;
  msg[1] = len >> 8;
  msg[2] = len & 0xff;
  msg[3] = frame.head;
  msg.set(frame.data, 4);
  msg[len + 3] = xorAll(msg, 1, len + 3);
  msg[len + 4] = ETX;
  const reports: Uint8Array[] = [];
  for (let off = 0; off < msg.length; off += reportSize) {
    const report = new Uint8Array(reportSize);
    report.set(msg.slice(off, off + reportSize));
    reports.push(report);
  }
  return reports;
}

function createDecoder(): FrameDecoder {
  let buf: number[] = [];
  return {
    push(chunk: Uint8Array): ReaderFrame[] {
      const frames: ReaderFrame[] = [];
      for (const b of chunk) buf.push(b);
      for (;;) {
        // Between frames only padding is expected; anything else before an STX is discarded so a
        // half-received frame after a reconnect does not poison the next one.
        const start = buf.indexOf(STX);
        if (start < 0) {
          buf = [];
          break;
        }
        if (start > 0) buf = buf.slice(start);
        if (buf.length < 3) break;
        const len = (buf[1] << 8) | buf[2];
        if (len < 1 || len > MAX_LEN) {
          buf = buf.slice(1);
          throw new CardError('FRAME_GARBLED', { detail: `frame length ${len}` });
        }
        if (buf.length < len + 5) break;
        const msg = Uint8Array.from(buf.slice(0, len + 5));
        buf = buf.slice(len + 5);
        const bcc = xorAll(msg, 1, len + 3);
        if (msg[len + 3] !== bcc || msg[len + 4] !== ETX) {
          buf = []; // the rest of this transfer is untrustworthy
          throw new CardError('FRAME_GARBLED', { detail: `bad BCC/ETX in ${toHex(msg.slice(0, 16))}…` });
        }
        frames.push({ head: msg[3], data: msg.slice(4, len + 3) });
        // Padding zeros after a frame end the report; drop them so they never count as data.
        while (buf.length > 0 && buf[0] === 0x00) buf.shift();
      }
      return frames;
    },
    reset() {
      buf = [];
    },
  };
}

export const stxBccCodec: FrameCodec = { name: 'stx-bcc', encode, createDecoder };
