// The vendor DLL as a card source: iReadCardBas has no "card present" call, so it is polled; a card
// is reported once until a NO_CARD in between (the DLL reads the same card on every call).
import { CardError, parseIReadCardBas } from '../../../shared/card';
import type { CardSourceInfo } from '../../../shared/card';
import type { SourceSink } from './reader-source';
import type { VendorDll } from './vendor-dll';

export interface DllSourceOptions {
  dll: VendorDll;
  iType: 1 | 2 | 3 | 4;
  pollMs: number;
  source: CardSourceInfo;
  today: () => string;
  sink: SourceSink;
}

export function startDllSource(opts: DllSourceOptions): { stop(): void; readNow(): Promise<void> } {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastSeen = ''; // card id (or error code) already reported for the card in the reader

  async function readNow(): Promise<void> {
    let key: string;
    try {
      const { returnCode, output } = await opts.dll.iReadCardBas(opts.iType);
      const read = parseIReadCardBas(returnCode, output, { today: opts.today(), source: opts.source });
      key = `read:${read.cardId}`;
      if (key !== lastSeen) opts.sink.read(read);
    } catch (e) {
      const err =
        e instanceof CardError
          ? e
          : new CardError('DLL_ERROR', { detail: e instanceof Error ? e.message : String(e) });
      if (err.code === 'READER_BUSY') return;
      key = `error:${err.code}:${err.detail ?? ''}`;
      if (err.code !== 'NO_CARD' && key !== lastSeen) opts.sink.error(err, opts.source.deviceId);
    }
    lastSeen = key;
  }

  async function loop(): Promise<void> {
    if (stopped) return;
    await readNow();
    if (!stopped) timer = setTimeout(() => void loop(), opts.pollMs);
  }
  timer = setTimeout(() => void loop(), 0);
  return {
    readNow,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
