// The demo tray's reader: a simulated card + reader holding the demo world's cards (2.0 and 3.0,
// valid and damaged). insert()/remove() move a card in or out; the card service finds the reader
// through the same device list as real HID readers and reads it with the same code.
import type { DemoCardSummary } from '../../../shared/station-api';
import { createReaderEmulator, createSimulatedCard, stxBccCodec } from '../../../shared/card';
import type { DemoCardInput } from '../../../shared/card';
import type { ReaderModel } from './config';
import type { HidDeviceInfo, HidHandle } from './hid-port';
import { VirtualReaderHandle } from './virtual-reader';

export const SIMULATED_READER_PATH = 'simulated:reader';

export interface VirtualDevice {
  info: HidDeviceInfo;
  model: ReaderModel;
  open(): Promise<HidHandle>;
}

export interface SimulatedReader {
  device: VirtualDevice;
  list(): DemoCardSummary[];
  /** Inserts a card by card_id or by index in the list. Throws RangeError for an unknown card. */
  insert(cardIdOrIndex: string | number): void;
  remove(): void;
  insertedCardId(): string | null;
  /** Fits or removes the reader's PSAM (3.0 cards read in full only with one). */
  setPsam(psam: boolean): void;
  /** Pulls the virtual cable (for demos of the unplug path); the next enumeration plugs it back. */
  unplug(): void;
}

export function createSimulatedReader(
  cards: readonly DemoCardInput[],
  opts: { psam?: boolean } = {},
): SimulatedReader {
  const model: ReaderModel = {
    name: 'Simulated reader (demo tray)',
    vendorId: 0,
    productId: 0,
    framing: 'stx-bcc',
    reportSize: 64,
    reportId: null,
    slot: 0,
  };
  let emulator = createReaderEmulator({
    codec: stxBccCodec,
    reportSize: model.reportSize,
    psam: opts.psam ?? true,
  });
  let inserted: string | null = null;
  let handle: VirtualReaderHandle | null = null;
  const info: HidDeviceInfo = {
    vendorId: 0,
    productId: 0,
    path: SIMULATED_READER_PATH,
    product: (opts.psam ?? true) ? 'Simulated reader with PSAM' : 'Simulated reader',
    manufacturer: 'demo tray',
    release: 1,
    interface: 0,
  };
  return {
    device: {
      info,
      model,
      async open() {
        handle = new VirtualReaderHandle(() => emulator, model.reportId);
        return handle;
      },
    },
    list: () =>
      cards.map((c) => ({
        card_id: c.card_id,
        label_zh: c.label_zh ?? c.psn_name,
        label_en: c.label_en ?? c.card_no,
        spec_version: c.spec_version,
        damaged: c.damaged === true,
      })),
    insert(cardIdOrIndex) {
      const card =
        typeof cardIdOrIndex === 'number'
          ? cards[cardIdOrIndex]
          : cards.find((c) => c.card_id === cardIdOrIndex);
      if (!card) throw new RangeError(`no demo card ${JSON.stringify(cardIdOrIndex)}`);
      emulator.insert(createSimulatedCard(card));
      inserted = card.card_id;
    },
    remove() {
      emulator.remove();
      inserted = null;
    },
    insertedCardId: () => inserted,
    setPsam(psam) {
      // A new emulator: the PSAM is part of the reader; the inserted card stays in the slot.
      const card = emulator.card;
      emulator = createReaderEmulator({ codec: stxBccCodec, reportSize: model.reportSize, psam });
      if (card) emulator.insert(card);
      info.product = psam ? 'Simulated reader with PSAM' : 'Simulated reader';
    },
    unplug() {
      handle?.unplug();
      handle = null;
    },
  };
}
