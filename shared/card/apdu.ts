// ISO 7816-4 command APDUs used by the SSSE read sequence, and response status words.

export const SSSE_AID = Uint8Array.of(
  0x73,
  0x78,
  0x31,
  0x2e,
  0x73,
  0x68,
  0x2e,
  0xc9,
  0xe7,
  0xbb,
  0xe1,
  0xb1,
  0xa3,
  0xd5,
  0xcf,
);

export const SW_OK = 0x9000;
export const SW_SECURITY_NOT_SATISFIED = 0x6982;
export const SW_FILE_NOT_FOUND = 0x6a82;
export const SW_RECORD_NOT_FOUND = 0x6a83;
export const SW_WRONG_P1P2 = 0x6b00;
export const SW_INS_NOT_SUPPORTED = 0x6d00;

export function selectAid(aid: Uint8Array = SSSE_AID): Uint8Array {
  return Uint8Array.of(0x00, 0xa4, 0x04, 0x00, aid.length, ...aid);
}

export function selectEf(fid: number): Uint8Array {
  return Uint8Array.of(0x00, 0xa4, 0x02, 0x00, 0x02, (fid >> 8) & 0xff, fid & 0xff);
}

/** READ RECORD by tag on the currently selected EF (P2 = 00, record identified by its tag). */
export function readRecordByTag(tag: number, le: number): Uint8Array {
  return Uint8Array.of(0x00, 0xb2, tag & 0xff, 0x00, le & 0xff);
}

export function getResponse(le: number): Uint8Array {
  return Uint8Array.of(0x00, 0xc0, 0x00, 0x00, le & 0xff);
}

export interface ApduResponse {
  data: Uint8Array;
  sw: number;
}

/** Splits a card reply into data and status word; a reply shorter than 2 bytes has sw 0. */
export function splitResponse(reply: Uint8Array): ApduResponse {
  if (reply.length < 2) return { data: new Uint8Array(0), sw: 0 };
  return { data: reply.slice(0, -2), sw: (reply[reply.length - 2] << 8) | reply[reply.length - 1] };
}

export function swHex(sw: number): string {
  return sw.toString(16).padStart(4, '0').toUpperCase();
}
