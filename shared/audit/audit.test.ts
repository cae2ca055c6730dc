import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AUDIT_GENESIS, auditHashInput, canonicalJson, chainEntry, chainVerifier, type AuditFields } from '.';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** JSON values as an audit entry holds them (no undefined, finite numbers). */
const json = fc.jsonValue({ maxDepth: 4 });

function shuffled(v: unknown, seed: number): unknown {
  if (Array.isArray(v)) return v.map((x, i) => shuffled(x, seed + i));
  if (v === null || typeof v !== 'object') return v;
  const entries = Object.entries(v);
  entries.sort(
    (a, b) => ((a[0].length * 31 + seed) % 7) - ((b[0].length * 31 + seed) % 7) || (seed % 2 ? -1 : 1),
  );
  return Object.fromEntries(entries.map(([k, x]) => [k, shuffled(x, seed + 1)]));
}

describe('canonical JSON', () => {
  it('is what JSON.stringify writes when the keys are already in order', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x"y'], c: { z: -0.5, é: '中' } })).toBe(
      '{"a":[true,null,"x\\"y"],"b":1,"c":{"z":-0.5,"é":"中"}}',
    );
  });
  it('sorts keys by UTF-16 code units (RFC 8785), so an astral key sorts before U+FFFF', () => {
    expect(canonicalJson({ '\uffff': 1, '\u{1f600}': 2, a: 3 })).toBe('{"a":3,"😀":2,"￿":1}');
  });
  it('leaves out undefined members, as JSON does', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });
  it.each([
    [{ a: NaN }, 'NaN at a'],
    [{ a: [1, undefined] }, 'undefined at a[1]'],
    [{ a: { b: Infinity } }, 'Infinity at a.b'],
    [{ d: new Date(0) }, 'a Date at d'],
    [{ m: new Map() }, 'a Map at m'],
    [{ n: 1n }, 'a bigint at n'],
    [{ f: () => 1 }, 'a function at f'],
  ])('refuses %o', (value, message) => {
    expect(() => canonicalJson(value)).toThrow(message);
  });
  it('property: parsing and writing again gives the same text; key order does not matter', () => {
    fc.assert(
      fc.property(json, fc.nat(), (v, seed) => {
        const text = canonicalJson(v);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        expect(canonicalJson(shuffled(v, seed))).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(v)));
      }),
    );
  });
});

function fields(id: number, detail: Record<string, unknown> = {}): AuditFields {
  return {
    id,
    at: `2026-06-30T02:00:0${id % 10}.000Z`,
    kind: 'settlement.committed',
    local_setl_id: `L${id}`,
    opter: 'cashier01',
    detail,
  };
}

async function chain(n: number) {
  const out = [];
  let prev = AUDIT_GENESIS;
  for (let i = 1; i <= n; i++) {
    const e = chainEntry(fields(i, { psn_cash_pay: `${i}.00` }), prev, sha256);
    out.push(e);
    prev = e.hash;
  }
  return out;
}

async function verify(entries: Parameters<ReturnType<typeof chainVerifier>['push']>[0][]) {
  const v = chainVerifier(sha256);
  for (const e of entries) if (!(await v.push(e))) break;
  return v.verdict();
}

describe('the audit chain', () => {
  it('hashes the canonical JSON of the fields and prev', async () => {
    const [e] = await chain(1);
    expect(e!.prev).toBe(AUDIT_GENESIS);
    expect(e!.hash).toBe(await sha256(auditHashInput(fields(1, { psn_cash_pay: '1.00' }), AUDIT_GENESIS)));
    expect(auditHashInput(fields(1), AUDIT_GENESIS)).toBe(
      `{"at":"2026-06-30T02:00:01.000Z","detail":{},"id":1,"kind":"settlement.committed","local_setl_id":"L1","opter":"cashier01","prev":"${AUDIT_GENESIS}"}`,
    );
  });
  it('is intact as written, with the last hash as head', async () => {
    const entries = await chain(20);
    expect(await verify(entries)).toEqual({ intact: true, count: 20, head: entries[19]!.hash });
    expect(await verify([])).toEqual({ intact: true, count: 0, head: AUDIT_GENESIS });
  });
  it.each([
    ['an amount changed', (e: ChainedList) => (e[6]!.detail = { psn_cash_pay: '0.01' }), 7, 'hash'],
    ['the operator changed', (e: ChainedList) => (e[0]!.opter = 'cashier02'), 1, 'hash'],
    // the entry after the gap is where it shows: id 11 where 10 was due
    ['an entry removed', (e: ChainedList) => e.splice(9, 1), 11, 'sequence', 9],
    [
      'an entry removed and the ids renumbered',
      (e: ChainedList) => {
        e.splice(9, 1);
        e.forEach((x, i) => (x.id = i + 1));
      },
      10,
      'prev',
    ],
    ['two entries swapped', (e: ChainedList) => e.splice(3, 2, e[4]!, e[3]!), 5, 'sequence', 3],
    [
      'a hash rewritten to match',
      (e: ChainedList) => (e[11]!.hash = e[11]!.hash.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'))),
      12,
      'hash',
    ],
    ['a hash removed', (e: ChainedList) => delete (e[2] as Partial<ChainedList[number]>).hash, 3, 'unhashed'],
  ] as [string, (e: ChainedList) => unknown, number, string, number?][])(
    '%s: breaks at the exact entry',
    async (_, alter, brokenAt, reason, count = brokenAt - 1) => {
      const entries: ChainedList = await chain(20);
      alter(entries);
      expect(await verify(entries)).toMatchObject({ intact: false, brokenAt, reason, count });
    },
  );
  it('property: altering any one entry is found at that entry', async () => {
    const entries = await chain(12);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 11 }), fc.jsonValue({ maxDepth: 2 }), async (i, value) => {
        const copy = entries.map((e) => ({ ...e, detail: { ...e.detail } }));
        copy[i]!.detail = { ...copy[i]!.detail, changed: value };
        expect(await verify(copy)).toMatchObject({ intact: false, brokenAt: i + 1, reason: 'hash' });
      }),
      { numRuns: 50 },
    );
  });
});

type ChainedList = Awaited<ReturnType<typeof chain>>;
