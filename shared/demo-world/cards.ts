// Social security cards of the demo people (cards.md): card number 卡号 with its check character
// (shared/ids), card identification code 卡识别码 (issuing region + D156000005 + serial + auth code),
// spec version 2.00 or 3.00, issue and expiry dates. One card is damaged and one has expired.

import { cardNumberCheckChar } from '../ids';
import { addDays, addMonths } from './dates';
import type { DemoPerson } from './people';
import { insuredPlace } from './places';
import type { Prng } from './prng';
import type { CardSpec } from './scenarios';

export interface DemoCard {
  psn_no: string;
  certno: string;
  psn_name: string;
  card_no: string;
  card_id: string;
  region: string;
  spec_version: '2.00' | '3.00';
  issued: string;
  expires: string;
  gender: 'male' | 'female';
  birth_date: string;
  damaged?: boolean;
  label_zh: string;
  label_en: string;
}

function hex8(prng: Prng): string {
  return prng.int(0, 0xffffffff).toString(16).toUpperCase().padStart(8, '0');
}

export function buildCard(
  person: DemoPerson,
  spec: CardSpec,
  serial: number,
  today: string,
  prng: Prng,
): DemoCard {
  const place = insuredPlace(person.person.insuplc_admdvs);
  const first8 = `${place.card_letter}${String(serial).padStart(7, '0')}`;
  let issued: string;
  if (spec.expired) issued = addMonths(addDays(today, -30), -120);
  else if (spec.spec === '3.00') issued = addDays(today, -prng.int(30, 1000));
  else issued = addDays(today, -prng.int(1100, 3000));
  const card: DemoCard = {
    psn_no: person.person.psn_no,
    certno: person.person.certno,
    psn_name: person.person.psn_name,
    card_no: first8 + cardNumberCheckChar(first8),
    card_id: `${place.district}D156000005${hex8(prng)}${hex8(prng)}`,
    region: place.district,
    spec_version: spec.spec,
    issued,
    expires: addMonths(issued, 120),
    gender: person.gender,
    birth_date: person.birth_date,
    label_zh: person.label_zh,
    label_en: person.label_en,
  };
  if (spec.damaged) card.damaged = true;
  return card;
}
