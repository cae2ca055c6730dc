import { afterEach, describe, expect, it } from 'vitest';
import {
  chunkedCodec,
  encodeGbk,
  SAMPLE_CARDS,
  toHex,
  validateCitizenIdForTest,
} from './testing/shared-reexports';
import { FakeHid } from './testing/fake-hid';
import { startCardService, stopCardService, TEST_READER, TEST_READER_MODEL } from './testing/service-harness';
import { collect, until } from './testing/wait';

const READER = TEST_READER;
const readerModel = TEST_READER_MODEL;
afterEach(stopCardService);
const start = startCardService;

describe('card service over a fake node-hid reader', () => {
  it('reads a 2.0 card and says which device read it', async () => {
    const hid = new FakeHid();
    const reader = hid.plugReader({ ...READER, product: 'SSC-100' });
    const svc = start(hid);
    const log = collect(svc);
    await svc.start();
    expect(svc.status().devices).toEqual([
      { id: READER.path, kind: 'card-reader', product: 'SSC-100', vendorId: 0x0400, productId: 0xc35a },
    ]);
    reader.insert(SAMPLE_CARDS[0]);
    const read = await until(() => log.reads[0], 'a read');
    expect(read).toMatchObject({ ssn: SAMPLE_CARDS[0].certno, name: '张三', partial: false });
    expect(read.source).toEqual({
      kind: 'hid-reader',
      deviceId: READER.path,
      label: 'SSC-100',
      vendorId: 0x0400,
      productId: 0xc35a,
    });
    // Left in the slot, the card is not read again.
    await new Promise((r) => setTimeout(r, 60));
    expect(log.reads).toHaveLength(1);
    // Pulled and inserted again: read again.
    reader.remove();
    await new Promise((r) => setTimeout(r, 30));
    reader.insert(SAMPLE_CARDS[0]);
    await until(() => log.reads.length === 2, 'second read');
  });

  it('reads a 3.0 card without PSAM as partial and names the fallbacks', async () => {
    const hid = new FakeHid();
    const reader = hid.plugReader(READER);
    const svc = start(hid);
    const log = collect(svc);
    await svc.start();
    reader.insert(SAMPLE_CARDS[1]);
    const read = await until(() => log.reads[0], 'a read');
    expect(read).toMatchObject({ partial: true, ssn: '', name: '', specVersion: '3.00' });
    expect(read.warnings[0].message_zh).toMatch(/PSAM/);
    expect(read.fallbacks).toEqual(['psam-reader', 'online-resolution', 'type-id-number']);
    expect(log.statuses.at(-1)?.notice).toMatchObject({ code: 'PSAM_NEEDED', deviceId: READER.path });
  });

  it('reads over the chunked framing with numbered reports', async () => {
    const hid = new FakeHid();
    const reader = hid.plugReader({
      ...READER,
      codec: chunkedCodec,
      reportSize: 32,
      reportId: 1,
      psam: true,
    });
    const svc = start(hid, {
      readers: [{ ...readerModel, framing: 'chunked', reportSize: 32, reportId: 1 }],
    });
    const log = collect(svc);
    await svc.start();
    reader.insert(SAMPLE_CARDS[1]);
    const read = await until(() => log.reads[0], 'a read');
    expect(read).toMatchObject({ partial: false, name: '李四', ssn: SAMPLE_CARDS[1].certno });
  });

  it('follows a hand-written APDU transcript with 61xx and 6Cxx replies and a GBK 4E name', async () => {
    const hid = new FakeHid();
    const reader = hid.plugReader(READER);
    const svc = start(hid);
    const log = collect(svc);
    await svc.start();
    const an = (s: string, n: number) => toHex(new TextEncoder().encode(s)).padEnd(n * 2, '0');
    const gbk = (s: string, n: number) => toHex(encodeGbk(s)).padEnd(n * 2, '0');
    const ssn = '11010519491231002X';
    // The exact exchange, in order: [command, reply]. The card answers SELECT AID with 61xx (FCI
    // waiting), holds its card number in 10 bytes (6Cxx), splits the issue date with 61xx, lacks
    // tag 04 (6A83) and has a four-character name whose last two characters sit in tag 4E.
    const transcript: Array<[string, string]> = [
      ['00A404000F7378312E73682EC9E7BBE1B1A3D5CF', '6112'],
      ['00C0000012', '6F10840E7378312E73682EC9E7BBE1B1A3D5' + '9000'],
      ['00A4020002EF05', '9000'],
      ['00B2010012', '0110' + '110100D15600000512345678ABCDEF01' + '9000'],
      ['00B2020003', '0201' + an('3', 1) + '9000'],
      ['00B2030006', '0304' + an('2.00', 4) + '9000'],
      ['00B204000E', '6A83'],
      ['00B2050006', '0504' + '6104'],
      ['00C0000004', '20150101' + '9000'],
      ['00B2060006', '0604' + '20250701' + '9000'],
      ['00B207000B', '6C0C'],
      ['00B207000C', '070A' + an('S12345679', 10) + '9000'],
      ['00A4020002EF06', '9000'],
      ['00B2080014', '0812' + an(ssn, 18) + '9000'],
      ['00B2090020', '091E' + gbk('欧阳', 30) + '9000'],
      ['00B24E0016', '4E14' + gbk('娜娜', 20) + '9000'],
      ['00B20A0003', '0A01' + an('2', 1) + '9000'],
      ['00B20B0003', '0B01' + '01' + '9000'],
      ['00B20C0005', '0C03' + '110105' + '9000'],
      ['00B20D0006', '0D04' + '19491231' + '9000'],
    ];
    const mismatches: string[] = [];
    let step = 0;
    reader.insert({
      atr: Uint8Array.of(0x3b, 0x6c),
      psamAuthenticate: () => false,
      reset: () => undefined,
      transmit(apdu) {
        const [expected, reply] = transcript[step++] ?? ['(end of transcript)', '6D00'];
        if (toHex(apdu) !== expected) {
          mismatches.push(`step ${step}: sent ${toHex(apdu)}, transcript has ${expected}`);
          return Uint8Array.of(0x6d, 0x00);
        }
        return Uint8Array.from(Buffer.from(reply, 'hex'));
      },
    });
    await until(() => log.reads[0] ?? log.errors[0], 'a read');
    expect(mismatches).toEqual([]);
    expect(log.errors).toEqual([]);
    expect(step).toBe(transcript.length);
    const read = log.reads[0];
    expect(read).toMatchObject({
      ssn,
      name: '欧阳娜娜',
      cardId: '110100D15600000512345678ABCDEF01',
      region: '110100',
      issued: '2015-01-01',
      expires: '2025-07-01',
      cardNo: 'S12345679',
    });
    expect(read.warnings.map((w) => w.code)).toContain('CARD_EXPIRED');
    expect(reader.apdus).toContain('00C0000012');
    expect(reader.apdus).toContain('00C0000004');
    expect(validateCitizenIdForTest(read.ssn)).toBe(true);
  });

  it('reports garbled frames and reads the next insertion', async () => {
    const hid = new FakeHid();
    const reader = hid.plugReader(READER);
    const svc = start(hid);
    const log = collect(svc);
    await svc.start();
    reader.tamper = (reports, n) => {
      if (n !== 3) return reports;
      const bad = reports.map((r) => Uint8Array.from(r));
      bad[0][6] ^= 0x5a; // flips a data byte: the BCC no longer matches
      return bad;
    };
    reader.insert(SAMPLE_CARDS[0]);
    const err = await until(() => log.errors[0], 'an error');
    expect(err).toMatchObject({ code: 'FRAME_GARBLED', deviceId: READER.path });
    expect(log.reads).toHaveLength(0);
    reader.tamper = null;
    reader.remove();
    await new Promise((r) => setTimeout(r, 30));
    reader.insert(SAMPLE_CARDS[0]);
    await until(() => log.reads[0], 'a read after the garbled one');
  });

  it('reports an unplug in the middle of a read, then reconnects and reads', async () => {
    const hid = new FakeHid();
    const reader = hid.plugReader(READER);
    const svc = start(hid);
    const log = collect(svc);
    await svc.start();
    reader.unplugAtApdu = 5;
    reader.insert(SAMPLE_CARDS[0]);
    const err = await until(() => log.errors.find((e) => e.code === 'READER_UNPLUGGED'), 'the unplug');
    expect(err.message_en).toMatch(/unplugged/);
    await until(() => log.statuses.find((s) => s.notice?.code === 'DEVICE_UNPLUGGED'), 'an unplug notice');
    expect(svc.status().devices).toEqual([]);
    expect(log.reads).toHaveLength(0);

    reader.unplugAtApdu = null;
    hid.replug(reader);
    await until(() => svc.status().devices.length === 1, 'reconnect');
    const read = await until(() => log.reads[0], 'a read after reconnect');
    expect(read.ssn).toBe(SAMPLE_CARDS[0].certno);
    expect(hid.opens).toEqual([READER.path, READER.path]);
    expect(hid.overlapped).toBe(false);
  });

  it('reports a reader that stops answering as READER_TIMEOUT once', async () => {
    const hid = new FakeHid();
    const reader = hid.plugReader(READER);
    const svc = start(hid);
    const log = collect(svc);
    await svc.start();
    reader.tamper = () => [];
    reader.insert(SAMPLE_CARDS[0]);
    const err = await until(() => log.errors[0], 'a timeout', 3000);
    expect(err.code).toBe('READER_TIMEOUT');
  });
});
