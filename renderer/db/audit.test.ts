// The audit chain in IndexedDB (fake-indexeddb): the upgrade to schema version 4 chains the entries
// written before it; appends from two connections at once (two tabs) never fork the chain; the
// verifier names the exact entry that was altered or removed; the export checks line by line with
// any SHA-256 tool (here node:crypto, not the station's own code).
import { createHash } from 'node:crypto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { AUDIT_GENESIS } from '../../shared/audit';
import { appendAudit, exportAudit, openStationDb, recordAudit, verifyAudit, type StationDb } from './index';
import { declareVersions } from './schema';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

async function freshDb(indexedDB = new IDBFactory()): Promise<StationDb> {
  return openStationDb({ name: 'station', indexedDB, IDBKeyRange });
}

const entry = (i: number) => ({
  at: `2026-06-30T02:${String(i % 60).padStart(2, '0')}:00.000Z`,
  kind: 'settlement.committed',
  local_setl_id: `L${i}`,
  opter: 'cashier01',
  detail: { psn_cash_pay: `${i}.00`, note: undefined },
});

describe('schema version 4', () => {
  it('chains the audit entries an older station wrote, in their order, renumbered from 1', async () => {
    const indexedDB = new IDBFactory();
    const v3 = new Dexie('station', { indexedDB, IDBKeyRange });
    declareVersions(v3, 3);
    await v3.open();
    // ids with a gap (an aborted transaction may have spent one)
    await v3.table('audit').bulkAdd([
      { id: 1, at: 'a', kind: 'settlement.committed', local_setl_id: 'S1', detail: { opter: 'cashier01' } },
      { id: 3, at: 'b', kind: 'settlement.confirmed', local_setl_id: 'S1', detail: { setl_id: 'X' } },
    ]);
    v3.close();
    const db = await freshDb(indexedDB);
    const rows = await db.audit.orderBy('id').toArray();
    expect(rows.map((r) => [r.id, r.kind, r.opter])).toEqual([
      [1, 'settlement.committed', 'cashier01'],
      [2, 'settlement.confirmed', null],
    ]);
    expect(rows[0]!.prev).toBe(AUDIT_GENESIS);
    expect(rows[1]!.prev).toBe(rows[0]!.hash);
    expect(await verifyAudit(db)).toEqual({ intact: true, count: 2, head: rows[1]!.hash });
    await recordAudit(db, entry(3));
    expect(await verifyAudit(db)).toMatchObject({ intact: true, count: 3 });
    db.close();
  });
});

describe('appending', () => {
  it('two tabs appending at once make one chain, never a fork', async () => {
    const indexedDB = new IDBFactory();
    const a = await freshDb(indexedDB);
    const b = await freshDb(indexedDB);
    await Promise.all(Array.from({ length: 60 }, (_, i) => recordAudit(i % 2 ? a : b, entry(i))));
    const rows = await a.audit.orderBy('id').toArray();
    expect(rows.map((r) => r.id)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(new Set(rows.map((r) => r.prev)).size).toBe(60);
    expect(await verifyAudit(a, 7)).toMatchObject({ intact: true, count: 60 });
    a.close();
    b.close();
  });

  it('refuses a second entry after the same one (the unique prev), whatever writes it', async () => {
    const db = await freshDb();
    const first = await recordAudit(db, entry(1));
    await recordAudit(db, entry(2));
    await expect(db.audit.add({ ...first, id: 99 })).rejects.toMatchObject({ name: 'ConstraintError' });
    db.close();
  });

  it('rolls back with the transaction it was part of', async () => {
    const db = await freshDb();
    await recordAudit(db, entry(1));
    await expect(
      db.transaction('rw', db.audit, async () => {
        await appendAudit(db, entry(2));
        throw new Error('the settlement failed');
      }),
    ).rejects.toThrow('the settlement failed');
    expect(await db.audit.count()).toBe(1);
    await recordAudit(db, entry(3));
    expect(await verifyAudit(db)).toMatchObject({ intact: true, count: 2 });
    db.close();
  });
});

describe('verifying', () => {
  async function chainOf(n: number): Promise<StationDb> {
    const db = await freshDb();
    for (let i = 1; i <= n; i++) await recordAudit(db, entry(i));
    return db;
  }

  it('reports the exact entry after one stored entry is altered', async () => {
    const db = await chainOf(30);
    await db.audit.update(17, { detail: { psn_cash_pay: '0.01' } });
    const verdict = await verifyAudit(db, 8);
    expect(verdict).toMatchObject({ intact: false, brokenAt: 17, reason: 'hash', count: 16 });
    expect(verdict.broken).toMatchObject({ id: 17, local_setl_id: 'L17' });
    db.close();
  });

  it('reports where an entry was removed, and an operator rewritten', async () => {
    const db = await chainOf(12);
    await db.audit.delete(5);
    expect(await verifyAudit(db)).toMatchObject({ intact: false, brokenAt: 6, reason: 'sequence' });
    await db.audit.update(2, { opter: 'cashier02' });
    expect(await verifyAudit(db)).toMatchObject({ intact: false, brokenAt: 2, reason: 'hash' });
    db.close();
  });

  it('exports JSON lines an auditor can check with any SHA-256', async () => {
    const db = await chainOf(5);
    const { text, count } = await exportAudit(db, 2);
    expect(count).toBe(5);
    const lines = text.trimEnd().split('\n');
    // An auditor's own check, written apart from the station's code: keys sorted at every level,
    // no spaces, SHA-256 of the entry without its hash; each entry names the one before.
    const sortedJson = (v: unknown): string =>
      Array.isArray(v)
        ? `[${v.map(sortedJson).join(',')}]`
        : v !== null && typeof v === 'object'
          ? `{${Object.keys(v)
              .sort()
              .map((k) => `${JSON.stringify(k)}:${sortedJson((v as Record<string, unknown>)[k])}`)
              .join(',')}}`
          : JSON.stringify(v);
    let prev = AUDIT_GENESIS;
    for (const line of lines) {
      const parsed = JSON.parse(line) as { hash: string; prev: string };
      expect(sortedJson(parsed)).toBe(line);
      const { hash, ...rest } = parsed;
      expect(rest.prev).toBe(prev);
      expect(sha256(sortedJson(rest))).toBe(hash);
      prev = hash;
    }
    db.close();
  });
});
