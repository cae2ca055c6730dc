// The reader side of a frame codec: takes output reports from the host, answers with input reports,
// forwarding APDUs to an EmulatedCard. The simulated reader wraps it in a node-hid-shaped device and
// tests script it, so host drivers are always exercised through real frames.
import { CardError } from './errors';
import { ReaderCommand, ReaderStatus } from './frame-codec';
import type { FrameCodec, ReaderFrame } from './frame-codec';
import type { EmulatedCard } from './simulated-card';

export interface ReaderEmulatorOptions {
  codec: FrameCodec;
  reportSize: number;
  /** A PSAM in the reader lets 3.0 cards release holder data. */
  psam: boolean;
}

export interface ReaderEmulator {
  insert(card: EmulatedCard): void;
  remove(): void;
  readonly card: EmulatedCard | null;
  /** One output report from the host (without report id) → input reports to send back. */
  handleReport(report: Uint8Array): Uint8Array[];
  /** Answers one decoded frame (exposed for tests that want to tamper with replies). */
  answer(frame: ReaderFrame): ReaderFrame;
}

export function createReaderEmulator(opts: ReaderEmulatorOptions): ReaderEmulator {
  const decoder = opts.codec.createDecoder();
  let card: EmulatedCard | null = null;
  let powered = false;
  let insertions = 0; // reported with the card status so a swap between two polls is noticed
  const empty = new Uint8Array(0);

  function answer(frame: ReaderFrame): ReaderFrame {
    switch (frame.head) {
      case ReaderCommand.CARD_STATUS:
        return { head: ReaderStatus.OK, data: Uint8Array.of(card ? 1 : 0, insertions & 0xff) };
      case ReaderCommand.POWER_ON:
        if (!card) return { head: ReaderStatus.NO_CARD, data: empty };
        card.reset();
        powered = true;
        return { head: ReaderStatus.OK, data: card.atr };
      case ReaderCommand.POWER_OFF:
        card?.reset();
        powered = false;
        return { head: ReaderStatus.OK, data: empty };
      case ReaderCommand.APDU:
        if (!card) return { head: ReaderStatus.NO_CARD, data: empty };
        if (!powered) return { head: ReaderStatus.CARD_MUTE, data: empty };
        return { head: ReaderStatus.OK, data: card.transmit(frame.data) };
      case ReaderCommand.PSAM_AUTH:
        if (!card) return { head: ReaderStatus.NO_CARD, data: empty };
        if (!opts.psam) return { head: ReaderStatus.NO_PSAM, data: empty };
        return { head: card.psamAuthenticate() ? ReaderStatus.OK : ReaderStatus.AUTH_FAILED, data: empty };
      default:
        return { head: ReaderStatus.BAD_COMMAND, data: empty };
    }
  }

  return {
    insert(c) {
      card = c;
      insertions++;
      powered = false;
    },
    remove() {
      card = null;
      powered = false;
    },
    get card() {
      return card;
    },
    answer,
    handleReport(report) {
      let frames: ReaderFrame[];
      try {
        frames = decoder.push(report);
      } catch (e) {
        if (e instanceof CardError)
          return opts.codec.encode({ head: ReaderStatus.BAD_COMMAND, data: empty }, opts.reportSize);
        throw e;
      }
      return frames.flatMap((f) => opts.codec.encode(answer(f), opts.reportSize));
    },
  };
}
