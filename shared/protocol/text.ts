// No control characters (C0 U+0000–U+001F and DEL U+007F) anywhere in a message: PostgreSQL text
// cannot hold NUL at all (the insert fails), and the others have no place in an id, a name or a code
// but to break logs, receipts and CSV files. One refinement, applied to the envelope, to every
// transaction's input and to each 8201 settlement, walks every string and every object key, so a new
// field is covered the day it is added.

import type { z } from 'zod';

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHAR = /[\u0000-\u001f\u007f]/;

export const CONTROL_CHAR_MESSAGE =
  '不得含控制字符 / must not contain control characters (U+0000–U+001F, U+007F)';

export function hasControlChars(text: string): boolean {
  return CONTROL_CHAR.test(text);
}

interface Visit {
  value: unknown;
  key: PropertyKey | null;
  parent: Visit | null;
}

function pathOf(v: Visit, last?: PropertyKey): PropertyKey[] {
  const path: PropertyKey[] = last === undefined ? [] : [last];
  for (let at: Visit | null = v; at && at.key !== null; at = at.parent) path.unshift(at.key);
  return path;
}

/** The path of the first string value or object key holding a control character, else null.
 * Iterative with parent links, so a deeply nested hostile message neither exhausts the stack nor
 * costs more than one visit per value. `skip` names top-level keys to leave out (the envelope's
 * `input`, checked by its transaction's schema). */
export function controlCharPath(value: unknown, skip: readonly string[] = []): PropertyKey[] | null {
  const stack: Visit[] = [{ value, key: null, parent: null }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const v = visit.value;
    if (typeof v === 'string') {
      if (hasControlChars(v)) return pathOf(visit);
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], key: i, parent: visit });
    } else if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!;
        if (visit.parent === null && skip.includes(key)) continue;
        if (hasControlChars(key)) return pathOf(visit, key);
        stack.push({ value: child, key, parent: visit });
      }
    }
  }
  return null;
}

/** The shared refinement: `schema` refuses any control character in any string or key it holds. */
export function withoutControlChars<S extends z.ZodType>(schema: S, skip: readonly string[] = []): S {
  return schema.superRefine((value, ctx) => {
    const path = controlCharPath(value, skip);
    if (path) ctx.addIssue({ code: 'custom', path, message: CONTROL_CHAR_MESSAGE });
  }) as unknown as S;
}
