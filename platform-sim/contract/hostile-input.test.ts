// Hostile input at every field the platform takes (issue 10, finding 2 and "the rest"): control
// characters in the envelope and in each transaction's input, values a column cannot hold, over real
// HTTP. Every one is refused with a clear code (400 INPUT_INVALID / ENVELOPE_INVALID, or a 8201
// settlement `rejected INVALID_INPUT` in an HTTP 200 batch) — never an HTTP 500 — and the platform's
// log stays free of the personal data and parameters of a request that did break something inside.

import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PlatformClient } from '../../electron/services/platform-client';
import { createPlatformClient } from '../../electron/services/platform-client';
import type { RunningPlatform } from '../index';
import { billById, uploadFor } from '../test-support';
import {
  STATIONS,
  backends,
  clientOptions,
  envelope,
  rawCall,
  rawUpload,
  startTestPlatform,
} from './harness';

describe.each(backends())('hostile input on $name', (backend) => {
  let platform: RunningPlatform;
  let client: PlatformClient;
  let signNo: string;

  beforeAll(async () => {
    platform = await startTestPlatform(backend);
    client = createPlatformClient(clientOptions(platform));
    signNo = await client.signIn();
  });
  afterAll(async () => platform?.close());

  const send = (infno: string, input: unknown, patch: Record<string, unknown> = {}) =>
    rawCall(platform, JSON.stringify({ ...envelope(infno, input, signNo), ...patch }));
  const ping = { data: { local_setl_ids: ['X'] } };

  it.each([
    ['opter', 'c\u0000'],
    ['opter_name', '收费\u0007员'],
    ['fixmedins_name', '医院\u007f'],
    ['recer_sys_code', 'DSS\n'],
    ['sign_no', 'abc\u0000'],
  ])('refuses a control character in envelope %s (ENVELOPE_INVALID)', async (field, value) => {
    const r = await send('8202', ping, { [field]: value });
    expect([r.status, r.json?.err_code]).toEqual([400, 'ENVELOPE_INVALID']);
    expect(r.json?.err_msg).toContain(field);
  });

  const person = () => platform.world.people[0]!.person;
  const inputs: [string, string, () => unknown, string][] = [
    [
      '9001 opter_no with NUL',
      '9001',
      () => ({ signIn: { opter_no: 'c\u0000', mac: '', ip: '' } }),
      'signIn.opter_no',
    ],
    [
      '9001 ip with ESC',
      '9001',
      () => ({ signIn: { opter_no: 'c', mac: '', ip: '\u001b[2J' } }),
      'signIn.ip',
    ],
    [
      '1101 mdtrt_cert_no with NUL',
      '1101',
      () => ({ data: { mdtrt_cert_type: '02', mdtrt_cert_no: `${person().certno}\u0000` } }),
      'data.mdtrt_cert_no',
    ],
    [
      '1101 psn_name with DEL',
      '1101',
      () => ({
        data: {
          mdtrt_cert_type: '02',
          mdtrt_cert_no: person().certno,
          psn_name: `${person().psn_name}\u007f`,
        },
      }),
      'data.psn_name',
    ],
    [
      '1101 card_sn with NUL',
      '1101',
      () => ({ data: { mdtrt_cert_type: '03', mdtrt_cert_no: 'X', card_sn: '\u0000' } }),
      'data.card_sn',
    ],
    [
      '2305 setl_id with NUL',
      '2305',
      () => ({ data: { setl_id: 'S\u0000', psn_no: person().psn_no } }),
      'data.setl_id',
    ],
    ['2305 psn_no with NUL', '2305', () => ({ data: { setl_id: 'S1', psn_no: '\u0000' } }), 'data.psn_no'],
    [
      '2305 local_setl_id with LF',
      '2305',
      () => ({ data: { setl_id: 'S1', psn_no: 'P', local_setl_id: 'L\n' } }),
      'data.local_setl_id',
    ],
    [
      '8202 a local_setl_id with NUL',
      '8202',
      () => ({ data: { local_setl_ids: ['A', 'B\u0000'] } }),
      'data.local_setl_ids[1]',
    ],
    [
      '8101 since_ver beyond a PostgreSQL integer',
      '8101',
      () => ({ data: { dataset: 'catalog', since_ver: 2 ** 31, page_size: 10 } }),
      'data.since_ver',
    ],
    [
      '3201 a date with NUL',
      '3201',
      () => ({
        data: {
          insutype: '310',
          clr_type: '99',
          stmt_begndate: '2026-01-01\u0000',
          stmt_enddate: '2026-12-31',
          medfee_sumamt: '0',
          fund_pay_sumamt: '0',
          acct_pay: '0',
          fixmedins_setl_cnt: 0,
        },
      }),
      'data.stmt_begndate',
    ],
    [
      '3202 a setl_id with NUL',
      '3202',
      () => ({
        data: {
          stmt_begndate: '2026-01-01',
          stmt_enddate: '2026-01-01',
          setl_optins: '460106',
          rows: [
            {
              setl_id: 'S\u0000',
              mdtrt_id: 'E1',
              psn_no: 'P1',
              insutype: '310',
              clr_type: '21',
              medfee_sumamt: '1.00',
              fund_pay_sumamt: '0.00',
              acct_pay: '0.00',
              refd_setl_flag: '0',
            },
          ],
        },
      }),
      'data.rows[0].setl_id',
    ],
  ];

  it.each(inputs)(
    'refuses %s with INPUT_INVALID naming the path, not HTTP 500',
    async (_name, infno, input, path) => {
      const r = await send(infno, input());
      expect([r.status, r.json?.err_code]).toEqual([400, 'INPUT_INVALID']);
      expect(r.json?.err_msg).toContain(path);
    },
  );

  it('answers each settlement of a batch with a NUL, an overflowing price or a 10 KB psn_no, HTTP 200', async () => {
    const w = platform.world;
    const good = () => uploadFor(w, billById(w, 'BILL-LOCAL'), { stationId: STATIONS[0].id });
    const first = good();
    const nulEncounter = { ...good(), mdtrt_id: 'ZY\u0000001' };
    const price = uploadFor(w, billById(w, 'BILL-PNEUMONIA'), {
      stationId: STATIONS[0].id,
      tweak: (r) => {
        const line = r.lines[0]!;
        Object.assign(line, { pric: '99999999999999', cnt: '1', det_item_fee_sumamt: '99999999999999' });
      },
    });
    const longPsn = uploadFor(w, billById(w, 'BILL-REFERRAL'), {
      stationId: STATIONS[0].id,
      tweak: (r) => {
        // Random characters: PostgreSQL would compress a repeated one below its index-row limit.
        r.person.psn_no = Array.from({ length: 10_000 }, (_, i) =>
          String.fromCharCode(0x4e00 + ((i * 7919) % 20000)),
        ).join('');
      },
    });
    const nulName = uploadFor(w, billById(w, 'BILL-RESIDENT'), {
      stationId: STATIONS[0].id,
      tweak: (r) => void (r.person.psn_name = `${r.person.psn_name}\u0000`),
    });
    const last = uploadFor(w, billById(w, 'BILL-CHRONIC-I10'), { stationId: STATIONS[0].id });
    const { status: http, results } = await rawUpload(platform, signNo, [
      first,
      nulEncounter,
      price,
      longPsn,
      nulName,
      last,
    ]);
    expect(http).toBe(200);
    expect(results.map((x) => x.outcome)).toEqual([
      'confirmed',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'confirmed',
    ]);
    expect(results.slice(1, 5).map((x) => (x.outcome === 'rejected' ? x.reasons[0] : x))).toEqual([
      expect.objectContaining({ code: 'INVALID_INPUT', path: 'mdtrt_id' }),
      expect.objectContaining({ code: 'INVALID_INPUT', path: 'request.lines' }),
      expect.objectContaining({ code: 'INVALID_INPUT', path: 'request.person.psn_no' }),
      expect.objectContaining({ code: 'INVALID_INPUT', path: 'request.person.psn_name' }),
    ]);
    const status = await client.call('8202', {
      data: { local_setl_ids: [nulEncounter, price, nulName].map((s) => s.local_setl_id) },
    });
    expect(status.results.map((x) => x.outcome)).toEqual(['unknown', 'unknown', 'unknown']);
  });
});

// Its own platform: the test breaks a table on purpose.
describe.each(backends())('the internal-error log on $name', (backend) => {
  let platform: RunningPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform(backend, { catalogSize: 50, peopleCount: 20 });
  });
  afterAll(async () => platform?.close());

  it('names the failure by SQLSTATE and never prints the query parameters (ID number, name)', async () => {
    const client = createPlatformClient(clientOptions(platform));
    await client.signIn();
    const p = platform.world.people.find((x) => x.scenario === 'inpatient-direct')!;
    await platform.db.exec('ALTER TABLE people RENAME TO people_gone');
    const logged: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      logged.push(args.map((a) => (typeof a === 'string' ? a : inspect(a, { depth: 5 }))).join(' '));
    });
    try {
      const err = await client
        .call('1101', {
          data: { mdtrt_cert_type: '02', mdtrt_cert_no: p.person.certno, psn_name: p.person.psn_name },
        })
        .catch((e: unknown) => e);
      expect(err).toMatchObject({ errCode: 'HTTP_500', kind: 'transient' });
    } finally {
      spy.mockRestore();
      await platform.db.exec('ALTER TABLE people_gone RENAME TO people');
    }
    const log = logged.join('\n');
    expect(log).toContain('SQLSTATE 42P01');
    expect(log).not.toContain(p.person.certno);
    expect(log).not.toContain(p.person.psn_name);
    expect(log).not.toMatch(/params|SELECT/);
  });
});
