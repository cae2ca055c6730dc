// Making a committed cancel durable, as durable.ts does for a settlement: the cancel is committed to
// IndexedDB with its 2305 waiting as `journaling` (never sent in that state), then its cancel line is
// appended to the host's journal, and only then does the 2305 become `queued` and the reversal
// receipt print. A journal that refuses the line takes the cancel back — the settlement is as it
// was, its accumulators and encounter too — and the cashier is told nothing was cancelled. A crash
// between the two leaves a `journaling` cancel, which releasePendingCancels appends at the next start.
import {
  appendAudit,
  type AccumulatorRow,
  type EncounterRow,
  type SettlementRow,
  type StationDb,
} from '../db';
import { appendDurably } from './durable';
import { cancelEntry } from './entries';
import type { JournalPort } from './port';

/** What the cancel's transaction replaced, to take it back. */
export interface CancelUndo {
  before: SettlementRow;
  accumulators: AccumulatorRow | undefined;
  encounter: EncounterRow | undefined;
}

export async function makeCancelDurable(
  db: StationDb,
  journal: JournalPort,
  row: SettlementRow,
  undo: CancelUndo,
  now: () => Date,
): Promise<void> {
  await appendDurably(
    journal,
    cancelEntry(row),
    () => takeBack(db, row, undo, now),
    () => releaseCancels(db, [row.local_setl_id]),
  );
}

async function releaseCancels(db: StationDb, ids: readonly string[]): Promise<void> {
  await db.cancels
    .where('local_setl_id')
    .anyOf([...ids])
    .filter((c) => c.state === 'journaling')
    .modify({ state: 'queued' });
}

/** At start: cancels a crash left between their commit and their journal line get the line now. */
export async function releasePendingCancels(db: StationDb, journal: JournalPort): Promise<number> {
  const waiting = await db.cancels.where('state').equals('journaling').toArray();
  if (waiting.length === 0) return 0;
  const rows = (await db.settlements.bulkGet(waiting.map((c) => c.local_setl_id))).filter(
    (s): s is SettlementRow => s?.cancel !== undefined,
  );
  await journal.append({ entries: rows.map(cancelEntry) });
  await releaseCancels(
    db,
    rows.map((r) => r.local_setl_id),
  );
  return rows.length;
}

async function takeBack(db: StationDb, row: SettlementRow, undo: CancelUndo, now: () => Date): Promise<void> {
  const id = row.local_setl_id;
  await db.transaction(
    'rw',
    [db.settlements, db.cancels, db.accumulators, db.encounters, db.audit],
    async () => {
      await db.settlements.put(undo.before);
      await db.cancels.where('local_setl_id').equals(id).delete();
      if (undo.accumulators) await db.accumulators.put(undo.accumulators);
      if (undo.encounter) await db.encounters.put(undo.encounter);
      await appendAudit(db, {
        at: now().toISOString(),
        kind: 'cancel.withdrawn',
        local_setl_id: id,
        opter: row.cancel?.opter ?? null,
        detail: { reason: 'JOURNAL_UNWRITABLE' },
      });
    },
  );
}
