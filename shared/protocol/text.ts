// No control characters (C0 U+0000–U+001F and DEL U+007F) anywhere in a message: PostgreSQL text
// cannot hold NUL at all (the insert fails), and the others have no place in an id, a name or a code
// but to break logs, receipts and CSV files. One refinement, applied to the envelope, to every
// transaction's input and to each 8201 settlement, walks every string and every object key, so a new
// field is covered the day it is added. The check of one string is shared/text's, the station's too.

import type { z } from 'zod';
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacter } from '../text/control';

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
      if (hasControlCharacter(v)) return pathOf(visit);
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], key: i, parent: visit });
    } else if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!;
        if (visit.parent === null && skip.includes(key)) continue;
        if (hasControlCharacter(key)) return pathOf(visit, key);
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
    if (path) ctx.addIssue({ code: 'custom', path, message: CONTROL_CHARACTER_MESSAGE });
  }) as unknown as S;
}
