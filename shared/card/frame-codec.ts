// A reader frame codec moves one command or reply across HID reports. Both directions use the same
// shape (head byte + data), so the same codec serves the host driver, the simulated reader and the
// test fakes. Choose one per reader model through the VID/PID table in the card config.
import { stxBccCodec } from './frame-stx';
import { chunkedCodec } from './frame-chunked';

export interface ReaderFrame {
  head: number; // command code (host → reader) or status code (reader → host)
  data: Uint8Array;
}

export interface FrameDecoder {
  /** Feeds one input report (without report id); returns the frames it completed. Throws FRAME_GARBLED. */
  push(chunk: Uint8Array): ReaderFrame[];
  reset(): void;
}

export interface FrameCodec {
  name: string;
  /** Splits a frame into output reports of exactly reportSize bytes (without report id). */
  encode(frame: ReaderFrame, reportSize: number): Uint8Array[];
  createDecoder(): FrameDecoder;
}

/** Reader commands (head host → reader). */
export const ReaderCommand = {
  POWER_ON: 0x30, // data: [slot] 0 contact, 1 contactless → reply data ATR
  APDU: 0x31, // data: command APDU → reply data: card reply (data + SW)
  POWER_OFF: 0x32,
  PSAM_AUTH: 0x33, // reader authenticates the SSSE application with its PSAM (3.0 cards)
  CARD_STATUS: 0x34, // → reply data [present 1/0, insertion counter (optional)]
} as const;

/** Reader status codes (head reader → host). */
export const ReaderStatus = {
  OK: 0x00,
  NO_CARD: 0x01,
  CARD_MUTE: 0x02,
  NO_PSAM: 0x10,
  AUTH_FAILED: 0x11,
  BAD_COMMAND: 0xff,
} as const;

export const FRAME_CODECS: Readonly<Record<string, FrameCodec>> = {
  [stxBccCodec.name]: stxBccCodec,
  [chunkedCodec.name]: chunkedCodec,
};

export function frameCodecByName(name: string): FrameCodec | undefined {
  return Object.prototype.hasOwnProperty.call(FRAME_CODECS, name) ? FRAME_CODECS[name] : undefined;
}
