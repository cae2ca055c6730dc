// Test helpers: collect a card service's events and wait for a condition without fixed sleeps.
import type { CardRead } from '../../../../shared/card';
import type { CardErrorEvent, CardService, CardStatusEvent } from '../index';

export function collect(service: CardService) {
  const log = { reads: [] as CardRead[], errors: [] as CardErrorEvent[], statuses: [] as CardStatusEvent[] };
  service.onRead((r) => log.reads.push(r));
  service.onError((e) => log.errors.push(e));
  service.onStatus((s) => log.statuses.push(s));
  return log;
}

export async function until<T>(
  probe: () => T | undefined | false | null,
  what: string,
  timeoutMs = 3000,
): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
