// The production path with the real node-hid (CI installs libusb-1.0-0, build-environment.md). The
// machines have no HID devices: enumeration must work and find none, and the demo tray still reads.
import { afterEach, expect, it } from 'vitest';
import { SAMPLE_CARDS } from '../../../shared/card';
import { createCardService } from './index';
import type { CardService } from './index';
import { loadNodeHid } from './hid-port';
import { collect, until } from './testing/wait';

let service: CardService | null = null;
afterEach(async () => {
  await service?.stop();
  service = null;
});

it('loads the real node-hid lazily and enumerates', async () => {
  const hid = await loadNodeHid();
  const devices = await hid.devicesAsync();
  expect(Array.isArray(devices)).toBe(true);
});

it('runs the card service on the real node-hid with the demo tray beside it', async () => {
  service = createCardService({ config: { enumerateMs: 50, cardPollMs: 10, simulated: { enabled: true } } });
  const log = collect(service);
  await service.start();
  expect(log.statuses.map((s) => s.notice?.code)).not.toContain('HID_UNAVAILABLE');
  expect((await service.listDevices()).filter((d) => d.role === 'reader').map((d) => d.info.path)).toContain(
    'simulated:reader',
  );
  await service.insertDemoCard(SAMPLE_CARDS[0].card_id);
  expect((await until(() => log.reads[0], 'a demo read')).ssn).toBe(SAMPLE_CARDS[0].certno);
});
