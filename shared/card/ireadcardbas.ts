// Output of the standard reader interface `long iReadCardBas(int iType, char* pOutInfo)` (cards.md,
// "The standard reader interface"). Parsed on every platform; only the call itself needs Windows.
// Success output is '|'-separated with a trailing '|':
//   region | ssn | card number | card id | name | ATR | spec version | issued | expires | PSAM no | terminal no |
// Vendors differ: some omit the trailing '|', the two terminal fields or everything after the name;
// 3.0 cards read without PSAM come back with empty ssn and name.
import { CardError } from './errors';
import { buildCardRead } from './card-read';
import { compactDateToIso } from './field-codec';
import type { CardRead, CardSourceInfo } from './types';

/** Known negative return codes of the standard interface; others keep their number in the message. */
const RETURN_CODES: Readonly<Record<number, [zh: string, en: string]>> = {
  [-1]: ['读卡器未连接或端口打开失败', 'Reader not connected or port failed to open'],
  [-11]: ['读卡器连接错误', 'Reader connection error'],
  [-12]: ['读卡器中没有卡', 'No card in the reader'],
  [-13]: ['卡片无法识别或复位失败', 'Card not recognised or reset failed'],
  [-14]: ['不是社会保障卡', 'Not a social security card'],
  [-15]: ['读卡失败，请重新插卡', 'Read failed; insert the card again'],
  [-2201]: ['读卡器中没有 PSAM 卡', 'No PSAM in the reader'],
  [-2202]: ['PSAM 卡认证失败', 'PSAM authentication failed'],
};

export type IReadCardBasType = 1 | 2 | 3 | 4;

export interface IReadCardBasOptions {
  today: string;
  source: CardSourceInfo;
}

const NO_CARD_CODES = new Set([-12]);
const NO_PSAM_CODES = new Set([-2201]);

/** Error for a non-zero return code, or null for 0. */
export function iReadCardBasError(returnCode: number): CardError | null {
  if (returnCode === 0) return null;
  if (!Number.isInteger(returnCode))
    return new CardError('DLL_OUTPUT_INVALID', { detail: `return code ${String(returnCode)}` });
  if (NO_CARD_CODES.has(returnCode))
    return new CardError('NO_CARD', { detail: `iReadCardBas ${returnCode}` });
  const known = RETURN_CODES[returnCode];
  const zh = known ? `${known[0]}（错误码 ${returnCode}）` : `读卡器厂商库返回错误码 ${returnCode}`;
  const en = known
    ? `${known[1]} (code ${returnCode})`
    : `The reader vendor library returned code ${returnCode}`;
  return new CardError('DLL_ERROR', { detail: `iReadCardBas ${returnCode}`, text: { zh, en } });
}

export interface IReadCardBasFields {
  region: string;
  ssn: string;
  cardNo: string;
  cardId: string;
  name: string;
  atr: string;
  specVersion: string;
  issued: string;
  expires: string;
  psamNo: string;
  terminalNo: string;
}

/** Splits the output into its fields. Throws DLL_OUTPUT_INVALID when the shape is not recognisable. */
export function splitIReadCardBasOutput(output: string): IReadCardBasFields {
  if (typeof output !== 'string') throw new CardError('DLL_OUTPUT_INVALID', { detail: 'output is not text' });
  const text = output.replace(/\0.*$/s, '').trim(); // C buffer: stop at the first NUL
  const parts = text.split('|').map((p) => p.trim());
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  if (parts.length < 5 || parts.length > 12) {
    throw new CardError('DLL_OUTPUT_INVALID', {
      detail: `${parts.length} fields in ${JSON.stringify(text.slice(0, 60))}`,
    });
  }
  const at = (i: number) => parts[i] ?? '';
  return {
    region: at(0),
    ssn: at(1),
    cardNo: at(2),
    cardId: at(3).toUpperCase(),
    name: at(4),
    atr: at(5),
    specVersion: at(6),
    issued: at(7),
    expires: at(8),
    psamNo: at(9),
    terminalNo: at(10),
  };
}

/**
 * Return code + output → CardRead. Applies the same identity checks as the HID path. A -2201
 * (no PSAM) with a usable output, or an output with empty ssn on a 3.0 card, is a partial read.
 */
export function parseIReadCardBas(returnCode: number, output: string, opts: IReadCardBasOptions): CardRead {
  const raw = `ret=${returnCode} out=${typeof output === 'string' ? output.slice(0, 512) : ''}`;
  let noPsam = false;
  if (returnCode !== 0) {
    if (!NO_PSAM_CODES.has(returnCode)) throw iReadCardBasError(returnCode) as CardError;
    noPsam = true;
    if (typeof output !== 'string' || !output.includes('|')) throw iReadCardBasError(returnCode) as CardError;
  }
  const f = splitIReadCardBasOutput(output);
  if (!/^\d{6}$/.test(f.region))
    throw new CardError('DLL_OUTPUT_INVALID', { detail: `region ${JSON.stringify(f.region.slice(0, 20))}` });
  const specVersion = f.specVersion === '' && noPsam ? '3.00' : f.specVersion;
  const dateOf = (s: string, what: string): string => {
    if (s === '') return '';
    const iso = compactDateToIso(s);
    if (iso === '')
      throw new CardError('DLL_OUTPUT_INVALID', { detail: `${what} ${JSON.stringify(s.slice(0, 20))}` });
    return iso;
  };
  return buildCardRead(
    {
      ssn: f.ssn,
      name: f.name,
      cardNo: f.cardNo,
      cardId: f.cardId,
      // The output's region field is authoritative for DLL reads; the card id's first 6 digits agree
      // on well-formed cards.
      region: f.region,
      specVersion: specVersion === '' ? '2.00' : specVersion,
      issued: dateOf(f.issued, 'issue date'),
      expires: dateOf(f.expires, 'expiry'),
      holderDenied: noPsam || (f.ssn === '' && specVersion.startsWith('3')),
    },
    { today: opts.today, source: opts.source, raw },
  );
}
