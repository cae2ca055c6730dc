import { describe, expect, it } from 'vitest';
import { CardConfigError, EXAMPLE_READER_MODELS, parseCardConfig } from './config';
import { matchDevice } from './device-match';
import type { HidDeviceInfo } from './hid-port';

describe('parseCardConfig', () => {
  it('fills defaults', () => {
    const c = parseCardConfig({});
    expect(c).toMatchObject({ readers: [], dll: null, simulated: { enabled: false }, enumerateMs: 2000 });
    expect(c.scanners[0]).toMatchObject({ usagePage: 0x8c });
  });
  it('accepts the example reader models', () => {
    expect(parseCardConfig({ readers: EXAMPLE_READER_MODELS }).readers).toHaveLength(2);
  });
  it.each([
    [
      'unknown framing',
      { readers: [{ name: 'r', vendorId: 1, productId: 2, framing: 'ccid' }] },
      'readers.0.framing',
    ],
    [
      'VID out of range',
      { readers: [{ name: 'r', vendorId: 0x10000, productId: 2, framing: 'stx-bcc' }] },
      'readers.0.vendorId',
    ],
    ['iType 5', { dll: { path: 'a.dll', iType: 5 } }, 'dll.iType'],
    ['empty DLL path', { dll: { path: '' } }, 'dll.path'],
    ['negative poll', { cardPollMs: -1 }, 'cardPollMs'],
    ['string for a number', { frameTimeoutMs: '100' }, 'frameTimeoutMs'],
    [
      'report size 4',
      { readers: [{ name: 'r', vendorId: 1, productId: 2, framing: 'chunked', reportSize: 4 }] },
      'readers.0.reportSize',
    ],
  ])('refuses %s naming the field', (_l, input, path) => {
    try {
      parseCardConfig(input);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CardConfigError);
      expect((e as CardConfigError).path).toBe(path);
      expect((e as Error).message).toContain(path);
    }
  });
});

describe('matchDevice', () => {
  const config = parseCardConfig({
    readers: [{ name: 'Reader', vendorId: 0x0400, productId: 0xc35a, usagePage: 0xff00, framing: 'stx-bcc' }],
    scanners: [{ name: 'Any HID-POS' }, { name: 'Pinned', vendorId: 0x1eab, productId: 0x1d03 }],
  });
  const dev = (d: Partial<HidDeviceInfo>): HidDeviceInfo => ({
    vendorId: 0,
    productId: 0,
    release: 1,
    interface: 0,
    path: 'p',
    ...d,
  });
  it.each([
    ['reader on its vendor page', dev({ vendorId: 0x0400, productId: 0xc35a, usagePage: 0xff00 }), 'reader'],
    ['reader without usage page (libusb)', dev({ vendorId: 0x0400, productId: 0xc35a }), 'reader'],
    ['reader keyboard interface', dev({ vendorId: 0x0400, productId: 0xc35a, usagePage: 0x01 }), null],
    ['any HID-POS scanner', dev({ vendorId: 0x05e0, productId: 0x1300, usagePage: 0x8c }), 'scanner'],
    ['a keyboard', dev({ vendorId: 0x046d, productId: 0xc31c, usagePage: 0x01 }), null],
    ['pinned scanner without usage page', dev({ vendorId: 0x1eab, productId: 0x1d03 }), 'scanner'],
    ['unknown device without usage page', dev({ vendorId: 0x1234, productId: 0x5678 }), null],
  ])('%s → %s', (_l, info, role) => {
    expect(matchDevice(info, config)?.role ?? null).toBe(role);
  });
});
