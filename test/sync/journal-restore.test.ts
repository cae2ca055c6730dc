// Issue 14's storage-loss scenarios against the real platform and the real journal: IndexedDB lost
// with unsynced settlements, a torn last journal line, a station whose journal lags its database.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOURNAL_FILE } from '../../electron/services/journal';
import { reconcileWithJournal } from '../../renderer/journal';
import { accumulatorsSchema } from '../../shared/settlement';
import { createPusher, inProcessWriterLock, openTasks, pullAll } from '../../renderer/sync';
import { openTestJournal } from '../support/test-journal';
import { offlineSettler, settleablePeople } from './bills';
import { StationDisk, startTestPlatform, type TestPlatform } from './harness';
import { getRow } from '../../renderer/db';

let tp: TestPlatform;
beforeAll(async () => {
  tp = await startTestPlatform({ seed: 'sync-journal' });
});
afterAll(async () => tp?.close());

async function onPlatform(ids: string[]) {
  const all = (await tp.admin.settlements()).settlements.filter((s) => ids.includes(s.local_setl_id));
  return all;
}

/** A station whose IndexedDB is brand new (lost, or another browser): pulled, nothing settled. */
async function freshStation() {
  const disk = new StationDisk();
  const db = await disk.open();
  await pullAll(db, tp.port());
  return { disk, db };
}

/** A station with a journal, its settleable people and a counter on it; `pusher(db)` drains any of
 * its databases into the platform, recording the answers in the journal. */
async function scene() {
  const journal = openTestJournal();
  const st = await freshStation();
  const people = await settleablePeople(st.db, tp.station, tp.today);
  const settler = offlineSettler(st.db, tp.station, tp.today, journal.port);
  const pusher = (db: typeof st.db) =>
    createPusher({ db, port: tp.port(), lock: inProcessWriterLock(), journal: journal.port });
  return { journal, st, people, settler, pusher };
}
describe('the journal restores what IndexedDB lost', () => {
  it('IndexedDB deleted with 20 unsynced settlements → restart → all 20 uploaded exactly once', async () => {
    const journal = openTestJournal();
    const first = await freshStation();
    const people = await settleablePeople(first.db, tp.station, tp.today);
    const settler = offlineSettler(first.db, tp.station, tp.today, journal.port);
    for (let i = 0; i < 20; i++) await settler.settle(people[i % people.length]!, 'outpatient');
    const ids = (await first.db.settlements.toArray()).map((s) => s.local_setl_id).sort();
    expect(ids).toHaveLength(20);
    expect(await onPlatform(ids)).toEqual([]); // never uploaded
    first.db.close();

    // The browser profile is gone: a new IndexedDB; the journal on the host's disk survived.
    const second = await freshStation();
    const report = await reconcileWithJournal(second.db, journal.port);
    expect(report).toMatchObject({ restored: 20, appended: 0 });
    expect((await second.db.settlements.toArray()).map((s) => s.local_setl_id).sort()).toEqual(ids);
    expect(await second.db.outbox.count()).toBe(20);
    const drained = await createPusher({
      db: second.db,
      port: tp.port(),
      lock: inProcessWriterLock(),
      journal: journal.port,
    }).drain();
    expect(drained.outcome).toBe('drained');
    const platform = await onPlatform(ids);
    expect(platform.map((s) => s.local_setl_id).sort()).toEqual(ids);
    expect(platform.every((s) => s.outcome === 'confirmed')).toBe(true);
    expect((await second.db.settlements.toArray()).every((s) => s.status === 'confirmed')).toBe(true);

    // The answers went to the journal too; a second loss restores them again, and a second upload of
    // settlements the platform holds answers from its record: still exactly once.
    expect(journal.journal.index().filter((r) => r.kind === 'outcome')).toHaveLength(20);
    second.db.close();
    const third = await freshStation();
    expect((await reconcileWithJournal(third.db, journal.port)).restored).toBe(20);
    await createPusher({ db: third.db, port: tp.port(), lock: inProcessWriterLock() }).drain();
    expect((await onPlatform(ids)).length).toBe(20);
    expect((await third.db.settlements.toArray()).every((s) => s.status === 'confirmed')).toBe(true);
    third.db.close();
    await journal.remove();
  });

  it('a torn last journal line loses none of the settlements before it', async () => {
    const journal = openTestJournal();
    const st = await freshStation();
    const people = await settleablePeople(st.db, tp.station, tp.today);
    const settler = offlineSettler(st.db, tp.station, tp.today, journal.port);
    for (let i = 0; i < 5; i++) await settler.settle(people[(i + 3) % people.length]!, 'outpatient');
    const ids = (await st.db.settlements.toArray()).map((s) => s.local_setl_id).sort();
    await journal.close();
    // Power cut while the fifth line was written: its last 30 bytes never reached the disk.
    const file = path.join(journal.dir, JOURNAL_FILE);
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, bytes.subarray(0, bytes.length - 30));

    // With IndexedDB intact, the settlement whose line was torn is written to the journal again.
    const reopened = openTestJournal({ dir: journal.dir });
    expect(reopened.journal.status().tornBytesDropped).toBeGreaterThan(0);
    expect(reopened.journal.index()).toHaveLength(4);
    expect(await reconcileWithJournal(st.db, reopened.port)).toMatchObject({ restored: 0, appended: 1 });
    expect(
      reopened.journal
        .index()
        .map((r) => r.id)
        .sort(),
    ).toEqual(ids);
    st.db.close();

    // And with IndexedDB lost as well, all five come back.
    const fresh = await freshStation();
    expect((await reconcileWithJournal(fresh.db, reopened.port)).restored).toBe(5);
    fresh.db.close();
    await reopened.remove();
  });

  it('a settlement withdrawn from the journal (its commit failed after the line) is never restored nor uploaded', async () => {
    const journal = openTestJournal();
    const st = await freshStation();
    const people = await settleablePeople(st.db, tp.station, tp.today);
    const settler = offlineSettler(st.db, tp.station, tp.today, journal.port);
    for (let i = 0; i < 3; i++) await settler.settle(people[(i + 9) % people.length]!, 'outpatient');
    const ids = (await st.db.settlements.toArray()).map((s) => s.local_setl_id).sort();
    st.db.close();
    // the middle one's line is no longer the last: a withdrawn line follows instead of a cut
    const gone = ids[1]!;
    await expect(
      journal.port.withdraw({ id: gone, at: new Date().toISOString(), reason: 'QUOTA_EXCEEDED' }),
    ).resolves.toEqual({ cut: false });

    const fresh = await freshStation();
    expect(await reconcileWithJournal(fresh.db, journal.port)).toMatchObject({ restored: 2, appended: 0 });
    expect((await fresh.db.settlements.toArray()).map((s) => s.local_setl_id).sort()).toEqual(
      ids.filter((id) => id !== gone),
    );
    await createPusher({ db: fresh.db, port: tp.port(), lock: inProcessWriterLock() }).drain();
    expect((await onPlatform(ids)).map((s) => s.local_setl_id).sort()).toEqual(
      ids.filter((id) => id !== gone),
    );
    fresh.db.close();
    await journal.remove();
  });

  it('a settlement cancelled offline, then IndexedDB lost: restored cancelled, the platform gets its 8201 and then its 2305, once each', async () => {
    const { journal, st, people, settler, pusher } = await scene();
    const psn = people[11 % people.length]!;
    const year = Number(tp.today.slice(0, 4));
    const platformAcc = async () =>
      accumulatorsSchema.parse((await tp.admin.accumulators(psn, year)).accumulators);
    const before = await platformAcc();
    // Offline: settled, cancelled at the counter (the patient got the money back), settled again
    await settler.settle(psn, 'inpatient', { encounter_no: 'ZY-LOST-1', days: 5 });
    const first = (await st.db.settlements.toArray())[0]!;
    await settler.service.cancel({
      local_setl_id: first.local_setl_id,
      reason_code: 'bill_error',
      reason_text: '账单有误，更正后重新结算',
      operator: { id: 'cashier-01', role: 'cashier' },
      approval: null,
      today: tp.today,
    });
    await settler.settle(psn, 'inpatient', { encounter_no: 'ZY-LOST-1', days: 3 });
    const second = (await st.db.settlements.toArray()).find((s) => s.local_setl_id !== first.local_setl_id)!;
    const localBefore = (await getRow(st.db, 'accumulators', `${psn}:${year}`))!.local;
    st.db.close();

    // The browser's storage is gone; the journal holds two settlements and a cancel.
    const fresh = await freshStation();
    expect(await reconcileWithJournal(fresh.db, journal.port)).toMatchObject({ restored: 2, appended: 0 });
    const restoredFirst = (await fresh.db.settlements.get(first.local_setl_id))!;
    expect(restoredFirst.status).toBe('cancelled');
    expect(restoredFirst.cancel).toMatchObject({
      reason_code: 'bill_error',
      opter: 'cashier-01',
      status_before: 'pending',
      platform: 'pending',
    });
    expect((await fresh.db.settlements.get(second.local_setl_id))!.status).toBe('pending');
    expect((await fresh.db.cancels.toArray()).map((c) => [c.local_setl_id, c.state])).toEqual([
      [first.local_setl_id, 'queued'],
    ]);
    expect((await fresh.db.encounters.get('ZY-LOST-1'))!.local_setl_id).toBe(second.local_setl_id);
    // the counter goes on from the accumulators it had: the cancelled settlement's effect is out
    expect((await getRow(fresh.db, 'accumulators', `${psn}:${year}`))!.local).toEqual(localBefore);

    expect((await pusher(fresh.db).drain()).outcome).toBe('drained');
    const platform = await onPlatform([first.local_setl_id, second.local_setl_id]);
    expect(platform).toHaveLength(2);
    const cancelledThere = platform.find((s) => s.local_setl_id === first.local_setl_id)!;
    expect(cancelledThere.cancel_setl_id).not.toBeNull();
    expect(platform.find((s) => s.local_setl_id === second.local_setl_id)!.cancel_setl_id).toBeNull();
    // in the counter's order: the second bill found the encounter free and the figures without the first
    expect(platform.map((s) => s.outcome)).toEqual(['confirmed', 'confirmed']);
    expect((await fresh.db.settlements.get(second.local_setl_id))!.status).toBe('confirmed');
    const after = (await fresh.db.settlements.get(first.local_setl_id))!;
    expect(after.cancel).toMatchObject({ platform: 'cancelled' });
    expect(await fresh.db.cancels.count()).toBe(0);
    expect(await platformAcc()).not.toEqual(before);
    expect((await getRow(fresh.db, 'accumulators', `${psn}:${year}`))!.local).toEqual(await platformAcc());
    fresh.db.close();
    await journal.remove();
  });

  it('a settlement cancelled on the platform before IndexedDB was lost: restored cancelled, the platform changes nothing', async () => {
    const { journal, st, people, settler, pusher } = await scene();
    const psn = people[13 % people.length]!;
    await settler.settle(psn, 'outpatient');
    const row = (await st.db.settlements.toArray())[0]!;
    expect((await pusher(st.db).drain()).outcome).toBe('drained');
    await settler.service.cancel({
      local_setl_id: row.local_setl_id,
      reason_code: 'patient_request',
      reason_text: '患者要求撤销',
      operator: { id: 'cashier-01', role: 'cashier' },
      approval: null,
      today: tp.today,
    });
    expect((await pusher(st.db).drain()).outcome).toBe('drained');
    const reversal = (await st.db.settlements.get(row.local_setl_id))!.cancel!.reversal!;
    const [there] = await onPlatform([row.local_setl_id]);
    expect(there!.cancel_setl_id).toBe(reversal.setl_id);
    st.db.close();

    const fresh = await freshStation();
    expect(await reconcileWithJournal(fresh.db, journal.port)).toMatchObject({
      restored: 1,
      cancelsRestored: 1,
      cancelsUnreadable: 0,
    });
    expect((await pusher(fresh.db).drain()).outcome).toBe('drained');
    const back = (await fresh.db.settlements.get(row.local_setl_id))!;
    expect(back.status).toBe('cancelled');
    expect(back.cancel).toMatchObject({ platform: 'cancelled', reason_code: 'patient_request' });
    expect(back.cancel!.reversal!.setl_id).toBe(reversal.setl_id); // the same reversal, not a second
    expect(await onPlatform([row.local_setl_id])).toEqual([there]);
    expect(await fresh.db.cancels.count()).toBe(0);
    fresh.db.close();
    await journal.remove();
  });

  it('tasks dealt with before IndexedDB was lost (a note, a correction) stay dealt with when the platform answers again', async () => {
    const { journal, st, people, settler, pusher } = await scene();
    const [noted, corrected] = [people[15 % people.length]!, people[17 % people.length]!];
    const year = Number(tp.today.slice(0, 4));
    await settler.settle(noted, 'inpatient');
    await settler.settle(corrected, 'inpatient');
    // another station's settlements used up both people's pooled fund for the year: two discrepancies
    for (const psn of [noted, corrected]) {
      const current = (await tp.admin.accumulators(psn, year)).accumulators as Record<string, unknown>;
      await tp.admin.setAccumulators({
        psn_no: psn,
        accumulators: { ...current, year, inpatient_admissions: 2, hifp_pay: '900000.00' },
      });
    }
    expect((await pusher(st.db).drain()).outcome).toBe('drained');
    const tasks = await openTasks(st.db);
    expect(tasks.map((t) => t.status)).toEqual(['discrepancy', 'discrepancy']);
    const byPsn = (psn: string) => tasks.find((t) => t.psn_no === psn)!;
    await settler.service.resolveTask(byPsn(noted).local_setl_id, '已电话联系患者补缴差额', 'supervisor-1');
    const fixed = await settler.service.correct({
      local_setl_id: byPsn(corrected).local_setl_id,
      kind: 'discrepancy',
      opter: 'cashier-01',
    });
    expect(await openTasks(st.db)).toEqual([]);
    st.db.close();

    const fresh = await freshStation();
    expect(await reconcileWithJournal(fresh.db, journal.port)).toMatchObject({
      restored: 2,
      resolutionsRestored: 2,
      resolutionsUnreadable: 0,
    });
    expect((await pusher(fresh.db).drain()).outcome).toBe('drained');
    const back = await fresh.db.settlements.toArray();
    expect(back.map((s) => s.status)).toEqual(['discrepancy', 'discrepancy']);
    expect(await openTasks(fresh.db)).toEqual([]);
    const note = back.find((s) => s.psn_no === noted)!;
    expect(note.resolution).toBe('已电话联系患者补缴差额');
    const correction = back.find((s) => s.psn_no === corrected)!;
    expect(correction.correction).toEqual(fixed.correction);
    expect(correction.resolution).toBe(fixed.resolution);
    fresh.db.close();
    await journal.remove();
  });

  it('a restored settlement is the one committed: its encounter data (settlement list) and its offline mark (receipt) too', async () => {
    const { journal, st, people, settler } = await scene();
    const preview = await settler.service.preview({
      who: { psn_no: people[19 % people.length]! },
      scheme: 'medical',
      setl_type: 'outpatient',
      settle_date: tp.today,
      admission_date: tp.today,
      lines: (await settler.settle(people[19 % people.length]!, 'outpatient'))!.input.lines,
    });
    const encounter = {
      adm_date: tp.today,
      dscg_date: tp.today,
      dept_name: '呼吸内科',
      dr_name: '李医生',
      diseinfo: [],
      oprninfo: [],
    };
    const committed = await settler.service.commit(preview, {
      opter: 'cashier-01',
      encounter_no: 'MZ-RESTORE-1',
      encounter,
      presettle: { outcome: 'offline', reason: 'TIMEOUT' },
    });
    st.db.close();

    const fresh = await freshStation();
    expect((await reconcileWithJournal(fresh.db, journal.port)).restored).toBe(2);
    const back = (await fresh.db.settlements.get(committed.local_setl_id))!;
    expect(back.encounter).toEqual(committed.encounter);
    expect(back.presettle).toEqual({ outcome: 'offline', reason: 'TIMEOUT' });
    expect(back.result).toEqual(committed.result);
    fresh.db.close();
    await journal.remove();
  });

  it('a crash between the commit and its journal line: the entry waits, the restore journals and releases it', async () => {
    const journal = openTestJournal();
    const st = await freshStation();
    const people = await settleablePeople(st.db, tp.station, tp.today);
    // The host never answers the append: the station "dies" with the settlement committed in
    // IndexedDB and its outbox entry still `journaling`.
    const hung = { ...journal.port, append: () => new Promise<never>(() => undefined) };
    const settler = offlineSettler(st.db, tp.station, tp.today, hung);
    void settler.settle(people[7 % people.length]!, 'outpatient');
    await expect.poll(() => st.db.outbox.count()).toBe(1);
    expect((await st.db.outbox.toArray())[0]!.state).toBe('journaling');
    // Meanwhile the push leaves it alone: nothing is uploaded that the journal does not hold.
    const early = await createPusher({ db: st.db, port: tp.port(), lock: inProcessWriterLock() }).drain();
    expect(early.answered).toBe(0);
    const id = (await st.db.settlements.toArray())[0]!.local_setl_id;
    expect(await onPlatform([id])).toEqual([]);

    expect(await reconcileWithJournal(st.db, journal.port)).toMatchObject({ appended: 1 });
    expect((await st.db.outbox.toArray())[0]!.state).toBe('queued');
    await createPusher({ db: st.db, port: tp.port(), lock: inProcessWriterLock() }).drain();
    expect((await onPlatform([id])).map((s) => s.outcome)).toEqual(['confirmed']);
    st.db.close();
    await journal.remove();
  });
});
