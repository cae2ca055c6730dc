// One card service per test over a FakeHid, with fast timings and the test reader's model: the set-up
// the card-service tests share. `startCardService` stops the previous one; `stopCardService` goes in
// each file's afterEach.
import { createCardService, type CardService } from '../index';
import type { FakeHid } from './fake-hid';

export const TEST_READER = { path: '/dev/hidraw3', vendorId: 0x0400, productId: 0xc35a };
export const FAST_TIMINGS = { enumerateMs: 30, cardPollMs: 10, frameTimeoutMs: 300, scanGapMs: 100 };
export const TEST_READER_MODEL = {
  name: 'Test reader',
  vendorId: TEST_READER.vendorId,
  productId: TEST_READER.productId,
  framing: 'stx-bcc' as const,
};
export const testNow = () => new Date('2026-11-23T10:00:00');

let service: CardService | null = null;

export function startCardService(hid: FakeHid, config: Record<string, unknown> = {}): CardService {
  service = createCardService({
    hid,
    now: testNow,
    config: { ...FAST_TIMINGS, readers: [TEST_READER_MODEL], ...config },
  });
  return service;
}

export async function stopCardService(): Promise<void> {
  await service?.stop();
  service = null;
}
