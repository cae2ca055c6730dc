// One smart-card read through a HID reader, independent of transport: power the card, run the SSSE
// read sequence over APDU frames, ask the reader's PSAM when a 3.0 card needs it, build the CardRead.
// The transport (electron/services/card) supplies `exchange`; the simulated reader and the test fakes
// answer it with the very same frames, so the demo path runs this code too.
import { CardError } from './errors';
import { toHex } from './bytes';
import { buildCardRead, fieldsFromRecords } from './card-read';
import { readSsseRecords } from './ssse-read';
import type { PsamAuthResult } from './ssse-read';
import { ReaderCommand, ReaderStatus } from './frame-codec';
import type { ReaderFrame } from './frame-codec';
import type { CardRead, CardSourceInfo } from './types';

/** Sends one frame to the reader and resolves with its reply frame (rejects with CardError). */
export type ReaderExchange = (frame: ReaderFrame) => Promise<ReaderFrame>;

export interface ReaderReadOptions {
  today: string;
  source: CardSourceInfo;
  slot?: 0 | 1; // 0 contact (default), 1 contactless
}

function statusError(status: number, what: string): CardError {
  if (status === ReaderStatus.NO_CARD) return new CardError('NO_CARD', { detail: what });
  if (status === ReaderStatus.CARD_MUTE) return new CardError('CARD_MUTE', { detail: what });
  return new CardError('APDU_FAILED', { detail: `${what}: reader status ${status.toString(16)}` });
}

/**
 * Asks the reader whether a card is present (the polling loop between reads). Readers that count
 * insertions send a second byte, so a card swapped between two polls is still seen as new.
 */
export async function cardPresence(
  exchange: ReaderExchange,
): Promise<{ present: boolean; insertion: number | null }> {
  const reply = await exchange({ head: ReaderCommand.CARD_STATUS, data: new Uint8Array(0) });
  if (reply.head !== ReaderStatus.OK) return { present: false, insertion: null };
  return { present: reply.data[0] === 1, insertion: reply.data.length > 1 ? reply.data[1] : null };
}

export async function readCardThroughReader(
  exchange: ReaderExchange,
  opts: ReaderReadOptions,
): Promise<CardRead> {
  const power = await exchange({ head: ReaderCommand.POWER_ON, data: Uint8Array.of(opts.slot ?? 0) });
  if (power.head !== ReaderStatus.OK) throw statusError(power.head, 'power on');
  try {
    const transmit = async (apdu: Uint8Array): Promise<Uint8Array> => {
      const reply = await exchange({ head: ReaderCommand.APDU, data: apdu });
      if (reply.head !== ReaderStatus.OK) throw statusError(reply.head, `APDU ${toHex(apdu.slice(0, 4))}`);
      return reply.data;
    };
    const psamAuthenticate = async (): Promise<PsamAuthResult> => {
      const reply = await exchange({ head: ReaderCommand.PSAM_AUTH, data: new Uint8Array(0) });
      if (reply.head === ReaderStatus.OK) return 'ok';
      if (reply.head === ReaderStatus.AUTH_FAILED) return 'failed';
      return 'no-psam';
    };
    const records = await readSsseRecords(transmit, { psamAuthenticate });
    const raw = [`ATR ${toHex(power.data)}`, `PSAM ${records.psam}`, ...records.trace].join('\n');
    return buildCardRead(fieldsFromRecords(records), { today: opts.today, source: opts.source, raw });
  } finally {
    await exchange({ head: ReaderCommand.POWER_OFF, data: new Uint8Array(0) }).catch(() => undefined);
  }
}
