// Every card of the demo world goes through the demo tray the way the demo and the end-to-end test
// use it: service → simulated reader → frames → SSSE read sequence → identity checks.
import { afterEach, describe, expect, it } from 'vitest';
import { demoWorld } from '../../../shared/demo-world';
import { createCardService } from './index';
import type { CardService } from './index';
import { FakeHid } from './testing/fake-hid';
import { collect, until } from './testing/wait';

const today = '2026-11-23';
const world = demoWorld({ seed: 'cards', today, catalogSize: 10 });

let service: CardService | null = null;
afterEach(async () => {
  await service?.stop();
  service = null;
});

describe.each([true, false])('demo world cards through the demo tray (PSAM %s)', (psam) => {
  it('reads each card as the demo world says it is', async () => {
    service = createCardService({
      hid: new FakeHid(),
      cards: world.cards,
      now: () => new Date(`${today}T10:00:00`),
      config: { enumerateMs: 1000, cardPollMs: 10, simulated: { enabled: true, psam } },
    });
    const log = collect(service);
    await service.start();
    expect(service.listDemoCards().map((c) => c.card_id)).toEqual(world.cards.map((c) => c.card_id));
    expect(world.cards.some((c) => c.spec_version === '3.00')).toBe(true);
    expect(world.cards.some((c) => c.damaged)).toBe(true);
    for (const card of world.cards) {
      const [reads, errors] = [log.reads.length, log.errors.length];
      await service.insertDemoCard(card.card_id);
      await until(() => log.reads.length + log.errors.length > reads + errors, `outcome for ${card.card_id}`);
      if (card.damaged) {
        expect(log.reads).toHaveLength(reads);
        expect(log.errors.at(-1)).toMatchObject({ code: 'CARD_DAMAGED', deviceId: 'simulated:reader' });
        continue;
      }
      expect(log.errors).toHaveLength(errors);
      const read = log.reads.at(-1);
      expect(read?.cardId).toBe(card.card_id);
      expect(read).toMatchObject({
        region: card.region,
        cardNo: card.card_no,
        issued: card.issued,
        expires: card.expires,
        specVersion: card.spec_version,
      });
      expect(read?.warnings.map((w) => w.code)).not.toContain('CARD_NUMBER_CHECK');
      if (card.spec_version === '3.00' && !psam) {
        expect(read).toMatchObject({ partial: true, ssn: '', name: '' });
      } else {
        expect(read).toMatchObject({
          partial: false,
          ssn: card.certno,
          name: card.psn_name,
          gender: card.gender,
          birthDate: card.birth_date,
        });
      }
      expect(read?.warnings.some((w) => w.code === 'CARD_EXPIRED')).toBe(card.expires < today);
    }
  });
});
