import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskLogValue, maskText, REDACTED, sensitiveKind } from './index';

const ID = '11010519491231002X';

describe('maskText: ID numbers in free text', () => {
  it.each([
    ['patient 11010519491231002X arrived', 'patient 110105********002X arrived'],
    ['ids 440524188001010014,110101199003076758', 'ids 440524********0014,110101********6758'],
    ['lower-case check 11010519491231002x', 'lower-case check 110105********002x'],
    // glued to a letter: the old masking let these through
    ['ID11010519491231002X', 'ID110105********002X'],
    ['certno:11010519491231002X;', 'certno:110105********002X;'],
    ['身份证11010519491231002X号', '身份证110105********002X号'],
    ['X11010519491231002Xabc', 'X110105********002Xabc'],
    // 15-digit IDs of the first generation
    ['old id 110105491231002 here', 'old id 110105******002 here'],
    ['ID110105491231002', 'ID110105******002'],
    // key=value pairs of sensitive keys, in a query string or a quoted JSON body
    [
      'GET /x?psn_name=张三&certno=110105491231002&page=2',
      'GET /x?psn_name=张*&certno=110105******002&page=2',
    ],
    ['{"psn_name":"李小明","card_sn":"X00000019"}', '{"psn_name":"李**","card_sn":"X******19"}'],
    ["token='abc.def' next", `token='${REDACTED}' next`],
    ['x-signature: 9f86d081884c7d65', `x-signature: ${REDACTED}`],
    ['mdtrt_cert_no=E1234567890 ok', 'mdtrt_cert_no=*******7890 ok'],
  ])('masks %j', (input, expected) => {
    expect(maskText(input)).toBe(expected);
  });

  it.each([
    'card X00000019',
    'msgid H11010100001202506301012000001', // 29 digits after a letter: no ID number
    'amount 12345678901234567', // 17 digits
    'order 1234567890123456789', // 19 digits
    'phone 13800138000', // 11 digits
    'fixmedins_name=北京示范医院', // a name key only when it is the whole key
    '',
  ])('leaves %j alone', (input) => {
    expect(maskText(input)).toBe(input);
  });

  it('never leaves an ID number whole, wherever it stands in text without adjacent digits', () => {
    const around = fc.string({ maxLength: 20 }).map((s) => s.replace(/\d/g, 'a'));
    const id = fc
      .tuple(fc.stringMatching(/^\d{17}$/), fc.constantFrom('0', '7', 'X', 'x'))
      .map(([d, c]) => d + c);
    fc.assert(
      fc.property(around, id, around, (before, idNo, after) => {
        const out = maskText(`${before}${idNo}${after}`);
        expect(out).not.toContain(idNo);
        expect(out).not.toContain(idNo.slice(6, 14));
      }),
    );
  });
});

describe('maskLogValue: by field name', () => {
  it.each([
    ['certno', ID, '110105********002X'],
    ['certNo', 'P12345678', '*****5678'],
    ['mdtrt_cert_no', 'QR-TOKEN-998877', '***********8877'],
    ['psn_cert_no', '110105491231002', '110105******002'],
    ['ssn', ID, '110105********002X'],
    ['psn_name', '欧阳娜娜', '欧***'],
    ['name', '张三', '张*'],
    ['patnName', 'Li Lei', 'L*****'],
    ['card_sn', 'X00000019', 'X******19'],
    ['cardNo', 'A12345678', 'A******78'],
    ['cardno', 12345678, '1*****78'],
    ['cardId', '0123456789abcdef0123456789abcdef', `0${'*'.repeat(29)}ef`],
    ['secret', 'station-secret-0123456789', REDACTED],
    ['stationSecret', 'x', REDACTED],
    ['token', 'A'.repeat(43), REDACTED],
    ['agent-token', 'abc', REDACTED],
    ['x-signature', 'deadbeef', REDACTED],
    ['authorization', 'Bearer abc', REDACTED],
    ['password', 1234, REDACTED],
    ['sessionToken', 'abc', REDACTED],
    ['raw', 'EF05:...', REDACTED],
    ['birthDate', '1949-12-31', REDACTED],
    ['params', [ID, '张三'], REDACTED],
    ['secret', { nested: 'object' }, REDACTED],
  ] as const)('masks %s', (key, value, expected) => {
    expect(maskLogValue({ [key]: value })).toEqual({ [key]: expected });
  });

  it.each([
    ['fixmedins_name', '北京示范医院'],
    ['opter', 'cashier-01'],
    ['errCode', 'HTTP_500'],
    ['sign_no', 'SIGN-1'],
    ['med_list_codg', 'XJ01CAA040A001'],
    ['certno', null],
    ['name', undefined],
  ] as const)('leaves %s alone', (key, value) => {
    expect(maskLogValue({ [key]: value })).toEqual(value === undefined ? {} : { [key]: value });
  });

  it('masks nested objects, arrays, keys, errors and causes; cuts cycles; keeps other values', () => {
    const cause = Object.assign(new Error(`db: duplicate key ${ID}`), { params: [ID, '张三'] });
    const err = Object.assign(new Error('insert failed', { cause }), {
      code: '23505',
      detail: `(certno)=(${ID})`,
    });
    const cyclic: Record<string, unknown> = { psn_name: '王五' };
    cyclic.self = cyclic;
    const out = maskLogValue({
      person: { certno: ID, psn_name: '张三', insutype: '310' },
      list: [{ card_sn: 'X00000019' }, `note ${ID}`],
      [ID]: 'keyed by an ID number',
      err,
      cyclic,
      count: 3,
      ok: true,
      when: new Date('2025-06-30T00:00:00Z'),
    });
    expect(out).toEqual({
      person: { certno: '110105********002X', psn_name: '张*', insutype: '310' },
      list: [{ card_sn: 'X******19' }, 'note 110105********002X'],
      '110105********002X': 'keyed by an ID number',
      err: {
        name: 'Error',
        message: 'insert failed',
        cause: { name: 'Error', message: 'db: duplicate key 110105********002X', params: REDACTED },
        code: '23505',
        detail: '(certno)=(110105********002X)',
      },
      cyclic: { psn_name: '王*', self: '[cycle]' },
      count: 3,
      ok: true,
      when: '2025-06-30T00:00:00.000Z',
    });
    expect(JSON.stringify(out)).not.toContain('19491231');
  });

  it('keeps a masked stack only when asked, and stops at the depth limit', () => {
    const e = new Error(`boom ${ID}`);
    expect(maskLogValue(e)).not.toHaveProperty('stack');
    const withStack = maskLogValue(e, { stack: true }) as { stack: string };
    expect(withStack.stack).toContain('110105********002X');
    expect(withStack.stack).not.toContain(ID);
    let deep: Record<string, unknown> = { certno: ID };
    for (let i = 0; i < 20; i++) deep = { d: deep };
    expect(JSON.stringify(maskLogValue(deep))).not.toContain(ID);
  });

  it('recognises secrets inside longer key names but not look-alikes', () => {
    expect(sensitiveKind('X-Station-Signature')).toBe('secret');
    expect(sensitiveKind('refresh_token')).toBe('secret');
    expect(sensitiveKind('fixmedins_name')).toBeNull();
    expect(sensitiveKind('names')).toBeNull();
  });

  it('never throws and never returns a sensitive value whole, whatever the input', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 4 }), fc.string({ minLength: 16 }), (v, secret) => {
        const out = JSON.stringify(maskLogValue({ v, secret, nested: { token: secret } }));
        expect(out).not.toContain(JSON.stringify(secret));
      }),
    );
  });
});
