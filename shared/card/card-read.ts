// Turns decoded card fields into a CardRead and applies the identity checks of issue 6 §4:
// a bad ID number checksum or birth date is refused (SSN_INVALID — never reported as valid),
// a card number check mismatch and an expired card are warnings, a 3.0 card read without PSAM is
// partial with the fallbacks spelled out.
import { checkCardNumber, validateCitizenId } from '../ids';
import { CardError } from './errors';
import { compactDateToIso, decodeAn, decodeCn, decodeName } from './field-codec';
import { toHex } from './bytes';
import type { SsseRecords } from './ssse-read';
import type { CardFallback, CardRead, CardSourceInfo, CardWarning } from './types';

export interface CardFields {
  ssn: string;
  name: string;
  cardNo: string;
  cardId: string;
  region: string;
  specVersion: string;
  issued: string; // YYYY-MM-DD or ''
  expires: string;
  /** True when the holder file could not be read (3.0 card without PSAM). */
  holderDenied: boolean;
}

export interface BuildOptions {
  today: string; // 'YYYY-MM-DD' — shared/ takes the clock as a parameter
  source: CardSourceInfo;
  raw: string;
}

export const NO_PSAM_WARNING: CardWarning = {
  code: 'PARTIAL_NO_PSAM',
  message_zh:
    '这是 3.0 社保卡，本读卡器没有 PSAM，读不到身份证号和姓名。请改用带 PSAM 的读卡器、联网查询，或手工输入身份证号码。',
  message_en:
    'This is a 3.0 card and this reader has no PSAM, so the ID number and name cannot be read. Use a PSAM reader, resolve online, or type the ID number.',
};

export function fieldsFromRecords(records: SsseRecords): CardFields {
  const { ef05, ef06 } = records;
  const cardIdBytes = ef05.get(0x01);
  return {
    cardId: cardIdBytes ? toHex(cardIdBytes) : '',
    region: cardIdBytes ? toHex(cardIdBytes.slice(0, 3)) : '',
    specVersion: decodeAn(ef05.get(0x03)),
    issued: compactDateToIso(decodeCn(ef05.get(0x05))),
    expires: compactDateToIso(decodeCn(ef05.get(0x06))),
    cardNo: decodeAn(ef05.get(0x07)),
    ssn: decodeAn(ef06.get(0x08)),
    name: decodeName(ef06.get(0x09)) + decodeName(ef06.get(0x4e)),
    holderDenied: records.ef06Access === 'denied',
  };
}

/** Applies the checks and returns the CardRead, or throws CardError for data that must not be used. */
export function buildCardRead(f: CardFields, opts: BuildOptions): CardRead {
  const warnings: CardWarning[] = [];
  const fallbacks: CardFallback[] = [];
  if (!/^[0-9A-F]{32}$/.test(f.cardId) || !/^\d{6}$/.test(f.region)) {
    throw new CardError('CARD_DAMAGED', {
      detail: `card identification code ${JSON.stringify(f.cardId.slice(0, 40))}`,
    });
  }
  if (!/^\d\.\d\d$/.test(f.specVersion))
    throw new CardError('CARD_DAMAGED', {
      detail: `spec version ${JSON.stringify(f.specVersion.slice(0, 10))}`,
    });

  let partial = false;
  let gender: CardRead['gender'];
  let birthDate: string | undefined;
  if (f.holderDenied || (f.ssn === '' && f.specVersion.startsWith('3'))) {
    partial = true;
    warnings.push(NO_PSAM_WARNING);
    fallbacks.push('psam-reader', 'online-resolution', 'type-id-number');
  } else {
    const id = validateCitizenId(f.ssn, { today: opts.today });
    if (!id.ok) {
      throw new CardError('SSN_INVALID', {
        detail: `${id.reason}`,
        text: {
          zh: `卡内社会保障号码不能使用：${id.message_zh}`,
          en: `The social security number on the card cannot be used: ${id.message_en}`,
        },
      });
    }
    if (f.name === '') throw new CardError('CARD_DAMAGED', { detail: 'holder name empty' });
    gender = id.gender;
    birthDate = id.birthDate;
  }

  const cardNoCheck = checkCardNumber(f.cardNo);
  if (!cardNoCheck.ok) {
    warnings.push({
      code: 'CARD_NUMBER_CHECK',
      message_zh: `卡号 ${f.cardNo} 校验位不符${cardNoCheck.expected ? `（应为 ${cardNoCheck.expected}）` : ''}，请核对卡面`,
      message_en: `Card number ${f.cardNo} fails its check${cardNoCheck.expected ? ` (expected ${cardNoCheck.expected})` : ''}; compare with the card face`,
    });
  }
  if (f.expires !== '' && f.expires < opts.today) {
    warnings.push({
      code: 'CARD_EXPIRED',
      message_zh: `社保卡已于 ${f.expires} 过期`,
      message_en: `The card expired on ${f.expires}`,
    });
  }
  return {
    kind: 'social-security-card',
    ssn: partial ? '' : f.ssn.toUpperCase(),
    name: partial ? '' : f.name,
    cardNo: f.cardNo,
    cardId: f.cardId,
    region: f.region,
    specVersion: f.specVersion,
    issued: f.issued,
    expires: f.expires,
    gender,
    birthDate,
    partial,
    fallbacks,
    warnings,
    certType: '03',
    raw: opts.raw,
    source: opts.source,
  };
}
