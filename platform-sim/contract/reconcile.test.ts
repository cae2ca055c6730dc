// 3201 and 3202 over real HTTP, on PGlite and (with TEST_DATABASE_URL) PostgreSQL: the totals of each
// insutype × clr_type are the sum of the detail rows; an admin fault that loses a settlement or
// alters its amount unbalances 3201 and 3202 names exactly that settlement; a cancel on the platform
// and another counter's settlement show as such.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlatformClient } from '../../electron/services/platform-client';
import { PlatformError, createPlatformClient } from '../../electron/services/platform-client';
import { formatAmount, sumAmounts } from '../../shared/money';
import type { DetailRow, UploadResult, UploadSettlementInput } from '../../shared/protocol';
import { clrTypeOf, reconcileInsutype } from '../../shared/protocol';
import { AdminClient } from '../admin-client';
import type { RunningPlatform } from '../index';
import { billById, settleablePeople, syntheticBill, uploadFor } from '../test-support';
import { STATIONS, TODAY, backends, clientOptions, startTestPlatform } from './harness';

const AMOUNTS = ['medfee_sumamt', 'fund_pay_sumamt', 'acct_pay'] as const;

function detailOf(up: UploadSettlementInput, res: UploadResult): DetailRow {
  if (res.outcome !== 'confirmed' && res.outcome !== 'discrepancy') throw new Error(res.outcome);
  const f = (res.outcome === 'discrepancy' ? res.platform_result : up.result).setlinfo;
  return {
    setl_id: res.setl_id,
    mdtrt_id: up.mdtrt_id,
    psn_no: up.request.person.psn_no,
    insutype: reconcileInsutype(up.request.scheme, up.request.person.insutype),
    clr_type: clrTypeOf(up.request.setl_type),
    medfee_sumamt: f.medfee_sumamt,
    fund_pay_sumamt: f.fund_pay_sumamt,
    acct_pay: f.acct_pay,
    refd_setl_flag: '0',
  };
}

const sumOf = (rows: readonly Pick<DetailRow, (typeof AMOUNTS)[number]>[]) =>
  Object.fromEntries(AMOUNTS.map((f) => [f, formatAmount(sumAmounts(rows.map((r) => r[f])))]));

describe.each(backends())('3201 and 3202 on $name', (backend) => {
  let platform: RunningPlatform;
  let a: PlatformClient;
  let admin: AdminClient;
  const sent: { up: UploadSettlementInput; row: DetailRow }[] = [];
  let otherCounter: DetailRow;
  const optins = () => clientOptions(platform).mdtrtareaAdmvs;

  const detail = (rows: DetailRow[]) =>
    a.call('3202', { data: { stmt_begndate: TODAY, stmt_enddate: TODAY, setl_optins: optins(), rows } });
  const totals = (rows: DetailRow[], key: Pick<DetailRow, 'insutype' | 'clr_type'>) => {
    const mine = rows.filter((r) => r.insutype === key.insutype && r.clr_type === key.clr_type);
    return a.call('3201', {
      data: {
        insutype: key.insutype,
        clr_type: key.clr_type,
        stmt_begndate: TODAY,
        stmt_enddate: TODAY,
        ...sumOf(mine),
        fixmedins_setl_cnt: mine.length,
      } as never,
    });
  };
  const keys = () => [
    ...new Map(
      [...sent.map((s) => s.row), otherCounter].map((r) => [`${r.insutype}${r.clr_type}`, r]),
    ).values(),
  ];

  beforeAll(async () => {
    platform = await startTestPlatform(backend);
    a = createPlatformClient(clientOptions(platform));
    const b = createPlatformClient(clientOptions(platform, STATIONS[1]));
    admin = new AdminClient(platform.url);
    const w = platform.world;
    const people = settleablePeople(w).slice(0, 3);
    const ups = [
      uploadFor(w, billById(w, 'BILL-FRACTURE'), { stationId: STATIONS[0].id }),
      uploadFor(w, billById(w, 'BILL-OUTPATIENT'), { stationId: STATIONS[0].id }),
      ...people
        .slice(0, 2)
        .map((p, i) =>
          uploadFor(w, syntheticBill(w, p, 4, STATIONS[0].fixmedins_code, i), { stationId: STATIONS[0].id }),
        ),
    ];
    const { results } = await a.call('8201', { data: { settlements: ups } });
    ups.forEach((up, i) => sent.push({ up, row: detailOf(up, results[i]) }));
    const other = uploadFor(w, syntheticBill(w, people[2], 3, STATIONS[1].fixmedins_code, 9), {
      stationId: STATIONS[1].id,
    });
    otherCounter = detailOf(other, (await b.call('8201', { data: { settlements: [other] } })).results[0]);
  });
  afterAll(async () => platform?.close());

  it('balances every insutype × clr_type, and 3201 totals are the sum of the 3202 rows', async () => {
    const all = [...sent.map((s) => s.row), otherCounter];
    expect(keys().length).toBeGreaterThanOrEqual(2);
    const answer = await detail(all);
    expect(answer.missing).toEqual([]);
    expect(answer.rows.map((r) => r.stmt_rslt)).toEqual(all.map(() => '0'));
    for (const key of keys()) {
      const t = await totals(all, key);
      expect(t.stmtinfo.stmt_rslt).toBe('0');
      const platformRows = answer.rows
        .map((r) => r.platform!)
        .filter((p) => p.insutype === key.insutype && p.clr_type === key.clr_type);
      expect(t.stmtinfo.platform).toMatchObject({
        ...sumOf(platformRows),
        fixmedins_setl_cnt: platformRows.length,
      });
    }
  });

  it("lists another counter's settlement the station did not send as missing, with its station", async () => {
    const answer = await detail(sent.map((s) => s.row));
    expect(answer.missing).toEqual([
      expect.objectContaining({ setl_id: otherCounter.setl_id, station_id: STATIONS[1].id }),
    ]);
  });

  it('an altered amount: 3201 unbalanced for its row alone, 3202 names exactly that settlement', async () => {
    const all = [...sent.map((s) => s.row), otherCounter];
    const victim = sent[1];
    const altered = formatAmount(sumAmounts([victim.row.medfee_sumamt, '10.00']));
    await admin.settlementFault({
      fault: 'alter',
      local_setl_id: victim.up.local_setl_id,
      medfee_sumamt: altered,
    });
    for (const key of keys()) {
      const same = key.insutype === victim.row.insutype && key.clr_type === victim.row.clr_type;
      const t = await totals(all, key);
      expect(t.stmtinfo.stmt_rslt).toBe(same ? '1' : '0');
      if (same) expect(t.stmtinfo.stmt_rslt_dscr).toContain('medfee_sumamt');
    }
    const answer = await detail(all);
    expect(answer.rows.filter((r) => r.stmt_rslt !== '0')).toEqual([
      expect.objectContaining({
        setl_id: victim.row.setl_id,
        stmt_rslt: '1',
        fields: ['medfee_sumamt', 'fund_pay_sumamt'],
        platform: expect.objectContaining({ medfee_sumamt: altered }),
      }),
    ]);
  });

  it('a lost settlement: 3201 unbalanced, 3202 answers it unknown to the platform', async () => {
    const all = [...sent.map((s) => s.row), otherCounter];
    const victim = sent[0];
    await admin.settlementFault({ fault: 'lose', local_setl_id: victim.up.local_setl_id });
    const t = await totals(all, victim.row);
    expect(t.stmtinfo).toMatchObject({ stmt_rslt: '1' });
    expect(t.stmtinfo.stmt_rslt_dscr).toContain('fixmedins_setl_cnt');
    const answer = await detail(all);
    expect(answer.rows.filter((r) => r.stmt_rslt === '2')).toEqual([
      { setl_id: victim.row.setl_id, stmt_rslt: '2', fields: [], platform: null },
    ]);
    await expect(
      admin.settlementFault({ fault: 'lose', local_setl_id: victim.up.local_setl_id }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('a settlement cancelled on the platform that the station still holds: result 3; flagged cancelled: matched', async () => {
    const victim = sent[3];
    await a.call('2305', { data: { setl_id: victim.row.setl_id, psn_no: victim.row.psn_no } });
    const [held] = (await detail([victim.row])).rows;
    expect(held).toMatchObject({ stmt_rslt: '3', platform: { refd_setl_flag: '1' } });
    const [both] = (await detail([{ ...victim.row, refd_setl_flag: '1' }])).rows;
    expect(both.stmt_rslt).toBe('0');
  });

  it('refuses another agency, a repeated setl_id and an end before the start', async () => {
    const row = sent[2].row;
    for (const data of [
      { stmt_begndate: TODAY, stmt_enddate: TODAY, setl_optins: '110000', rows: [row] },
      { stmt_begndate: TODAY, stmt_enddate: TODAY, setl_optins: optins(), rows: [row, row] },
      { stmt_begndate: TODAY, stmt_enddate: '2026-01-01', setl_optins: optins(), rows: [] },
    ])
      await expect(a.call('3202', { data })).rejects.toMatchObject({ errCode: 'INPUT_INVALID' });
    await expect(a.call('3202', { data: { stmt_begndate: TODAY } } as never)).rejects.toBeInstanceOf(
      PlatformError,
    );
  });
});
