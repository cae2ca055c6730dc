// Every request/result pair of ../shared/data/settle-examples, copied into fixtures/, field for field.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { settle, settleResultSchema } from './index';

const dir = join(import.meta.dirname, 'fixtures');
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.request.json'))
  .map((f) => f.replace('.request.json', ''));
const load = (file: string): unknown => JSON.parse(readFileSync(join(dir, file), 'utf8'));

/** Every field of `expected` must be in `actual` with the same value; refusals compare by code. */
function expectContains(actual: unknown, expected: unknown, path: string): void {
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), path).toBe(true);
    expect((actual as unknown[]).length, `${path}.length`).toBe(expected.length);
    expected.forEach((e, i) => expectContains((actual as unknown[])[i], e, `${path}[${i}]`));
  } else if (expected !== null && typeof expected === 'object') {
    for (const [key, value] of Object.entries(expected)) {
      expect(actual, path).toHaveProperty([key]);
      expectContains((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
    }
  } else {
    expect(actual, path).toBe(expected);
  }
}

describe('settle/v2 examples (settle/v1 requests settled by v2 rules)', () => {
  it('has all thirteen example pairs', () => {
    expect(names.length).toBeGreaterThanOrEqual(13);
  });
  it.each(names)('%s', (name) => {
    const result = settle(load(`${name}.request.json`));
    const expected = load(`${name}.result.json`) as { refusal?: { code: string }[] };
    const { refusal, ...rest } = expected;
    expectContains(result, rest, 'result');
    expect(result.refusal.map((r) => r.code)).toEqual((refusal ?? []).map((r) => r.code));
    expect(settleResultSchema.safeParse(result).success).toBe(true);
  });
});
