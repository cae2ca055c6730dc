import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stxBccCodec } from './frame-stx';
import { chunkedCodec } from './frame-chunked';
import { CardError } from './errors';
import { concatBytes, fromHex, toHex } from './bytes';
import type { FrameCodec, ReaderFrame } from './frame-codec';
import { frameCodecByName } from './frame-codec';

const codecs: FrameCodec[] = [stxBccCodec, chunkedCodec];
const frameArb = fc.record({
  head: fc.integer({ min: 0, max: 255 }),
  data: fc.uint8Array({ maxLength: 600 }),
});

describe.each(codecs)('frame codec $name', (codec) => {
  it('round-trips any frame at several report sizes', () => {
    fc.assert(
      fc.property(frameArb, fc.constantFrom(8, 16, 32, 64), (frame, size) => {
        const reports = codec.encode(frame, size);
        for (const r of reports) expect(r.length).toBe(size);
        const dec = codec.createDecoder();
        const out: ReaderFrame[] = reports.flatMap((r) => dec.push(r));
        expect(out).toEqual([frame]);
      }),
      { numRuns: 300 },
    );
  });

  it('fuzz: arbitrary reports never throw anything but FRAME_GARBLED', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ minLength: 0, maxLength: 64 }), { maxLength: 20 }), (reports) => {
        const dec = codec.createDecoder();
        for (const r of reports) {
          try {
            for (const f of dec.push(r)) expect(f.head).toBeLessThan(256);
          } catch (e) {
            expect(e).toBeInstanceOf(CardError);
            expect((e as CardError).code).toBe('FRAME_GARBLED');
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('fuzz: a flipped byte is either caught or, for chunked, yields a frame of the right shape', () => {
    fc.assert(
      fc.property(frameArb, fc.nat(), fc.integer({ min: 1, max: 255 }), (frame, pos, xor) => {
        const reports = codec.encode(frame, 64);
        const flat = concatBytes(reports);
        const i = pos % flat.length;
        flat[i] ^= xor;
        const dec = codec.createDecoder();
        try {
          const out: ReaderFrame[] = [];
          for (let off = 0; off < flat.length; off += 64) out.push(...dec.push(flat.slice(off, off + 64)));
          if (codec === stxBccCodec && out.length === 1 && i >= 3) {
            // From HEAD on, the BCC catches every single-byte flip, so an accepted frame means the flip
            // hit padding. (A flipped STX or LEN can, 1 time in 256, resync onto a bogus frame: that is
            // what the SSSE layer's TLV and status-word checks are for.)
            expect(out[0]).toEqual(frame);
          }
        } catch (e) {
          expect((e as CardError).code).toBe('FRAME_GARBLED');
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('stx-bcc framing specifics', () => {
  it('encodes the documented layout', () => {
    const [report] = stxBccCodec.encode({ head: 0x31, data: fromHex('00A40400') }, 16);
    // STX, LEN=0005, HEAD 31, data, BCC = 00^05^31^00^A4^04^00 = 0x94, ETX, padding
    expect(toHex(report)).toBe('0200053100A404009403000000000000');
  });
  it('skips garbage before STX and resynchronises', () => {
    const dec = stxBccCodec.createDecoder();
    const [report] = stxBccCodec.encode({ head: 0, data: Uint8Array.of(1, 2) }, 16);
    expect(dec.push(Uint8Array.of(0xaa, 0xbb, ...report))).toEqual([{ head: 0, data: Uint8Array.of(1, 2) }]);
  });
  it('refuses a bad BCC as FRAME_GARBLED', () => {
    const [report] = stxBccCodec.encode({ head: 0, data: Uint8Array.of(1, 2) }, 16);
    report[6] ^= 0xff;
    expect(() => stxBccCodec.createDecoder().push(report)).toThrow(/FRAME_GARBLED/);
  });
});

describe('frameCodecByName', () => {
  it('knows both framings and nothing inherited', () => {
    expect(frameCodecByName('stx-bcc')).toBe(stxBccCodec);
    expect(frameCodecByName('chunked')).toBe(chunkedCodec);
    expect(frameCodecByName('toString')).toBeUndefined();
  });
});
