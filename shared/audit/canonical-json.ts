// The canonical JSON of the audit chain: the one text an entry's hash is taken over, so that the same
// entry always hashes the same wherever it is computed (the renderer appending, the renderer
// verifying, an auditor's own script reading the export). It is RFC 8785 (JCS) for the values an
// audit entry holds: object members sorted by their keys' UTF-16 code units, no whitespace, strings
// and numbers written as ECMAScript's JSON.stringify writes them. A member whose value is `undefined`
// is left out, as JSON.stringify leaves it out (IndexedDB keeps such members, JSON does not: both must
// hash alike). Anything JSON cannot say exactly — NaN, Infinity, a bigint, a Date, a Map, a function,
// `undefined` in an array — is refused rather than silently changed.

export class CanonicalJsonError extends TypeError {
  constructor(
    readonly path: string,
    what: string,
  ) {
    super(`canonical JSON cannot hold ${what} at ${path || '(root)'}`);
    this.name = 'CanonicalJsonError';
  }
}

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

function write(value: unknown, path: string, out: string[]): void {
  switch (typeof value) {
    case 'string':
      out.push(JSON.stringify(value));
      return;
    case 'boolean':
      out.push(value ? 'true' : 'false');
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(path, String(value));
      out.push(JSON.stringify(value));
      return;
    case 'object':
      break;
    default:
      throw new CanonicalJsonError(path, `a ${typeof value}`);
  }
  if (value === null) {
    out.push('null');
    return;
  }
  if (Array.isArray(value)) {
    out.push('[');
    value.forEach((item, i) => {
      if (item === undefined) throw new CanonicalJsonError(`${path}[${i}]`, 'undefined');
      if (i > 0) out.push(',');
      write(item, `${path}[${i}]`, out);
    });
    out.push(']');
    return;
  }
  if (!isPlainObject(value)) throw new CanonicalJsonError(path, `a ${value.constructor?.name ?? 'object'}`);
  const record = value as Record<string, unknown>;
  // Array.prototype.sort without a comparator compares UTF-16 code units, which is JCS's order.
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  out.push('{');
  keys.forEach((k, i) => {
    if (i > 0) out.push(',');
    out.push(JSON.stringify(k), ':');
    write(record[k], path ? `${path}.${k}` : k, out);
  });
  out.push('}');
}

export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  write(value, '', out);
  return out.join('');
}
