// A handful of cards for tests and for the simulated reader when no demo world is loaded. The demo
// world (shared/demo-world) produces the real set; these cover every case the reader must handle.
import { cardNumberCheckChar, citizenIdCheckChar } from '../ids';
import type { DemoCardInput } from './types';

const id = (first17: string) => first17 + citizenIdCheckChar(first17);
const cardNo = (first8: string) => first8 + cardNumberCheckChar(first8);

export const SAMPLE_CARDS: readonly DemoCardInput[] = [
  {
    certno: id('51010419800101201'),
    psn_name: '张三',
    card_no: cardNo('S1234567'),
    card_id: '510100D15600000500BF7C7A48FB4966',
    region: '510100',
    spec_version: '2.00',
    issued: '2020-01-15',
    expires: '2030-01-15',
    gender: 'male',
    birth_date: '1980-01-01',
    label_zh: '2.0 卡 张三',
    label_en: '2.0 card Zhang San',
  },
  {
    certno: id('63010219750615302'),
    psn_name: '李四',
    card_no: cardNo('Q7654321'),
    card_id: '630100D1560000050011223344556677',
    region: '630100',
    spec_version: '3.00',
    issued: '2024-03-01',
    expires: '2034-03-01',
    gender: 'female',
    birth_date: '1975-06-15',
    label_zh: '3.0 卡 李四',
    label_en: '3.0 card Li Si',
  },
  {
    // 18 characters: the name spills past tag 09's 30 bytes into the 4E extension.
    certno: id('65010219900303111'),
    psn_name: '阿卜杜热合曼·买买提艾力·吐尔逊江',
    card_no: cardNo('X0000001'),
    card_id: '650100D156000005AABBCCDD00112233',
    region: '650100',
    spec_version: '2.00',
    issued: '2019-05-20',
    expires: '2029-05-20',
    gender: 'male',
    birth_date: '1990-03-03',
    label_zh: '2.0 卡 长姓名',
    label_en: '2.0 card, long name',
  },
  {
    certno: id('44010619600909402'),
    psn_name: '王五',
    card_no: cardNo('G2345678'),
    card_id: '440100D15600000501020304A0B0C0D0',
    region: '440100',
    spec_version: '2.00',
    issued: '2010-09-01',
    expires: '2020-09-01',
    gender: 'female',
    birth_date: '1960-09-09',
    label_zh: '已过期的卡',
    label_en: 'Expired card',
  },
  {
    certno: id('32010219881212501'),
    psn_name: '赵六',
    card_no: cardNo('B3456789'),
    card_id: '320100D156000005CAFEBABE01020304',
    region: '320100',
    spec_version: '2.00',
    issued: '2021-02-02',
    expires: '2031-02-02',
    gender: 'male',
    birth_date: '1988-12-12',
    damaged: true,
    label_zh: '损坏的卡',
    label_en: 'Damaged card',
  },
];
