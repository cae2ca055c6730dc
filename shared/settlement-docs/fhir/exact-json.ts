// FHIR JSON writes decimals as JSON numbers, and their precision is significant ("12.50" is not
// "12.5": https://hl7.org/fhir/R4/json.html#primitive). JSON.stringify can only write a JS number,
// which would drop the trailing zero and, for large amounts, digits; the station never turns money
// into a number (style.md). So the mapping puts a FhirDecimal where FHIR wants a decimal, and this
// writer emits its digits verbatim as a JSON number. Everything else is written as JSON.stringify does.

const DECIMAL = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/** A decimal written as a JSON number with exactly these digits. */
export class FhirDecimal {
  constructor(readonly digits: string) {
    if (!DECIMAL.test(digits)) throw new Error(`not a FHIR decimal: ${digits}`);
  }
}

/** A FHIR type whose decimals may be FhirDecimal (the types say `number`). */
export type Exact<T> = T extends number
  ? number | FhirDecimal
  : T extends string | boolean
    ? T
    : T extends readonly (infer U)[]
      ? Exact<U>[]
      : T extends object
        ? { [K in keyof T]: Exact<T[K]> }
        : T;

/** The JSON text of a resource, FhirDecimal digits written as they are; two-space indented. */
export function fhirJson(value: unknown): string {
  return write(value, '');
}

function write(value: unknown, indent: string): string {
  if (value instanceof FhirDecimal) return value.digits;
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('a FHIR number is finite');
    return JSON.stringify(value);
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + write(v, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${write(v, inner)}`).join(',\n')}\n${indent}}`;
}
