// Simple TLV of the SSSE records (card specification part 3): one tag byte, one length byte, value.
// Records are padded after the last element with 0x00 or 0xFF; a truncated element is damage.
import { CardError } from './errors';
import { concatBytes } from './bytes';

export interface TlvElement {
  tag: number;
  value: Uint8Array;
}

/** Parses a run of simple TLV elements. Throws CardError CARD_DAMAGED on a truncated element. */
export function parseTlv(bytes: Uint8Array): TlvElement[] {
  const out: TlvElement[] = [];
  let i = 0;
  while (i < bytes.length) {
    const tag = bytes[i];
    if (tag === 0x00 || tag === 0xff) break; // padding after the last element
    if (i + 1 >= bytes.length)
      throw new CardError('CARD_DAMAGED', { detail: `TLV tag ${tag.toString(16)} without length at ${i}` });
    const len = bytes[i + 1];
    if (i + 2 + len > bytes.length) {
      throw new CardError('CARD_DAMAGED', {
        detail: `TLV tag ${tag.toString(16)} claims ${len} bytes, ${bytes.length - i - 2} present`,
      });
    }
    out.push({ tag, value: bytes.slice(i + 2, i + 2 + len) });
    i += 2 + len;
  }
  return out;
}

export function encodeTlv(elements: readonly TlvElement[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const { tag, value } of elements) {
    if (tag < 0 || tag > 0xff || value.length > 0xff)
      throw new RangeError(`TLV element ${tag} does not fit one byte tag/length`);
    parts.push(Uint8Array.of(tag, value.length), value);
  }
  return concatBytes(parts);
}
