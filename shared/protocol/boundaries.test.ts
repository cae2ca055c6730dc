// The protocol schemas at the platform's door: control characters anywhere, amounts beyond what the
// platform stores, ids beyond its indexes, dates, the stay part, and the contract-pure settle result.

import { describe, expect, it } from 'vitest';
import { demoSettleRequest, demoWorld } from '../demo-world';
import { settle, settleResultSchema } from '../settlement';
import { CONTROL_CHARACTER_MESSAGE } from '../text/control';
import {
  MAX_STORED_AMOUNT,
  addDays,
  controlCharPath,
  contractResultSchema,
  parseUploadSettlement,
  settleDateProblem,
  stayPart,
  transactionSchemas,
  uploadSettlementSchema,
} from './index';

const world = demoWorld({ seed: 'boundaries', today: '2026-06-15', catalogSize: 100 });
const bill = world.bills.find((b) => b.bill_id === 'BILL-PNEUMONIA')!;
const request = demoSettleRequest(world, bill);
const result = settle(request);
const good = {
  local_setl_id: 'L0001',
  station_id: 'ST-A',
  opter: 'cashier01',
  settled_at: `${bill.settle_date}T09:30:00+08:00`,
  mdtrt_id: 'ZY0001',
  request,
  result,
  data_versions: { catalog: 1 },
};
const clone = () => JSON.parse(JSON.stringify(good)) as typeof good;

describe('control characters (C0 and DEL), one refinement everywhere', () => {
  it.each([
    ['NUL', '\u0000'],
    ['BEL', '\u0007'],
    ['TAB', '\t'],
    ['LF', '\n'],
    ['ESC', '\u001b'],
    ['US', '\u001f'],
    ['DEL', '\u007f'],
  ])('finds %s in a nested value or key, and passes clean text', (_name, ch) => {
    expect(controlCharPath({ a: [{ b: `x${ch}` }] })).toEqual(['a', 0, 'b']);
    expect(controlCharPath({ a: { [`k${ch}`]: 1 } })).toEqual(['a', `k${ch}`]);
    expect(controlCharPath({ a: ['张三', 'é', '\u00a0', '\u0080'] })).toBeNull();
    expect(controlCharPath({ input: ch, x: 'ok' }, ['input'])).toBeNull();
  });
  it('walks a deeply nested value without exhausting the stack', () => {
    const deep = JSON.parse(`${'['.repeat(50_000)}"\\u0000"${']'.repeat(50_000)}`);
    expect(controlCharPath(deep)?.length).toBe(50_000);
  });
  const signIn = { signIn: { opter_no: 'c1', mac: '', ip: '' } };
  const cases: [string, keyof typeof transactionSchemas, unknown, string][] = [
    ['9001 opter_no', '9001', { signIn: { ...signIn.signIn, opter_no: 'c\u0000' } }, 'signIn.opter_no'],
    ['9001 mac', '9001', { signIn: { ...signIn.signIn, mac: '\u001b[2J' } }, 'signIn.mac'],
    [
      '1101 mdtrt_cert_no',
      '1101',
      { data: { mdtrt_cert_type: '02', mdtrt_cert_no: '1\u0000' } },
      'data.mdtrt_cert_no',
    ],
    [
      '1101 psn_name',
      '1101',
      { data: { mdtrt_cert_type: '02', mdtrt_cert_no: '1', psn_name: '张\u007f三' } },
      'data.psn_name',
    ],
    ['2305 setl_id', '2305', { data: { setl_id: 'S\u0000', psn_no: 'P' } }, 'data.setl_id'],
    [
      '2305 local_setl_id',
      '2305',
      { data: { setl_id: 'S', psn_no: 'P', local_setl_id: 'L\n' } },
      'data.local_setl_id',
    ],
    ['8202 local_setl_ids', '8202', { data: { local_setl_ids: ['A', 'B\u0000'] } }, 'data.local_setl_ids[1]'],
  ];
  it.each(cases)('refuses it in %s, naming the path', (_name, infno, input, path) => {
    const r = transactionSchemas[infno].input.safeParse(input);
    expect(r.success).toBe(false);
    const issue = r.error!.issues[0]!;
    expect(issue.message).toBe(CONTROL_CHARACTER_MESSAGE);
    expect(issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')).toBe(
      `.${path}`.replace(/\.\[/g, '['),
    );
  });
  it('refuses it in any field of an 8201 settlement: ids, names, codes, result text, record keys', () => {
    const paths: [string, (s: ReturnType<typeof clone>) => void][] = [
      ['mdtrt_id', (s) => (s.mdtrt_id = 'Z\u0000')],
      ['request.person.psn_name', (s) => (s.request.person.psn_name = '王\u0000')],
      ['request.lines[0].name', (s) => (s.request.lines[0]!.name = 'x\u0007')],
      ['request.lines[0].med_list_codg', (s) => (s.request.lines[0]!.med_list_codg += '\u007f')],
      ['result.trace[0].zh', (s) => (s.result.trace[0]!.zh += '\u0000')],
      ['opter', (s) => (s.opter = 'c\u0000')],
    ];
    for (const [path, spoil] of paths) {
      const s = clone();
      spoil(s);
      const parsed = parseUploadSettlement(s);
      expect(parsed, path).toMatchObject({ ok: false, path, message: CONTROL_CHARACTER_MESSAGE });
    }
    expect(parseUploadSettlement(clone()).ok).toBe(true);
  });
});

describe('what the platform stores', () => {
  const withLine = (pric: string) => {
    const s = clone();
    s.request.lines = [
      {
        feedetl_sn: '1',
        med_list_codg: s.request.lines[0]!.med_list_codg,
        cnt: '1',
        pric,
        det_item_fee_sumamt: pric,
      },
    ];
    return s;
  };
  it(`accepts a settlement totalling ${MAX_STORED_AMOUNT}, refuses one fen more and the issue's price 99999999999999 over two lines`, () => {
    expect(uploadSettlementSchema.safeParse(withLine(MAX_STORED_AMOUNT)).success).toBe(true);
    expect(parseUploadSettlement(withLine('100000000000000.00'))).toMatchObject({
      ok: false,
      path: 'request.lines',
    });
    const two = withLine('99999999999999');
    two.request.lines.push({ ...two.request.lines[0]!, feedetl_sn: '2' });
    expect(parseUploadSettlement(two)).toMatchObject({ ok: false, path: 'request.lines' });
  });
  it('refuses a psn_no longer than 64 characters and a missing mdtrt_id', () => {
    const s = clone();
    s.request.person.psn_no = 'P'.repeat(65);
    expect(parseUploadSettlement(s)).toMatchObject({ ok: false, path: 'request.person.psn_no' });
    const { mdtrt_id: _gone, ...noEncounter } = clone();
    expect(parseUploadSettlement(noEncounter)).toMatchObject({ ok: false, path: 'mdtrt_id' });
  });
  it.each([
    '2025-06-30',
    '2025-06-30 10:12:00',
    '2025-06-30T10:12:00',
    'yesterday',
    '2025-13-45T10:00:00+08:00',
  ])('refuses settled_at %j (ISO 8601 with an offset, a real time)', (settledAt) => {
    expect(parseUploadSettlement({ ...clone(), settled_at: settledAt })).toMatchObject({
      ok: false,
      path: 'settled_at',
    });
  });
  it('reads the mid-stay part: 1 without stay, the part when 1–999, refused otherwise', () => {
    expect(stayPart({})).toBe(1);
    expect(stayPart({ stay: { part: 3, dedc_left: '0.00' } })).toBe(3);
    for (const bad of [
      { stay: { part: 0 } },
      { stay: { part: '2' } },
      { stay: null },
      { stay: { part: 1.5 } },
    ])
      expect(stayPart(bad)).toBeNull();
    expect(parseUploadSettlement({ ...clone(), request: { ...request, stay: { part: 0 } } })).toMatchObject({
      ok: false,
      path: 'request.stay.part',
    });
  });
});

describe('the contract-pure settle result (settlement-contract.md "Result")', () => {
  it('is accepted without the engine’s extensions, which the engine’s own schema requires', () => {
    const { reduction: _r, cross_province: _c, trace: _t, ...pure } = result;
    const contractOnly = {
      ...pure,
      items: result.items!.map(({ med_list_codg: _m, basis: _b, ...item }) => item),
    };
    expect(settleResultSchema.safeParse(contractOnly).success).toBe(false);
    expect(contractResultSchema.safeParse(contractOnly).success).toBe(true);
    expect(uploadSettlementSchema.safeParse({ ...clone(), result: contractOnly }).success).toBe(true);
  });
  it('still requires the contract fields and a refusal’s message', () => {
    const { setlinfo: _s, ...noSetlinfo } = result;
    expect(contractResultSchema.safeParse(noSetlinfo).success).toBe(false);
    const refused = settle(
      demoSettleRequest(
        world,
        world.bills.find((b) => b.bill_id === 'BILL-APPENDIX')!,
      ),
    );
    const withoutEn = {
      ...refused,
      refusal: refused.refusal.map(({ code, message }) => ({ code, message })),
    };
    expect(contractResultSchema.safeParse(withoutEn).success).toBe(true);
    const withoutMessage = { ...refused, refusal: refused.refusal.map(({ code }) => ({ code })) };
    expect(contractResultSchema.safeParse(withoutMessage).success).toBe(false);
  });
});

describe('settle dates against the platform clock', () => {
  const now = Date.parse('2026-06-15T04:00:00Z'); // 12:00 in China
  const ok = (date: string, at = `${date}T09:00:00+08:00`, days = 90) =>
    settleDateProblem(date, at, now, days);
  it('accepts today, and a day at the edge of the window', () => {
    expect(ok('2026-06-15')).toBeNull();
    expect(ok(addDays('2026-06-15', -90))).toBeNull();
    expect(ok('2026-06-05', '2026-06-05T09:00:00+08:00', 10)).toBeNull();
  });
  it.each([
    ['2026-06-16', '2026-06-16T00:00:00+08:00', 90, 'SETTLE_DATE_IN_FUTURE'],
    ['2026-06-15', '2026-06-15T12:10:00+08:00', 90, 'SETTLE_DATE_IN_FUTURE'],
    [addDays('2026-06-15', -91), undefined, 90, 'SETTLE_DATE_TOO_OLD'],
    ['2026-06-04', undefined, 10, 'SETTLE_DATE_TOO_OLD'],
    ['2026-06-14', '2026-06-15T09:00:00+08:00', 90, 'SETTLE_DATE_MISMATCH'],
    ['2026-06-15', '2026-06-14T15:59:59Z', 90, 'SETTLE_DATE_MISMATCH'],
  ] as const)('refuses settle_date %s settled_at %s (window %d) with %s', (date, at, days, code) => {
    expect(ok(date, at, days)?.code).toBe(code);
  });
  it('takes settled_at in China time whatever its offset', () => {
    expect(ok('2026-06-15', '2026-06-14T16:00:00Z')).toBeNull();
    expect(ok('2026-06-15', '2026-06-15T01:00:00-03:00')).toBeNull();
  });
});
