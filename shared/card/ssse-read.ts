// The SSSE read sequence (cards.md "What the card holds"): SELECT the application, SELECT EF05 and
// READ RECORD each tag, then EF06. Status words 61xx (GET RESPONSE) and 6Cxx (retry with Le = xx) are
// handled here, so a frame codec only moves bytes. A 3.0 card refuses EF06 (6982) until the reader's
// PSAM authenticates: the result then says ef06 'denied' and the caller reports a partial read.
import { CardError } from './errors';
import {
  getResponse,
  readRecordByTag,
  selectAid,
  selectEf,
  splitResponse,
  swHex,
  SW_FILE_NOT_FOUND,
  SW_OK,
  SW_RECORD_NOT_FOUND,
  SW_SECURITY_NOT_SATISFIED,
} from './apdu';
import type { ApduResponse } from './apdu';
import { concatBytes, toHex } from './bytes';
import { parseTlv } from './tlv';
import { decodeAn } from './field-codec';
import { EF05, EF05_FIELDS, EF06, EF06_FIELDS } from './ssse-layout';
import type { FieldSpec } from './ssse-layout';

/** Sends one command APDU to the card and returns its reply (data + SW1 SW2). */
export type Transmit = (apdu: Uint8Array) => Promise<Uint8Array>;

export type PsamAuthResult = 'ok' | 'no-psam' | 'failed';

export interface SsseRecords {
  ef05: Map<number, Uint8Array>;
  ef06: Map<number, Uint8Array>;
  /** 'read' normally; 'denied' when the card refused holder data (3.0 card without PSAM). */
  ef06Access: 'read' | 'denied';
  psam: PsamAuthResult | 'not-needed';
  /** Hex trace of every command and reply, for the support log and CardRead.raw. */
  trace: string[];
}

// GET RESPONSE / Le-retry rounds before we call the card broken (a card repeating 6Cxx ends here).
const MAX_CHAINED = 16;

/** Transmit with 61xx / 6Cxx handling. Never loops forever on a misbehaving card. */
export async function transceive(
  transmit: Transmit,
  apdu: Uint8Array,
  trace: string[],
): Promise<ApduResponse> {
  let command = apdu;
  const chunks: Uint8Array[] = [];
  for (let round = 0; round < MAX_CHAINED; round++) {
    const reply = await transmit(command);
    trace.push(`> ${toHex(command)}`, `< ${toHex(reply)}`);
    if (reply.length < 2)
      throw new CardError('CARD_DAMAGED', { detail: `reply of ${reply.length} bytes to ${toHex(command)}` });
    const { data, sw } = splitResponse(reply);
    const sw1 = sw >> 8;
    if (sw1 === 0x61) {
      chunks.push(data);
      command = getResponse(sw & 0xff);
      continue;
    }
    if (sw1 === 0x6c) {
      command = Uint8Array.of(...command.slice(0, 4), sw & 0xff);
      continue;
    }
    chunks.push(data);
    return { data: concatBytes(chunks), sw };
  }
  throw new CardError('APDU_FAILED', {
    detail: `more than ${MAX_CHAINED} chained replies to ${toHex(apdu)}`,
  });
}

async function readFile(
  transmit: Transmit,
  fid: number,
  fields: readonly FieldSpec[],
  trace: string[],
): Promise<{ map: Map<number, Uint8Array>; denied: boolean }> {
  const map = new Map<number, Uint8Array>();
  const sel = await transceive(transmit, selectEf(fid), trace);
  if (sel.sw === SW_SECURITY_NOT_SATISFIED) return { map, denied: true };
  if (sel.sw !== SW_OK)
    throw new CardError('CARD_DAMAGED', { detail: `SELECT ${fid.toString(16)} → ${swHex(sel.sw)}` });
  for (const field of fields) {
    const res = await transceive(transmit, readRecordByTag(field.tag, field.length + 2), trace);
    if (res.sw === SW_SECURITY_NOT_SATISFIED) return { map, denied: true };
    if (res.sw === SW_RECORD_NOT_FOUND) continue;
    if (res.sw !== SW_OK)
      throw new CardError('APDU_FAILED', {
        detail: `READ RECORD ${field.tag.toString(16)} → ${swHex(res.sw)}`,
      });
    const elements = parseTlv(res.data);
    const element = elements.find((e) => e.tag === field.tag);
    if (!element)
      throw new CardError('CARD_DAMAGED', {
        detail: `record ${field.tag.toString(16)} holds no element with its tag`,
      });
    map.set(field.tag, element.value);
  }
  return { map, denied: false };
}

export interface SsseReadOptions {
  /** Asks the reader to authenticate with its PSAM (3.0 cards). Absent: the reader has no PSAM path. */
  psamAuthenticate?: () => Promise<PsamAuthResult>;
}

export async function readSsseRecords(transmit: Transmit, opts: SsseReadOptions = {}): Promise<SsseRecords> {
  const trace: string[] = [];
  const sel = await transceive(transmit, selectAid(), trace);
  if (sel.sw === SW_FILE_NOT_FOUND)
    throw new CardError('NOT_SOCIAL_SECURITY_CARD', { detail: `SELECT AID → ${swHex(sel.sw)}` });
  if (sel.sw !== SW_OK) throw new CardError('APDU_FAILED', { detail: `SELECT AID → ${swHex(sel.sw)}` });

  const ef05 = await readFile(transmit, EF05, EF05_FIELDS, trace);
  if (ef05.denied) throw new CardError('CARD_DAMAGED', { detail: 'EF05 refused without keys' });

  const version = decodeAn(ef05.map.get(0x03));
  let psam: SsseRecords['psam'] = 'not-needed';
  if (version.startsWith('3')) {
    psam = opts.psamAuthenticate ? await opts.psamAuthenticate() : 'no-psam';
  }
  const ef06 = await readFile(transmit, EF06, EF06_FIELDS, trace);
  return { ef05: ef05.map, ef06: ef06.map, ef06Access: ef06.denied ? 'denied' : 'read', psam, trace };
}
