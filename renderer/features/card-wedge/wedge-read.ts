// What a wedge scan means: an 18-character ID number that passes its checks (ID card barcodes,
// printed referrals) becomes an ID-number read; anything else is an e-certificate token, kept
// unresolved until the platform resolves it online.
import { qrTokenRead, typedIdRead } from '../../../shared/card';
import type { CardRead, CardSourceInfo } from '../../../shared/card';
import { validateCitizenId } from '../../../shared/ids';

export const WEDGE_SOURCE: CardSourceInfo = {
  kind: 'keyboard-wedge',
  deviceId: 'keyboard-wedge',
  label: '键盘式扫码枪 / keyboard-wedge scanner',
};

export function wedgeScanToRead(text: string, opts: { today: string }): CardRead {
  const trimmed = text.trim();
  if (/^\d{17}[\dXx]$/.test(trimmed) && validateCitizenId(trimmed, { today: opts.today }).ok) {
    return typedIdRead(trimmed, { today: opts.today, source: WEDGE_SOURCE });
  }
  return qrTokenRead({ symbology: '', text: trimmed }, WEDGE_SOURCE);
}
