import { afterEach, describe, expect, it } from 'vitest';
import { SAMPLE_CARDS } from './testing/shared-reexports';
import { createCardService } from './index';
import type { CardService } from './index';
import { FakeHid } from './testing/fake-hid';
import { collect, until } from './testing/wait';
import type { CardPort } from '../station-host/ports';

const fast = { enumerateMs: 30, cardPollMs: 10, frameTimeoutMs: 300, scanGapMs: 100 };
const now = () => new Date('2026-11-23T10:00:00');

let service: CardService | null = null;
afterEach(async () => {
  await service?.stop();
  service = null;
});

describe('the demo tray (simulated reader)', () => {
  it('reads inserted demo cards through the real frame codec and read sequence', async () => {
    const hid = new FakeHid();
    service = createCardService({ hid, now, config: { ...fast, simulated: { enabled: true, psam: false } } });
    const svc = service;
    const log = collect(svc);
    await svc.start();
    expect(svc.status()).toMatchObject({
      devices: [{ id: 'simulated:reader', kind: 'demo-tray', vendorId: null }],
      demoTray: { insertedCardId: null },
    });
    expect(svc.listDemoCards()).toHaveLength(SAMPLE_CARDS.length);
    await svc.insertDemoCard(SAMPLE_CARDS[2].card_id);
    const read = await until(() => log.reads[0], 'a read');
    expect(read.name).toBe(SAMPLE_CARDS[2].psn_name);
    expect(read.source.kind).toBe('simulated');
    expect(read.raw).toContain('00B24E00');
    expect(svc.status().demoTray).toEqual({ insertedCardId: SAMPLE_CARDS[2].card_id });
    // Swapping cards without removing first is still a new insertion.
    await svc.insertDemoCard(SAMPLE_CARDS[4].card_id);
    expect((await until(() => log.errors[0], 'damaged card error')).code).toBe('CARD_DAMAGED');
    await expect(svc.insertDemoCard('nope')).rejects.toMatchObject({ code: 'DEMO_CARD_UNKNOWN' });
    await svc.removeDemoCard();
    expect(svc.status().demoTray).toEqual({ insertedCardId: null });
  });

  it('reads a 3.0 card in full by default and partially once the PSAM is taken out', async () => {
    service = createCardService({
      hid: new FakeHid(),
      now,
      config: { ...fast, simulated: { enabled: true } },
    });
    const log = collect(service);
    await service.start();
    await service.insertDemoCard(SAMPLE_CARDS[1].card_id);
    expect(await until(() => log.reads[0], 'a full read')).toMatchObject({ partial: false, name: '李四' });
    service.simulated?.setPsam(false);
    await service.removeDemoCard();
    await new Promise((r) => setTimeout(r, 30));
    await service.insertDemoCard(SAMPLE_CARDS[1].card_id);
    expect(await until(() => log.reads[1], 'a partial read')).toMatchObject({ partial: true, ssn: '' });
  });

  it('works with node-hid unavailable and says so once', async () => {
    service = createCardService({
      hid: {
        devicesAsync: () => Promise.reject(new Error('libusb-1.0.so.0: cannot open shared object file')),
        HIDAsync: { open: () => Promise.reject(new Error('x')) },
      },
      now,
      config: { ...fast, simulated: { enabled: true } },
    });
    const log = collect(service);
    await service.start();
    await new Promise((r) => setTimeout(r, 80));
    expect(log.statuses.filter((s) => s.notice?.code === 'HID_UNAVAILABLE')).toHaveLength(1);
    await service.insertDemoCard(SAMPLE_CARDS[0].card_id);
    await until(() => log.reads[0], 'a demo read');
  });

  it('fits the station host CardPort', () => {
    const svc = createCardService({ hid: new FakeHid(), now });
    const port: CardPort = svc;
    expect(typeof port.onRead).toBe('function');
  });
});
