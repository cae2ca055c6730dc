/** A request that breaks the settle contract (v1 or v2): nothing is settled from it. `path` is the JSON path of the first offending field. */
export class InvalidInputError extends Error {
  readonly code = 'INVALID_INPUT' as const;
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidInputError';
  }

  /** The contract's error JSON: {"error":"INVALID_INPUT","path":"lines[3].cnt","message":"…"}. */
  toJSON(): { error: 'INVALID_INPUT'; path: string; message: string } {
    return { error: this.code, path: this.path, message: this.message };
  }
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** ['lines', 3, 'cnt'] → "lines[3].cnt"; keys that are not identifiers are quoted: deductible["1"]. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && IDENTIFIER.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out === '' ? '$' : out;
}
