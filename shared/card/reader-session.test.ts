import { describe, expect, it } from 'vitest';
import { createReaderEmulator } from './reader-emulator';
import { createSimulatedCard } from './simulated-card';
import type { EmulatedCard } from './simulated-card';
import { readCardThroughReader } from './reader-session';
import { stxBccCodec } from './frame-stx';
import { chunkedCodec } from './frame-chunked';
import type { FrameCodec, ReaderFrame } from './frame-codec';
import { SAMPLE_CARDS } from './sample-cards';
import { CardError } from './errors';
import { citizenIdCheckChar, validateCitizenId } from '../ids';
import fc from 'fast-check';
import type { CardSourceInfo, DemoCardInput } from './types';

const source: CardSourceInfo = { kind: 'simulated', deviceId: 'test', label: 'test reader' };
const today = '2026-11-23';

/** Host and reader joined through real frames: encode → reader emulator → decode. */
function link(codec: FrameCodec, psam: boolean, card: EmulatedCard | null) {
  const reader = createReaderEmulator({ codec, reportSize: 64, psam });
  if (card) reader.insert(card);
  const decoder = codec.createDecoder();
  const exchange = async (frame: ReaderFrame): Promise<ReaderFrame> => {
    const replies = codec.encode(frame, 64).flatMap((r) => reader.handleReport(r));
    const frames = replies.flatMap((r) => decoder.push(r));
    expect(frames).toHaveLength(1);
    return frames[0];
  };
  return { reader, exchange };
}

async function read(card: DemoCardInput, opts: { psam?: boolean; codec?: FrameCodec } = {}) {
  const { exchange } = link(opts.codec ?? stxBccCodec, opts.psam ?? false, createSimulatedCard(card));
  return readCardThroughReader(exchange, { today, source });
}

async function readError(card: EmulatedCard | null): Promise<CardError> {
  const { exchange } = link(stxBccCodec, false, card);
  const err = await readCardThroughReader(exchange, { today, source }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(CardError);
  return err as CardError;
}

describe('reading a card through a reader', () => {
  it.each([stxBccCodec, chunkedCodec])('reads a 2.0 card in full over %s', async (codec) => {
    const card = SAMPLE_CARDS[0];
    const r = await read(card, { codec });
    expect(r).toMatchObject({
      kind: 'social-security-card',
      ssn: card.certno,
      name: '张三',
      cardNo: card.card_no,
      cardId: card.card_id,
      region: '510100',
      specVersion: '2.00',
      issued: '2020-01-15',
      expires: '2030-01-15',
      gender: 'male',
      birthDate: '1980-01-01',
      partial: false,
      certType: '03',
      warnings: [],
      source,
    });
    expect(r.raw).toContain('00A404000F7378312E73682EC9E7BBE1B1A3D5CF');
  });

  it('reads a 3.0 card without PSAM as partial with the fallbacks', async () => {
    const r = await read(SAMPLE_CARDS[1], { psam: false });
    expect(r).toMatchObject({
      partial: true,
      ssn: '',
      name: '',
      region: '630100',
      specVersion: '3.00',
      cardNo: SAMPLE_CARDS[1].card_no,
    });
    expect(r.fallbacks).toEqual(['psam-reader', 'online-resolution', 'type-id-number']);
    expect(r.warnings.map((w) => w.code)).toEqual(['PARTIAL_NO_PSAM']);
    expect(r.raw).toContain('PSAM no-psam');
  });

  it('reads a 3.0 card in full when the reader has a PSAM', async () => {
    const r = await read(SAMPLE_CARDS[1], { psam: true });
    expect(r).toMatchObject({ partial: false, ssn: SAMPLE_CARDS[1].certno, name: '李四', gender: 'female' });
  });

  it('joins a long GBK name from tags 09 and 4E', async () => {
    const r = await read(SAMPLE_CARDS[2]);
    expect(r.name).toBe('阿卜杜热合曼·买买提艾力·吐尔逊江');
    expect(r.raw).toContain('00B24E00');
  });

  it('warns about an expired card but still reads it', async () => {
    const r = await read(SAMPLE_CARDS[3]);
    expect(r.partial).toBe(false);
    expect(r.warnings.map((w) => w.code)).toEqual(['CARD_EXPIRED']);
  });

  it('warns about a card number whose check character is wrong', async () => {
    const r = await read({ ...SAMPLE_CARDS[0], card_no: 'S12345670' });
    expect(r.warnings[0]).toMatchObject({ code: 'CARD_NUMBER_CHECK' });
    expect(r.warnings[0].message_en).toMatch(/expected/);
  });

  it('refuses a damaged card with CARD_DAMAGED', async () => {
    expect((await readError(createSimulatedCard(SAMPLE_CARDS[4]))).code).toBe('CARD_DAMAGED');
  });

  it('refuses a card whose ID number fails its checksum — never reported as valid', async () => {
    const good = SAMPLE_CARDS[0].certno;
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const err = await readError(createSimulatedCard({ ...SAMPLE_CARDS[0], certno: bad }));
    expect(err.code).toBe('SSN_INVALID');
    expect(err.message_zh).toMatch(/校验/);
  });

  it('refuses an impossible birth date inside the ID number', async () => {
    const first = '51010419800230201';
    const err = await readError(
      createSimulatedCard({ ...SAMPLE_CARDS[0], certno: first + citizenIdCheckChar(first) }),
    );
    expect(err.code).toBe('SSN_INVALID');
  });

  it('reports NO_CARD when the slot is empty', async () => {
    expect((await readError(null)).code).toBe('NO_CARD');
  });

  it('reports a card without the SSSE application', async () => {
    const foreign: EmulatedCard = {
      atr: Uint8Array.of(0x3b, 0x00),
      transmit: () => Uint8Array.of(0x6a, 0x82),
      psamAuthenticate: () => false,
      reset: () => undefined,
    };
    expect((await readError(foreign)).code).toBe('NOT_SOCIAL_SECURITY_CARD');
  });
});

describe('fuzz: a card whose replies are corrupted', () => {
  it('never yields an identity with a wrong ID number, never throws anything but CardError', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...SAMPLE_CARDS),
        fc.boolean(),
        fc.array(fc.record({ reply: fc.nat(60), pos: fc.nat(), xor: fc.integer({ min: 1, max: 255 }) }), {
          minLength: 1,
          maxLength: 3,
        }),
        async (demo, psam, flips) => {
          const real = createSimulatedCard(demo);
          let n = 0;
          const card: EmulatedCard = {
            ...real,
            transmit(apdu) {
              const reply = real.transmit(apdu);
              const k = n++;
              for (const f of flips) if (f.reply === k) reply[f.pos % reply.length] ^= f.xor;
              return reply;
            },
          };
          const { exchange } = link(stxBccCodec, psam, card);
          try {
            const r = await readCardThroughReader(exchange, { today, source });
            if (r.partial) expect(r.ssn).toBe('');
            else expect(validateCitizenId(r.ssn).ok).toBe(true);
          } catch (e) {
            expect(e).toBeInstanceOf(CardError);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
