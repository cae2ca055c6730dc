// The cashier's fallback when no card can be read (3.0 card without PSAM, damaged card, QR offline):
// the ID number typed by hand becomes a read of kind 'typed-id' (mdtrt_cert_type 02) once it passes
// the GB 11643 checks; otherwise the check's own message says what is wrong.
import { validateCitizenId } from '../ids';
import { CardError } from './errors';
import { NO_CARD_FIELDS, type CardRead, type CardSourceInfo } from './types';

export function typedIdRead(
  input: string,
  opts: { today: string; name?: string; source?: CardSourceInfo },
): CardRead {
  const id = typeof input === 'string' ? input.trim().toUpperCase() : '';
  const check = validateCitizenId(id, { today: opts.today });
  if (!check.ok)
    throw new CardError('SSN_INVALID', {
      detail: check.reason,
      text: { zh: check.message_zh, en: check.message_en },
    });
  return {
    kind: 'typed-id',
    ssn: id,
    name: opts.name?.trim() ?? '',
    ...NO_CARD_FIELDS,
    gender: check.gender,
    birthDate: check.birthDate,
    partial: false,
    fallbacks: [],
    warnings: [],
    certType: '02',
    raw: id,
    source: opts.source ?? { kind: 'keyboard-wedge', deviceId: 'keyboard', label: '手工输入 / typed' },
  };
}
