import { describe, expect, it } from 'vitest';
import { readSsseRecords, transceive } from './ssse-read';
import { createSimulatedCard } from './simulated-card';
import { SAMPLE_CARDS } from './sample-cards';
import { CardError } from './errors';
import { toHex } from './bytes';
import { fieldsFromRecords } from './card-read';

describe('transceive', () => {
  it('follows 61xx with GET RESPONSE and joins the chunks', async () => {
    const sent: string[] = [];
    const replies = [Uint8Array.of(0x01, 0x02, 0x61, 0x02), Uint8Array.of(0x03, 0x04, 0x90, 0x00)];
    const res = await transceive(
      async (apdu) => {
        sent.push(toHex(apdu));
        return replies.shift() as Uint8Array;
      },
      Uint8Array.of(0x00, 0xb2, 0x08, 0x00, 0x00),
      [],
    );
    expect(sent).toEqual(['00B2080000', '00C0000002']);
    expect(toHex(res.data)).toBe('01020304');
    expect(res.sw).toBe(0x9000);
  });

  it('retries with the Le a 6Cxx names', async () => {
    const sent: string[] = [];
    const res = await transceive(
      async (apdu) => {
        sent.push(toHex(apdu));
        return apdu[4] === 0x05 ? Uint8Array.of(1, 2, 3, 4, 5, 0x90, 0x00) : Uint8Array.of(0x6c, 0x05);
      },
      Uint8Array.of(0x00, 0xb2, 0x07, 0x00, 0x0b),
      [],
    );
    expect(sent).toEqual(['00B207000B', '00B2070005']);
    expect(res.data.length).toBe(5);
  });

  it('gives up on a card that chains replies forever', async () => {
    const err = await transceive(
      async () => Uint8Array.of(0x61, 0x01),
      Uint8Array.of(0, 0xb2, 1, 0, 0),
      [],
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CardError);
    expect((err as CardError).code).toBe('APDU_FAILED');
  });

  it('gives up on a card that keeps asking for another Le', async () => {
    let le = 1;
    const err = await transceive(
      async () => Uint8Array.of(0x6c, ++le),
      Uint8Array.of(0, 0xb2, 1, 0, 1),
      [],
    ).catch((e: unknown) => e);
    expect((err as CardError).code).toBe('APDU_FAILED');
  });

  it('calls a reply shorter than a status word damage', async () => {
    const err = await transceive(async () => Uint8Array.of(0x90), Uint8Array.of(0, 0xa4, 4, 0), []).catch(
      (e: unknown) => e,
    );
    expect((err as CardError).code).toBe('CARD_DAMAGED');
  });
});

describe('readSsseRecords against a card that needs 61xx and 6Cxx handling', () => {
  it('reads every field when the card answers each READ RECORD with 6Cxx first', async () => {
    const card = createSimulatedCard(SAMPLE_CARDS[0]);
    let sixC = 0;
    const corrupted = new Set<string>();
    const records = await readSsseRecords(async (apdu) => {
      // The first READ RECORD of each tag goes out with a wrong Le: the card answers 6Cxx and the
      // sequence must retry with the Le it names.
      const key = toHex(apdu.slice(0, 4));
      let sent = apdu;
      if (apdu[1] === 0xb2 && !corrupted.has(key)) {
        corrupted.add(key);
        sent = Uint8Array.of(...apdu.slice(0, 4), apdu[4] + 3);
      }
      const reply = card.transmit(sent);
      if (reply.length === 2 && reply[0] === 0x6c) sixC++;
      return reply;
    });
    expect(sixC).toBeGreaterThan(10);
    const f = fieldsFromRecords(records);
    expect(f.ssn).toBe(SAMPLE_CARDS[0].certno);
  });

  it('reads every field when the card answers with 61xx (Le = 00)', async () => {
    const card = createSimulatedCard(SAMPLE_CARDS[2]);
    let sixOne = 0;
    const records = await readSsseRecords(async (apdu) => {
      const asked = apdu[1] === 0xb2 ? Uint8Array.of(...apdu.slice(0, 4), 0) : apdu;
      const reply = card.transmit(asked);
      if (reply[reply.length - 2] === 0x61) sixOne++;
      return reply;
    });
    expect(sixOne).toBeGreaterThan(10);
    expect(fieldsFromRecords(records).name).toBe(SAMPLE_CARDS[2].psn_name);
  });
});
