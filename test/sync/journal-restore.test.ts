// Issue 14's storage-loss scenarios against the real platform and the real journal: IndexedDB lost
// with unsynced settlements, a torn last journal line, a station whose journal lags its database.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOURNAL_FILE } from '../../electron/services/journal';
import { reconcileWithJournal } from '../../renderer/journal';
import { createPusher, inProcessWriterLock, pullAll } from '../../renderer/sync';
import { openTestJournal } from '../support/test-journal';
import { offlineSettler, settleablePeople } from './bills';
import { StationDisk, startTestPlatform, type TestPlatform } from './harness';

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
