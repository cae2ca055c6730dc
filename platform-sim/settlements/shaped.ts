// The request the platform recomputes, parsed without parsing the same objects again and again. The
// request is built of the upload's own parts (lines, circumstances…, already parsed by the upload
// schema, whose request is settleRequestObject) and of the platform's data (person, institution,
// filing, policy, catalog entries), which a batch reads once and shares between its settlements.
// settleRequestObject checks field by field and nothing across fields, so a request whose every field
// went through that field's schema is exactly what parsing the whole gives; settleShaped() then checks
// the rules across fields and settles. Parsing a 50-line request whole inside settle() was ~0.4 ms of a
// settlement's CPU (docs/platform.md, the profile).

import type { z } from 'zod';
import type { SettleRequest, SettleRequestInput } from '../../shared/settlement';
import { settleRequestObject } from '../../shared/settlement';

const SHAPE = settleRequestObject.shape as unknown as Record<string, z.ZodType>;
/** The schema of one entry of each record field (the catalogs), whose entries are shared objects. */
const ENTRY: Record<string, z.ZodType> = {
  catalog: settleRequestObject.shape.catalog.unwrap().valueType,
  wi_catalog: settleRequestObject.shape.wi_catalog.unwrap().valueType,
};
const FAILED = Symbol('does not parse');

/** Per field: an object → what its schema made of it. Objects of the platform's data are never
 * changed once read, and a batch's objects go with the batch. */
const memos = new Map<string, WeakMap<object, unknown>>();

function parse(schema: z.ZodType, value: unknown): unknown {
  const r = schema.safeParse(value);
  return r.success ? r.data : FAILED;
}

function memoised(field: string, schema: z.ZodType, value: unknown): unknown {
  if (value === null || typeof value !== 'object') return parse(schema, value);
  let memo = memos.get(field);
  if (!memo) memos.set(field, (memo = new WeakMap()));
  if (memo.has(value)) return memo.get(value);
  const out = parse(schema, value);
  memo.set(value, out);
  return out;
}

function shapedField(field: string, value: unknown): unknown {
  const entry = ENTRY[field];
  if (!entry || value === null || typeof value !== 'object' || Array.isArray(value))
    return memoised(field, SHAPE[field], value);
  const out: Record<string, unknown> = {};
  for (const [code, e] of Object.entries(value)) {
    const v = memoised(field, entry, e);
    if (v === FAILED) return FAILED;
    out[code] = v;
  }
  return out;
}

/**
 * `request` as settleRequestObject would parse it, or undefined when some field does not parse (the
 * caller then lets settle() parse it whole, which names the field). A field holding the very value
 * of `parsed` (the upload's request, already parsed) is taken as it is.
 */
export function shapedRequest(request: SettleRequestInput, parsed: SettleRequest): SettleRequest | undefined {
  const given = request as Record<string, unknown>;
  const already = parsed as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [field, schema] of Object.entries(SHAPE)) {
    const value = given[field];
    if (value !== undefined && value === already[field]) {
      out[field] = value;
      continue;
    }
    // An absent field is what the schema makes of undefined: its default, nothing, or a failure.
    const v = value === undefined ? parse(schema, undefined) : shapedField(field, value);
    if (v === FAILED) return undefined;
    if (v !== undefined) out[field] = v;
  }
  return out as SettleRequest;
}
