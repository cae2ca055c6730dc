// Online-fresh (issue 18) against the real platform: the platform's world changes after the
// station's last pull (accumulators moved by settlements elsewhere, filings revoked). A card read's
// per-person read (8102) brings the newer rows; 2303 on F8 shows a difference before payment and the
// commit by the platform's figures is confirmed, refuses a revoked filing before anything is
// committed, and a platform slower than the timeout leaves an offline commit that is confirmed or
// flagged as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFilings, type StationDb } from '../../renderer/db';
import { createSettleService, type SettleService } from '../../renderer/settle-service';
import { createPusher, inProcessWriterLock, pullAll, refreshPerson } from '../../renderer/sync';
import { openTestJournal } from '../support/test-journal';
import { inpatientLines, settleablePeople } from './bills';
import { StationDisk, startTestPlatform, type TestPlatform } from './harness';
import { getRow } from '../../renderer/db';

let tp: TestPlatform;
let db: StationDb;
let people: string[];
let year: number;
beforeAll(async () => {
  tp = await startTestPlatform({ seed: 'sync-stale-cache' });
  db = await new StationDisk().open();
  await pullAll(db, tp.port());
  year = Number(tp.today.slice(0, 4));
  // people with no admission yet this year: another admission elsewhere changes their deductible
  const firstAdmission = async (psn: string) =>
    !((await getRow(db, 'accumulators', `${psn}:${year}`))?.local.inpatient_admissions ?? 0);
  people = [];
  for (const psn of await settleablePeople(db, tp.station, tp.today))
    if (await firstAdmission(psn)) people.push(psn);
});
afterAll(async () => tp?.close());

const service = (timeoutMs = 1500): SettleService =>
  createSettleService({
    db,
    station: tp.station,
    journal: openTestJournal().port,
    platform: tp.port(),
    onlineTimeoutMs: timeoutMs,
  });

const inpatient = (psn_no: string) => ({
  who: { psn_no },
  scheme: 'medical' as const,
  setl_type: 'inpatient' as const,
  settle_date: tp.today,
  admission_date: tp.today,
  lines: inpatientLines(5),
});

/** Another station's settlements this morning: the person's year-to-date figures on the platform. */
async function movedElsewhere(psn_no: string) {
  const current = (await tp.admin.accumulators(psn_no, year)).accumulators;
  await tp.admin.setAccumulators({
    psn_no,
    accumulators: { ...current, year, inpatient_admissions: 2, hifp_pay: '30000.00' },
  });
}

async function drain() {
  const report = await createPusher({ db, port: tp.port(), lock: inProcessWriterLock() }).drain();
  expect(report.outcome).toBe('drained');
}

describe('stale cache, online', () => {
  it('a card read refreshes the person: newer accumulators and a revoked filing replace the cache, by version', async () => {
    const [moved, revoked] = [people[0]!, people[1]!];
    await movedElsewhere(moved);
    const filing = (await findFilings(db, { psn_no: revoked })).find((f) => f.scheme === 'medical')!;
    await tp.admin.revokeFiling(filing.key);

    const live = await refreshPerson(db, tp.port(), moved);
    expect(live).toMatchObject({ source: 'live', changed: 1 });
    const acc = await getRow(db, 'accumulators', `${moved}:${year}`);
    expect(acc?.local).toMatchObject({ inpatient_admissions: 2, hifp_pay: '30000.00' });
    expect(acc?.ver).toBeGreaterThan((await db.checkpoints.get('accumulators'))!.since_ver);
    // Nothing newer the second time: the versions say the cache holds the platform's rows.
    expect(await refreshPerson(db, tp.port(), moved)).toMatchObject({ source: 'live', changed: 0 });

    expect(await refreshPerson(db, tp.port(), revoked)).toMatchObject({ source: 'live', changed: 1 });
    expect((await findFilings(db, { psn_no: revoked })).some((f) => f.key === filing.key)).toBe(false);
  });

  it('stale accumulators → 2303 shows the difference; settled by the platform figures, the upload is confirmed', async () => {
    const psn = people[2]!;
    await movedElsewhere(psn);
    const svc = service();
    const preview = await svc.preview(inpatient(psn));
    const check = await svc.preSettle(preview, { opter: 'cashier01', encounter_no: 'ZY-STALE-1' });
    expect(check?.kind).toBe('differs');
    if (check?.kind !== 'differs') return;
    expect(check.differences.map((d) => d.field)).toContain('act_pay_dedc');
    expect(check.station).toBe(preview.result);
    expect(check.preview.result.setlinfo.act_pay_dedc).toBe(
      check.differences.find((d) => d.field === 'act_pay_dedc')!.platform,
    );
    // the cache was refreshed from the platform on the way
    expect((await getRow(db, 'accumulators', `${psn}:${year}`))?.local.hifp_pay).toBe('30000.00');
    const row = await svc.commit(check.preview, {
      opter: 'cashier01',
      encounter_no: 'ZY-STALE-1',
      presettle: check.mark,
    });
    await drain();
    const after = (await db.settlements.get(row.local_setl_id))!;
    expect(after.status).toBe('confirmed');
    expect(after.presettle?.outcome).toBe('platform_figures');
  });

  it('revoked filing → refused by 2303 before anything is committed', async () => {
    const psn = people[3]!;
    const svc = service();
    const preview = await svc.preview(inpatient(psn)); // from the cache, still filed
    const filing = (await findFilings(db, { psn_no: psn })).find((f) => f.scheme === 'medical')!;
    await tp.admin.revokeFiling(filing.key);
    const before = await db.settlements.count();
    const check = await svc.preSettle(preview, { opter: 'cashier01', encounter_no: 'ZY-REVOKED-1' });
    expect(check).toMatchObject({ kind: 'refused', reasons: [{ code: 'FILING_REVOKED' }] });
    expect(await db.settlements.count()).toBe(before);
    expect(await db.outbox.count()).toBe(0);
  });

  it('platform slower than the timeout → offline commit marked so, then flagged by 8201 as before', async () => {
    const psn = people[4]!;
    await movedElsewhere(psn);
    const svc = service(300);
    await tp.admin.setFaults({ latency_ms: 1200 });
    try {
      const t0 = Date.now();
      expect(await svc.refresh(psn)).toMatchObject({ source: 'cache', reason: 'TIMEOUT' });
      const preview = await svc.preview(inpatient(psn));
      const check = await svc.preSettle(preview, { opter: 'cashier01', encounter_no: 'ZY-SLOW-1' });
      expect(Date.now() - t0).toBeLessThan(1200);
      expect(check).toMatchObject({ kind: 'offline', mark: { outcome: 'offline', reason: 'TIMEOUT' } });
      if (check?.kind !== 'offline') return;
      const row = await svc.commit(preview, {
        opter: 'cashier01',
        encounter_no: 'ZY-SLOW-1',
        presettle: check.mark,
      });
      expect(row.presettle).toEqual({ outcome: 'offline', reason: 'TIMEOUT' });
      await tp.admin.clearFaults();
      await drain();
      expect((await db.settlements.get(row.local_setl_id))!.status).toBe('discrepancy');
    } finally {
      await tp.admin.clearFaults();
    }
  });
});
