import { afterEach, describe, expect, it } from 'vitest';

import { FakeHid } from './testing/fake-hid';
import { startCardService, stopCardService, TEST_READER } from './testing/service-harness';
import { collect, until } from './testing/wait';

const READER = TEST_READER;
afterEach(stopCardService);
const start = startCardService;

describe('card service with a HID-POS scanner', () => {
  it('reassembles a multi-report QR scan into an unresolved token read', async () => {
    const hid = new FakeHid();
    const scanner = hid.plugScanner({
      path: '/dev/hidraw7',
      vendorId: 0x05e0,
      productId: 0x1300,
      product: 'QR-200',
    });
    const svc = start(hid, { scanners: [{ name: 'QR scanner', switchToHidPos: true }] });
    const log = collect(svc);
    await svc.start();
    expect(svc.status().devices.map((d) => d.kind)).toEqual(['qr-scanner']);
    expect(scanner.device.features).toEqual([[0xfe, 0x01]]);
    const token = 'CHS0' + '7'.repeat(150);
    scanner.scan(new TextEncoder().encode(token));
    const read = await until(() => log.reads[0], 'a scan');
    expect(read).toMatchObject({
      kind: 'qr-token',
      token,
      symbology: ']Q1',
      certType: '01',
      ssn: '',
      partial: true,
    });
    expect(read.source).toMatchObject({ kind: 'hid-pos', deviceId: '/dev/hidraw7', label: 'QR-200' });
  });

  it('drops a scan whose continuation never comes', async () => {
    const hid = new FakeHid();
    const scanner = hid.plugScanner({ path: '/dev/hidraw7', vendorId: 1, productId: 2 });
    const svc = start(hid);
    const log = collect(svc);
    await svc.start();
    const r = new Uint8Array(64);
    r.set([0x02, 3, 0x5d, 0x51, 0x31, 0x41, 0x42, 0x43]);
    r[63] = 1;
    scanner.sendRaw([r]);
    const err = await until(() => log.errors[0], 'a scan error');
    expect(err.code).toBe('SCAN_INVALID');
    scanner.scan(new TextEncoder().encode('NEXT'));
    expect((await until(() => log.reads[0], 'the next scan')).token).toBe('NEXT');
  });

  it('reconnects a scanner after an unplug', async () => {
    const hid = new FakeHid();
    const scanner = hid.plugScanner({ path: '/dev/hidraw7', vendorId: 1, productId: 2 });
    const svc = start(hid);
    const log = collect(svc);
    await svc.start();
    hid.unplug('/dev/hidraw7');
    expect((await until(() => log.errors[0], 'unplug error')).code).toBe('READER_UNPLUGGED');
    expect(log.errors[0].message_en).toMatch(/scanner was unplugged/);
    hid.replug(scanner);
    await until(() => svc.status().devices.length === 1, 'reconnect');
    scanner.scan(new TextEncoder().encode('AFTER-REPLUG'));
    expect((await until(() => log.reads[0], 'a scan')).token).toBe('AFTER-REPLUG');
  });

  it('reports a device it may not open once, and retries when it is plugged in again', async () => {
    const hid = new FakeHid();
    const reader = hid.plugReader(READER);
    hid.refuseOpen.add(READER.path);
    const svc = start(hid);
    const log = collect(svc);
    await svc.start();
    await new Promise((r) => setTimeout(r, 100));
    expect(log.errors.map((e) => e.code)).toEqual(['DEVICE_OPEN_FAILED']);
    hid.refuseOpen.clear();
    hid.unplug(READER.path);
    await new Promise((r) => setTimeout(r, 60));
    hid.replug(reader);
    await until(() => svc.status().devices.length === 1, 'open after replug');
  });

  it('treats a scanner refusing the HID-POS mode switch as an open failure', async () => {
    const hid = new FakeHid();
    const scanner = hid.plugScanner({ path: '/dev/hidraw7', vendorId: 1, productId: 2 });
    scanner.device.refuseFeatures = true;
    const svc = start(hid, { scanners: [{ name: 'QR', switchToHidPos: true }] });
    const log = collect(svc);
    await svc.start();
    expect(log.errors.map((e) => e.code)).toEqual(['DEVICE_OPEN_FAILED']);
    expect(svc.status().devices).toEqual([]);
    expect(scanner.device.handle?.closed ?? true).toBe(true);
  });

  it('ignores devices no config entry claims', async () => {
    const hid = new FakeHid();
    hid.plugReader({ path: '/dev/hidraw1', vendorId: 0x046d, productId: 0xc52b, usagePage: 0x01 });
    const svc = start(hid);
    await svc.start();
    expect(svc.status().devices).toEqual([]);
    expect((await svc.listDevices()).map((d) => d.role)).toEqual([null]);
  });
});
