// Card readers and scanners, the pure part: codecs, the SSSE read sequence, parsers and the
// simulated card. No I/O here; electron/services/card moves the bytes.
export * from './types';
export * from './errors';
export { toHex, fromHex } from './bytes';
export { parseTlv, encodeTlv } from './tlv';
export type { TlvElement } from './tlv';
export * from './apdu';
export { decodeGbk, encodeGbk } from './gbk';
export { readSsseRecords, transceive } from './ssse-read';
export type { Transmit, SsseRecords, PsamAuthResult, SsseReadOptions } from './ssse-read';
export { buildCardRead, fieldsFromRecords, NO_PSAM_WARNING } from './card-read';
export type { CardFields, BuildOptions } from './card-read';
export { ReaderCommand, ReaderStatus, FRAME_CODECS, frameCodecByName } from './frame-codec';
export type { FrameCodec, FrameDecoder, ReaderFrame } from './frame-codec';
export { stxBccCodec } from './frame-stx';
export { chunkedCodec } from './frame-chunked';
export { readCardThroughReader, cardPresence } from './reader-session';
export type { ReaderExchange, ReaderReadOptions } from './reader-session';
export { createSimulatedCard } from './simulated-card';
export type { EmulatedCard } from './simulated-card';
export { createReaderEmulator } from './reader-emulator';
export type { ReaderEmulator, ReaderEmulatorOptions } from './reader-emulator';
export { parseIReadCardBas, splitIReadCardBasOutput, iReadCardBasError } from './ireadcardbas';
export type { IReadCardBasFields, IReadCardBasOptions, IReadCardBasType } from './ireadcardbas';
export * from './hid-pos';
export { SAMPLE_CARDS } from './sample-cards';
export { typedIdRead } from './typed-id';
