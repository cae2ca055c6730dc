// A smart-card reader as a card source: asks the reader every few hundred ms whether a card is
// present and reads it once per insertion (a card left in the slot is not read again and again).
// Errors of one insertion are reported once; the next insertion starts afresh.
import { CardError, cardPresence, readCardThroughReader } from '../../../shared/card';
import type { CardRead, CardSourceInfo } from '../../../shared/card';
import type { HidTransport } from './hid-transport';

export interface SourceSink {
  read(read: CardRead): void;
  error(error: CardError, deviceId: string): void;
}

export interface ReaderSourceOptions {
  transport: HidTransport;
  source: CardSourceInfo;
  slot: 0 | 1;
  pollMs: number;
  today: () => string;
  sink: SourceSink;
}

export interface ReaderSource {
  /** Reads whatever card is in the reader now (also used by the polling loop). */
  readNow(): Promise<CardRead>;
  stop(): void;
}

export function startReaderSource(opts: ReaderSourceOptions): ReaderSource {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let cardWasPresent = false;
  let lastInsertion: number | null = null;
  let lastPollError = '';

  const readNow = () =>
    readCardThroughReader(opts.transport.exchange, {
      today: opts.today(),
      source: opts.source,
      slot: opts.slot,
    });

  async function poll(): Promise<void> {
    if (stopped || opts.transport.isGone()) return;
    try {
      const { present, insertion } = await cardPresence(opts.transport.exchange);
      lastPollError = '';
      const swapped = present && insertion !== null && lastInsertion !== null && insertion !== lastInsertion;
      if (present) lastInsertion = insertion;
      if (present && (!cardWasPresent || swapped)) {
        cardWasPresent = true;
        try {
          opts.sink.read(await readNow());
        } catch (e) {
          if (!(e instanceof CardError)) throw e;
          if (e.code === 'READER_UNPLUGGED') return; // the device manager reports the unplug
          // NO_CARD here means the card was pulled during the read: let the next insertion retry.
          if (e.code === 'NO_CARD') cardWasPresent = false;
          opts.sink.error(e, opts.source.deviceId);
        }
      } else if (!present) {
        cardWasPresent = false;
      }
    } catch (e) {
      const err =
        e instanceof CardError
          ? e
          : new CardError('FRAME_GARBLED', { detail: e instanceof Error ? e.message : String(e) });
      if (err.code === 'READER_UNPLUGGED') return;
      if (err.code !== lastPollError) opts.sink.error(err, opts.source.deviceId); // once per streak
      lastPollError = err.code;
    } finally {
      if (!stopped && !opts.transport.isGone()) timer = setTimeout(() => void poll(), opts.pollMs);
    }
  }
  timer = setTimeout(() => void poll(), 0);

  return {
    readNow,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
