// What may reach a log line, on the station and on the platform alike. Two rules, one function each:
//
// - By field name (maskLogValue): a value under a key that names a person's identity, a card, or a
//   secret is masked whatever it looks like: ID numbers keep their first 6 and last 4 characters (a
//   support person can still tell two patients apart and see the region), names keep their first
//   character, card numbers their first and last two, secrets and raw card data are replaced whole.
// - In free text (maskText): every 18-character (17 digits + check character) and 15-digit citizen ID
//   number is masked wherever it stands, also glued to a letter ("ID11010519491231002X"), and
//   `key=value` / `"key":"value"` pairs of the keys above are masked inside any string (an error
//   message that quotes a JSON body or a query string).
//
// Pure: no I/O, no clock. Both sides write `maskLogValue(record)` and serialise the result.

export const REDACTED = '[redacted]';

type Kind = 'secret' | 'id' | 'name' | 'card' | 'whole';

/** Keys compared after lower-casing and dropping everything but letters and digits. */
const EXACT: Record<string, Kind> = {};
const add = (kind: Kind, keys: string[]) => keys.forEach((k) => (EXACT[k] = kind));
add('id', [
  'certno',
  'psncertno',
  'mdtrtcertno',
  'idcard',
  'idcardno',
  'idno',
  'idnumber',
  'citizenid',
  'sfzh',
  'ssn',
]);
add('name', ['psnname', 'patnname', 'name', 'fullname', 'insuname', 'patientname']);
add('card', ['cardsn', 'cardno', 'cardnumber', 'cardid', 'cardnum', 'bankcardno', 'ecardno', 'sscardno']);
// Raw device reads, birth dates and database query parameters carry personal data in no fixed shape.
add('whole', ['raw', 'birthdate', 'brdy', 'params', 'parameters', 'bindings', 'querystring']);

/** Any key containing one of these is a secret (x-signature, stationSecret, agentToken …). */
const SECRET_PARTS = [
  'secret',
  'token',
  'password',
  'passwd',
  'signature',
  'authorization',
  'cookie',
  'apikey',
  'privatekey',
  'credential',
  'session',
];

export function sensitiveKind(key: string): Kind | null {
  const k = key.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (SECRET_PARTS.some((p) => k.includes(p))) return 'secret';
  return EXACT[k] ?? null;
}

// 18: 6-digit division, 8-digit birth date, 3-digit sequence, check character. 15: the older form.
// Not preceded or followed by a digit (a 30-digit msgid is not an ID number), but a letter may
// touch it: "ID11010519491231002X" and "certno:11010519491231002X" are masked alike.
const ID_18 = /(?<!\d)(\d{6})\d{8}(\d{3}[\dXx])(?!\d)/g;
const ID_15 = /(?<!\d)(\d{6})\d{6}(\d{3})(?!\d)/g;

function keepEnds(value: string, head: number, tail: number): string {
  const chars = [...value];
  if (chars.length <= head + tail) return '*'.repeat(chars.length);
  const end = tail > 0 ? chars.slice(-tail).join('') : '';
  return chars.slice(0, head).join('') + '*'.repeat(chars.length - head - tail) + end;
}

function maskScalar(kind: Kind, value: string): string {
  switch (kind) {
    case 'secret':
    case 'whole':
      return REDACTED;
    case 'id': {
      const t = maskIdNumbers(value);
      return t !== value ? t : keepEnds(value, 0, 4);
    }
    case 'name':
      return keepEnds(value, 1, 0);
    case 'card':
      return keepEnds(value, 1, 2);
  }
}

function maskIdNumbers(text: string): string {
  return text.replace(ID_18, '$1********$2').replace(ID_15, '$1******$2');
}

// key=value, key: value, "key":"value", 'key' = 'value' for every key listed above, in any text.
const PAIR = /(?<![A-Za-z0-9_])([A-Za-z][A-Za-z0-9_-]{1,40})(["']?\s*[:=]\s*["']?)([^"'&,;\s}\]]+)/g;

/** Masks ID numbers and sensitive `key=value` pairs in free text. */
export function maskText(text: string): string {
  const pairs = text.replace(PAIR, (all, key: string, sep: string, value: string) => {
    const kind = sensitiveKind(key);
    return kind ? `${key}${sep}${maskScalar(kind, value)}` : all;
  });
  return maskIdNumbers(pairs);
}

export interface MaskOptions {
  /** Keep an Error's stack (masked); off for the station's files, on for a server's console. */
  stack?: boolean;
  /** Nesting below this depth is replaced by '[depth]'. Default 8. */
  maxDepth?: number;
}

/**
 * A copy of `value` that is safe to serialise into a log line: plain data only (an Error becomes
 * `{name, message, …its own fields}`), sensitive keys masked by name, every string (keys too)
 * through maskText, cycles cut.
 */
export function maskLogValue(value: unknown, options: MaskOptions = {}): unknown {
  const maxDepth = options.maxDepth ?? 8;
  const seen = new WeakSet<object>();
  const walk = (v: unknown, depth: number, kind: Kind | null): unknown => {
    if (kind && v !== null && v !== undefined) {
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint')
        return maskScalar(kind, String(v));
      if (typeof v === 'object') return REDACTED;
    }
    if (typeof v === 'string') return maskText(v);
    if (typeof v === 'bigint') return maskText(String(v));
    if (typeof v === 'function' || typeof v === 'symbol') return `[${typeof v}]`;
    if (v === null || typeof v !== 'object') return v;
    if (seen.has(v)) return '[cycle]';
    if (depth >= maxDepth) return '[depth]';
    seen.add(v);
    try {
      if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1, null));
      const out: Record<string, unknown> = {};
      if (v instanceof Error) {
        out.name = maskText(v.name);
        out.message = maskText(v.message);
        if (options.stack && v.stack) out.stack = maskText(v.stack);
        if (v.cause !== undefined) out.cause = walk(v.cause, depth + 1, null);
      } else if (typeof (v as { toJSON?: unknown }).toJSON === 'function') {
        return walk((v as { toJSON(): unknown }).toJSON(), depth, null);
      }
      for (const [key, x] of Object.entries(v)) {
        if (x === undefined) continue;
        out[maskText(key)] = walk(x, depth + 1, sensitiveKind(key));
      }
      return out;
    } finally {
      seen.delete(v);
    }
  };
  return walk(value, 0, null);
}
