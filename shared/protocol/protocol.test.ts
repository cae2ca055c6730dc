import { describe, expect, it } from 'vitest';
import {
  buildMsgid,
  chinaOffsetIso,
  cstDate,
  formatInfTime,
  formatRespondTime,
  requestEnvelopeSchema,
  selectFiling,
  signingString,
  transactionSchemas,
  uploadResultSchema,
} from './index';

const T = Date.UTC(2025, 5, 30, 17, 5, 9, 42); // 2025-07-01 01:05:09.042 in China

describe('envelope times and msgid', () => {
  it('formats China Standard Time whatever the machine zone', () => {
    expect(formatInfTime(T)).toBe('2025-07-01 01:05:09');
    expect(formatRespondTime(T)).toBe('20250701010509042');
    expect(cstDate(T)).toBe('2025-07-01');
    expect(chinaOffsetIso(T)).toBe('2025-07-01T01:05:09+08:00');
    expect(Date.parse(chinaOffsetIso(T))).toBe(Math.floor(T / 1000) * 1000);
  });
  it('builds a 30-character msgid with a wrapping 4-digit sequence', () => {
    expect(buildMsgid('H46010600001', T, 7)).toBe('H46010600001202507010105090007');
    expect(buildMsgid('H46010600001', T, 10_003)).toHaveLength(30);
    expect(buildMsgid('H46010600001', T, 10_003).slice(-4)).toBe('0003');
    expect(() => buildMsgid('SHORT', T, 1)).toThrow(RangeError);
  });
  it('signs timestamp, nonce and body hash on three lines', () => {
    expect(signingString(1700000000000, 'n'.repeat(16), 'ABCDEF')).toBe(
      `1700000000000\n${'n'.repeat(16)}\nabcdef`,
    );
  });
});

describe('envelope schema', () => {
  const ok = {
    infno: '8101',
    msgid: buildMsgid('H46010600001', T, 1),
    mdtrtarea_admvs: '460106',
    insuplc_admdvs: '',
    recer_sys_code: 'DSS',
    infver: 'V1.0',
    opter_type: '1',
    opter: 'c1',
    opter_name: '收费员',
    inf_time: formatInfTime(T),
    fixmedins_code: 'H46010600001',
    fixmedins_name: '医院',
    sign_no: 'x',
    input: {},
  };
  it('accepts a well-formed envelope', () => expect(requestEnvelopeSchema.safeParse(ok).success).toBe(true));
  it.each([
    ['infno', 8101],
    ['infno', '81'],
    ['msgid', 'x'],
    ['mdtrtarea_admvs', '4601'],
    ['infver', 'V2'],
    ['opter_type', '9'],
    ['opter', ''],
    ['inf_time', '2025-07-01T01:05:09'],
    ['fixmedins_code', 'H4601060000'],
    ['input', 'x'],
    ['input', null],
    ['insuplc_admdvs', '11'],
  ])('refuses %s = %j', (field, value) => {
    expect(requestEnvelopeSchema.safeParse({ ...ok, [field]: value }).success).toBe(false);
  });
  it('validates transaction inputs: page size at most 5,000, upload batches of 1–500', () => {
    expect(
      transactionSchemas['8101'].input.safeParse({
        data: { dataset: 'catalog', since_ver: 0, page_size: 5000 },
      }).success,
    ).toBe(true);
    expect(
      transactionSchemas['8101'].input.safeParse({
        data: { dataset: 'catalog', since_ver: 0, page_size: 5001 },
      }).success,
    ).toBe(false);
    expect(transactionSchemas['8201'].input.safeParse({ data: { settlements: [] } }).success).toBe(false);
    expect(
      transactionSchemas['8201'].input.safeParse({
        data: { settlements: [{ local_setl_id: 'A', anything: 1 }] },
      }).success,
    ).toBe(true);
    expect(
      uploadResultSchema.safeParse({ local_setl_id: 'A', outcome: 'rejected', reasons: [] }).success,
    ).toBe(false);
  });
});

describe('selectFiling', () => {
  const f = (
    scheme: 'medical' | 'work_injury',
    admvs: string,
    begndate: string,
    enddate: string | null,
    id: string,
  ) => ({ id, scheme, filing: { mdtrtarea_admvs: admvs, begndate, enddate } });
  const all = [
    f('medical', '460000', '2024-01-01', '2024-06-30', 'old'),
    f('medical', '460000', '2025-01-01', '2025-12-31', 'current'),
    f('medical', '530000', '2025-03-01', null, 'yunnan'),
    f('work_injury', '460000', '2025-02-01', '2026-01-31', 'wi'),
  ];
  it('picks the filing valid on the settle date for the treatment province and scheme', () => {
    expect(selectFiling(all, 'medical', '460106', '2025-06-30')?.id).toBe('current');
    expect(selectFiling(all, 'work_injury', '460106', '2025-06-30')?.id).toBe('wi');
  });
  it('accepts a filing valid on the admission date only, else the newest for the province, else another province', () => {
    expect(selectFiling(all, 'medical', '460106', '2024-07-03', '2024-06-20')?.id).toBe('old');
    expect(selectFiling(all, 'medical', '460106', '2027-01-01')?.id).toBe('current');
    expect(selectFiling(all.slice(2, 3), 'medical', '460106', '2025-06-30')?.id).toBe('yunnan');
    expect(selectFiling([], 'medical', '460106', '2025-06-30')).toBeNull();
  });
});
