// A social security card that answers real APDUs from a DemoCardInput (2.0 or 3.0, valid or
// damaged). It behaves like the cards the station meets: a wrong Le gets 6Cxx, Le = 00 gets 61xx and
// GET RESPONSE, a 3.0 card refuses EF06 (6982) until a PSAM authenticates, a damaged card holds a
// truncated holder record. Pure: it is used by the simulated reader and by tests.
import {
  SSSE_AID,
  SW_FILE_NOT_FOUND,
  SW_INS_NOT_SUPPORTED,
  SW_OK,
  SW_RECORD_NOT_FOUND,
  SW_SECURITY_NOT_SATISFIED,
  SW_WRONG_P1P2,
} from './apdu';
import { fromHex } from './bytes';
import { encodeCn, encodeAn } from './field-codec';
import { encodeGbk } from './gbk';
import { encodeTlv } from './tlv';
import { EF05, EF06 } from './ssse-layout';
import type { DemoCardInput } from './types';

export interface EmulatedCard {
  atr: Uint8Array;
  /** Answers one command APDU with data + SW1 SW2. */
  transmit(apdu: Uint8Array): Uint8Array;
  /** The reader's PSAM runs external authentication (3.0 cards); true when the card accepts it. */
  psamAuthenticate(): boolean;
  /** Power-off: selection and authentication are forgotten. */
  reset(): void;
}

const sw = (code: number) => Uint8Array.of(code >> 8, code & 0xff);
const withSw = (data: Uint8Array, code: number) => Uint8Array.of(...data, code >> 8, code & 0xff);

/** Splits a name into the 30-byte tag 09 and the 20-byte tag 4E without cutting a GBK character. */
function nameRecords(name: string): [Uint8Array, Uint8Array | null] {
  const main: number[] = [];
  const ext: number[] = [];
  for (const ch of name) {
    const bytes = encodeGbk(ch);
    if (ext.length === 0 && main.length + bytes.length <= 30) main.push(...bytes);
    else if (ext.length + bytes.length <= 20) ext.push(...bytes);
    else throw new RangeError(`name ${JSON.stringify(name)} does not fit 50 GBK bytes`);
  }
  const pad = (b: number[], n: number) => Uint8Array.from([...b, ...new Array(n - b.length).fill(0)]);
  return [pad(main, 30), ext.length ? pad(ext, 20) : null];
}

const compact = (iso: string) => iso.replaceAll('-', '');

export function createSimulatedCard(card: DemoCardInput): EmulatedCard {
  const v3 = card.spec_version.startsWith('3');
  const [name09, name4e] = nameRecords(card.psn_name);
  const ef05 = new Map<number, Uint8Array>([
    [0x01, fromHex(card.card_id)],
    [0x02, encodeAn('3', 1)],
    [0x03, encodeAn(card.spec_version, 4)],
    [0x04, encodeCn(card.region + '0000000000000000', 12)],
    [0x05, encodeCn(compact(card.issued), 4)],
    [0x06, encodeCn(compact(card.expires), 4)],
    [0x07, encodeAn(card.card_no, 9)],
  ]);
  const genderCode = card.gender === 'female' ? '2' : card.gender === 'male' ? '1' : '9';
  const ef06 = new Map<number, Uint8Array>([
    [0x08, encodeAn(card.certno, 18)],
    [0x09, name09],
    [0x0a, encodeAn(genderCode, 1)],
    [0x0b, encodeCn('01', 1)],
    [0x0c, encodeCn(card.certno.slice(0, 6), 3)],
    [0x0d, encodeCn(compact(card.birth_date ?? card.certno.slice(6, 14)), 4)],
  ]);
  if (name4e) ef06.set(0x4e, name4e);

  let appSelected = false;
  let ef: number | null = null;
  let authenticated = false;
  let pending: Uint8Array | null = null; // data waiting for GET RESPONSE

  function record(tag: number): Uint8Array | null {
    const file = ef === EF05 ? ef05 : ef === EF06 ? ef06 : null;
    const value = file?.get(tag);
    if (!value) return null;
    const tlv = encodeTlv([{ tag, value }]);
    // Damage: the holder number record is cut short, its TLV length promising more than it holds.
    if (card.damaged && ef === EF06 && tag === 0x08) return tlv.slice(0, 9);
    return tlv;
  }

  return {
    atr: fromHex(v3 ? '3B6D00000081454C542D53534533' : '3B6C00000081454C542D535345'),
    reset() {
      appSelected = false;
      ef = null;
      authenticated = false;
      pending = null;
    },
    psamAuthenticate() {
      if (!appSelected) return false;
      authenticated = true;
      return true;
    },
    transmit(apdu: Uint8Array): Uint8Array {
      if (apdu.length < 4) return sw(0x6700);
      const [cla, ins, p1, p2] = apdu;
      if (cla !== 0x00) return sw(0x6e00);
      if (ins === 0xa4) {
        const lc = apdu[4] ?? 0;
        const body = apdu.slice(5, 5 + lc);
        if (p1 === 0x04) {
          appSelected = body.length === SSSE_AID.length && body.every((b, i) => b === SSSE_AID[i]);
          ef = null;
          return sw(appSelected ? SW_OK : SW_FILE_NOT_FOUND);
        }
        if (p1 === 0x02 && appSelected && body.length === 2) {
          const fid = (body[0] << 8) | body[1];
          if (fid !== EF05 && fid !== EF06) return sw(SW_FILE_NOT_FOUND);
          if (fid === EF06 && v3 && !authenticated) return sw(SW_SECURITY_NOT_SATISFIED);
          ef = fid;
          return sw(SW_OK);
        }
        return sw(SW_FILE_NOT_FOUND);
      }
      if (ins === 0xb2) {
        if (p2 !== 0x00 || ef === null) return sw(SW_WRONG_P1P2);
        const rec = record(p1);
        if (!rec) return sw(SW_RECORD_NOT_FOUND);
        const le = apdu[4] ?? 0;
        if (le === 0) {
          pending = rec;
          return sw(0x6100 | rec.length);
        }
        if (le !== rec.length) return sw(0x6c00 | rec.length);
        return withSw(rec, SW_OK);
      }
      if (ins === 0xc0) {
        if (!pending) return sw(0x6985);
        const out = pending.slice(0, apdu[4] || pending.length);
        pending = null;
        return withSw(out, SW_OK);
      }
      return sw(SW_INS_NOT_SUPPORTED);
    },
  };
}
