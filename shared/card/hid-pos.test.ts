import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  createScanAssembler,
  encodeScannedDataReports,
  decodeScanText,
  parseScannedDataReport,
  qrTokenRead,
  symbologyName,
} from './hid-pos';
import { CardError } from './errors';
import { encodeGbk } from './gbk';

const reports = encodeScannedDataReports;

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('HID-POS scanned data', () => {
  it('reassembles a QR payload spread over three reports', () => {
    const token = 'CHS1.' + 'A'.repeat(120) + '.签名';
    const asm = createScanAssembler();
    const rs = reports(utf8(token));
    expect(rs).toHaveLength(3);
    expect(asm.push(rs[0])).toBeNull();
    expect(asm.pending).toBe(true);
    expect(asm.push(rs[1])).toBeNull();
    const scan = asm.push(rs[2]);
    expect(scan).toMatchObject({ symbology: ']Q1', text: token });
    expect(symbologyName(scan!.symbology)).toBe('QR Code');
  });

  it('ignores reports with another report id', () => {
    const asm = createScanAssembler();
    const other = new Uint8Array(64);
    other[0] = 0x04;
    expect(asm.push(other)).toBeNull();
    expect(asm.pending).toBe(false);
  });

  it('handles WebHID-style reports without the id byte', () => {
    const [r] = reports(utf8('123'));
    expect(parseScannedDataReport(r.slice(1), false)).toMatchObject({ symbology: ']Q1', continued: false });
  });

  it.each([
    ['byte count beyond the data area', (r: Uint8Array) => (r[1] = 60)],
    ['too short', null],
  ])('refuses %s', (_l, mutate) => {
    const [r] = reports(utf8('x'));
    if (mutate) mutate(r);
    const report = mutate ? r : r.slice(0, 4);
    expect(() => parseScannedDataReport(report)).toThrow(CardError);
  });

  it('refuses a symbology change in the middle of a scan, then recovers', () => {
    const asm = createScanAssembler();
    const a = reports(utf8('A'.repeat(80)));
    const b = reports(utf8('B'), ']C0');
    asm.push(a[0]);
    expect(() => asm.push(b[0])).toThrow(/symbology/);
    expect(asm.push(reports(utf8('ok'))[0])?.text).toBe('ok');
  });

  it('decodes GBK payloads from older scanners', () => {
    expect(decodeScanText(encodeGbk('社保卡'))).toBe('社保卡');
    expect(decodeScanText(utf8('社保卡'))).toBe('社保卡');
  });

  it('makes an unresolved token read, never an identity', () => {
    const r = qrTokenRead(
      { symbology: ']Q1', text: 'TOKEN' },
      { kind: 'hid-pos', deviceId: 'p', label: 'scanner' },
    );
    expect(r).toMatchObject({ kind: 'qr-token', certType: '01', token: 'TOKEN', ssn: '', partial: true });
    expect(r.warnings[0].code).toBe('QR_UNRESOLVED');
  });

  it('fuzz: arbitrary reports never throw anything but CardError', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 70 }), { maxLength: 10 }), (rs) => {
        const asm = createScanAssembler({ maxBytes: 200 });
        for (const r of rs) {
          try {
            const scan = asm.push(r);
            if (scan) expect(typeof scan.text).toBe('string');
          } catch (e) {
            expect(e).toBeInstanceOf(CardError);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('property: any payload survives chunking', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 500 }), (payload) => {
        const asm = createScanAssembler();
        const rs = reports(payload);
        let scan = null;
        for (const r of rs) scan = asm.push(r);
        expect(scan?.bytes).toEqual(payload);
      }),
    );
  });
});
