// Contract over real HTTP: 9001, 1101, 8101, 2305, 3201, 8202, on PGlite and (with TEST_DATABASE_URL)
// on a PostgreSQL server.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlatformClient } from '../../electron/services/platform-client';
import { PlatformError, createPlatformClient } from '../../electron/services/platform-client';
import type { DatasetName } from '../../shared/protocol';
import { DATASETS, parseDatasetRows } from '../../shared/protocol';
import { AdminClient } from '../admin-client';
import type { RunningPlatform } from '../index';
import { billById, personByScenario, uploadFor } from '../test-support';
import { OTHER_HOSPITAL, STATIONS, backends, startTestPlatform, clientOptions } from './harness';

async function pullAll(client: PlatformClient, dataset: DatasetName, since = 0, pageSize = 700) {
  const rows: unknown[] = [];
  const deleted: string[] = [];
  let ver = since;
  for (let page = 0; page < 1000; page++) {
    const out = await client.call('8101', { data: { dataset, since_ver: ver, page_size: pageSize } });
    rows.push(...parseDatasetRows(dataset, out.rows));
    deleted.push(...out.deleted);
    ver = out.next_ver;
    if (!out.more) break;
  }
  return { rows: rows as { key: string }[], deleted, ver };
}

const makeClient = (...args: Parameters<typeof clientOptions>) =>
  createPlatformClient(clientOptions(...args));

describe.each(backends())('platform transactions on $name', (backend) => {
  let platform: RunningPlatform;
  let client: PlatformClient;
  let admin: AdminClient;

  beforeAll(async () => {
    platform = await startTestPlatform(backend);
    client = makeClient(platform);
    admin = new AdminClient(platform.url);
  });
  afterAll(async () => platform?.close());

  it('9001 signs a station in as its own institution only (STATION_INSTITUTION_MISMATCH otherwise)', async () => {
    const signNo = await client.signIn();
    expect(signNo).toMatch(/^\d{14}[0-9A-F]{12}$/);
    const asOther = createPlatformClient({
      ...clientOptions(platform, STATIONS[1]),
      fixmedinsCode: OTHER_HOSPITAL,
    });
    await expect(asOther.signIn()).rejects.toMatchObject({
      kind: 'permanent',
      errCode: 'STATION_INSTITUTION_MISMATCH',
      httpStatus: 403,
    });
    await expect(makeClient(platform, STATIONS[2]).signIn()).resolves.toMatch(/^\d{14}/);
  });

  it('1101 finds a person by ID number, by card (card_sn checked) and by e-certificate token', async () => {
    const p = personByScenario(platform.world, 'inpatient-direct');
    const card = platform.world.cards.find((c) => c.psn_no === p.person.psn_no)!;
    const byId = await client.call('1101', {
      data: { mdtrt_cert_type: '02', mdtrt_cert_no: p.person.certno },
    });
    expect(byId.baseinfo).toMatchObject({
      psn_no: p.person.psn_no,
      psn_name: '王建国',
      gend: '1',
      brdy: p.birth_date,
    });
    expect(byId.insuinfo[0]).toMatchObject({
      insutype: '310',
      psn_type: '21',
      insuplc_admdvs: '110000',
      balc: '4210.00',
    });
    const byCard = await client.call('1101', {
      data: { mdtrt_cert_type: '03', mdtrt_cert_no: card.card_no, card_sn: card.card_id },
    });
    expect(byCard.baseinfo.psn_no).toBe(p.person.psn_no);
    const byToken = await client.call('1101', {
      data: { mdtrt_cert_type: '01', mdtrt_cert_no: p.ecert_token },
    });
    expect(byToken.baseinfo.certno).toBe(p.person.certno);
    await expect(
      client.call('1101', { data: { mdtrt_cert_type: '03', mdtrt_cert_no: card.card_no, card_sn: 'WRONG' } }),
    ).rejects.toMatchObject({ errCode: 'PERSON_NOT_FOUND', kind: 'permanent' });
    await expect(
      client.call('1101', { data: { mdtrt_cert_type: '02', mdtrt_cert_no: '110101199001011237' } }),
    ).rejects.toMatchObject({ errCode: 'PERSON_NOT_FOUND' });
    const wi = personByScenario(platform.world, 'wi-device');
    const wiInfo = await client.call('1101', {
      data: { mdtrt_cert_type: '02', mdtrt_cert_no: wi.person.certno },
    });
    expect(wiInfo.insuinfo.map((i) => i.insutype)).toEqual(['310', '410']);
  });

  it('8101 serves every dataset in pages, rows valid against the settle/v1 schemas', async () => {
    const w = platform.world;
    const expected: Record<DatasetName, number> = {
      filings: w.filings.length,
      catalog: w.catalog.length,
      wi_catalog: w.wi_catalog.length,
      policies: w.policies.length,
      accumulators: w.accumulators.length,
      institutions: w.institutions.length,
    };
    for (const dataset of DATASETS) {
      const { rows, deleted } = await pullAll(client, dataset);
      expect(rows.length, dataset).toBe(expected[dataset]);
      expect(new Set(rows.map((r) => r.key)).size, dataset).toBe(rows.length);
      expect(deleted).toEqual([]);
    }
  });

  it('8101 deltas carry changed rows again and deleted keys, and a cut pull resumes from next_ver', async () => {
    const first = await pullAll(client, 'catalog', 0, 1000);
    const entry = platform.world.catalog[5];
    await admin.publishCatalog({
      dataset: 'catalog',
      upserts: [{ key: entry.code, entry: { ...entry.entry, pric_uplmt_amt: '99.00' } }],
      deletes: [platform.world.catalog[6].code],
    });
    const delta = await pullAll(client, 'catalog', first.ver);
    expect(delta.rows).toEqual([{ key: entry.code, entry: { ...entry.entry, pric_uplmt_amt: '99.00' } }]);
    expect(delta.deleted).toEqual([platform.world.catalog[6].code]);
    const again = await client.call('8101', {
      data: { dataset: 'catalog', since_ver: delta.ver, page_size: 10 },
    });
    expect(again).toMatchObject({ rows: [], deleted: [], more: false, total_rows: 0 });
    // A cut download: take one page, then resume from its next_ver; nothing is lost or repeated.
    const page1 = await client.call('8101', { data: { dataset: 'filings', since_ver: 0, page_size: 25 } });
    const rest = await pullAll(client, 'filings', page1.next_ver, 25);
    expect(page1.rows.length + rest.rows.length).toBe(platform.world.filings.length);
  });

  it('2305 cancels a settlement once, reverts the accumulators and frees the encounter; 8202 says cancelled', async () => {
    const w = platform.world;
    const bill = billById(w, 'BILL-OUTPATIENT');
    const psn = bill.psn_no;
    const before = await admin.accumulators(psn, 2026);
    const up = uploadFor(w, bill, { stationId: STATIONS[0].id, mdtrtId: 'CANCEL-1' });
    const [res] = (await client.call('8201', { data: { settlements: [up] } })).results;
    expect(res.outcome).toBe('confirmed');
    if (res.outcome !== 'confirmed') return;
    const after = await admin.accumulators(psn, 2026);
    expect(after.accumulators).not.toEqual(before.accumulators);
    const reversal = await client.call('2305', {
      data: { setl_id: res.setl_id, psn_no: psn, local_setl_id: up.local_setl_id },
    });
    expect(reversal.setlinfo.orig_setl_id).toBe(res.setl_id);
    expect(reversal.setlinfo.medfee_sumamt).toBe(`-${up.result.setlinfo.medfee_sumamt}`);
    const again = await client.call('2305', { data: { setl_id: res.setl_id, psn_no: psn } });
    expect(again).toEqual(reversal);
    const reverted = await admin.accumulators(psn, 2026);
    expect(reverted.accumulators).toEqual(before.accumulators);
    expect(reverted.ver).toBeGreaterThan(after.ver);
    const status = await client.call('8202', { data: { local_setl_ids: [up.local_setl_id, 'NEVER-SENT'] } });
    expect(status.results).toEqual([
      {
        local_setl_id: up.local_setl_id,
        outcome: 'cancelled',
        setl_id: res.setl_id,
        cancel_setl_id: reversal.setlinfo.setl_id,
      },
      { local_setl_id: 'NEVER-SENT', outcome: 'unknown' },
    ]);
    // The encounter is free again: a new settlement for it is accepted.
    const redo = uploadFor(w, bill, { stationId: STATIONS[0].id, mdtrtId: 'CANCEL-1' });
    const [redone] = (await client.call('8201', { data: { settlements: [redo] } })).results;
    expect(redone.outcome).toBe('confirmed');
    await expect(client.call('2305', { data: { setl_id: 'S000', psn_no: psn } })).rejects.toMatchObject({
      errCode: 'SETTLEMENT_NOT_FOUND',
      kind: 'permanent',
    });
  });

  it('3201 agrees when the station totals match the platform and says where they differ', async () => {
    const w = platform.world;
    const up = uploadFor(w, billById(w, 'BILL-FRACTURE'), { stationId: STATIONS[0].id });
    const [res] = (await client.call('8201', { data: { settlements: [up] } })).results;
    expect(res.outcome).toBe('confirmed');
    const s = up.result.setlinfo;
    const data = {
      insutype: '410' as const,
      clr_type: '21' as const,
      stmt_begndate: '2026-06-01',
      stmt_enddate: '2026-06-30',
      medfee_sumamt: s.medfee_sumamt,
      fund_pay_sumamt: s.fund_pay_sumamt,
      acct_pay: s.acct_pay,
      fixmedins_setl_cnt: 1,
    };
    expect((await client.call('3201', { data })).stmtinfo.stmt_rslt).toBe('0');
    const differ = await client.call('3201', { data: { ...data, fixmedins_setl_cnt: 2 } });
    expect(differ.stmtinfo).toMatchObject({
      stmt_rslt: '1',
      platform: { fixmedins_setl_cnt: 1, medfee_sumamt: s.medfee_sumamt },
    });
    expect(differ.stmtinfo.stmt_rslt_dscr).toContain('fixmedins_setl_cnt');
    await expect(
      client.call('3201', { data: { ...data, stmt_enddate: '2026-05-01' } }),
    ).rejects.toBeInstanceOf(PlatformError);
  });
  it('follows the world as admin changes it: a shortened filing, a new policy in force, a catalog price ceiling', async () => {
    const w = platform.world;
    // A filing the insured place ends yesterday: the station still had the old one.
    const ltr = personByScenario(w, 'long-term-resident');
    const filing = ltr.filings[0];
    const yesterday = '2026-06-14';
    await admin.putFiling({
      key: filing.filing_id,
      scheme: filing.scheme,
      person: filing.person,
      filing: { ...filing.filing, enddate: yesterday, begndate: '2025-01-01' },
    });
    const stale = uploadFor(w, billById(w, 'BILL-OUTPATIENT'), { stationId: STATIONS[0].id });
    const [expired] = (await client.call('8201', { data: { settlements: [stale] } })).results;
    expect(expired).toMatchObject({ outcome: 'rejected', reasons: [{ code: 'FILING_EXPIRED' }] });
    const delta = await client.call('8101', { data: { dataset: 'filings', since_ver: 0, page_size: 5000 } });
    expect(delta.rows).toContainEqual(
      expect.objectContaining({
        key: filing.filing_id,
        filing: expect.objectContaining({ enddate: yesterday }),
      }),
    );

    // A new policy for the Beijing employee scheme: a lower deductible, published today.
    const retiree = personByScenario(w, 'damaged-card');
    const old = w.policies.find((p) => p.policy_id === '110000-310-2026')!;
    await admin.publishPolicies({
      upserts: [
        { ...old, inpatient: { ...old.inpatient!, deductible: { '1': '100', '2': '100', '3': '100' } } },
      ],
    });
    const bill = {
      ...billById(w, 'BILL-PNEUMONIA'),
      psn_no: retiree.person.psn_no,
      bill_id: 'BILL-PNEUMONIA-2',
    };
    const [changed] = (
      await client.call('8201', {
        data: { settlements: [uploadFor(w, bill, { stationId: STATIONS[0].id })] },
      })
    ).results;
    expect(changed.outcome).toBe('discrepancy');
    if (changed.outcome === 'discrepancy')
      expect(changed.differences.map((d) => d.field)).toContain('act_pay_dedc');

    // Bad admin input is refused with the path that is wrong.
    await expect(
      admin.publishCatalog({
        dataset: 'catalog',
        upserts: [
          {
            key: 'X',
            entry: { name: 'x', chrgitm_lv: '04' as never, selfpay_prop: '0', pric_uplmt_amt: null },
          },
        ],
      }),
    ).rejects.toMatchObject({ status: 400, code: 'INPUT_INVALID' });
    await expect(admin.revokeFiling('NO-SUCH-FILING')).rejects.toMatchObject({ status: 404 });
  });
});
