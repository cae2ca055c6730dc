// Journal and IndexedDB compared at start (docs/sync.md, "Journal"): the journal on the host's disk
// survives what IndexedDB does not (a cleared browser profile, a second browser, a corrupted
// database). What the journal has and IndexedDB lacks is restored into the settlements and the
// outbox, to be uploaded again: the platform answers a local_setl_id it already holds with its stored
// outcome, so a second upload has no second effect. What IndexedDB has and the journal lacks (a
// crash between the commit and its journal line, or a journal from before this build) is appended.
import { accumulatorsSchema } from '../../shared/settlement';
import type { JournalEntry, JournalEntryInput, JournalIndexRow } from '../../shared/station-api';
import {
  appendAudit,
  encounterHolder,
  releaseJournaled,
  unanswered,
  withEncounterHolder,
  type AccumulatorRow,
  type OutboxRow,
  type SettlementRow,
  type StationDb,
} from '../db';
import { outcomeEntry, platformStatus, settlementEntry } from './entries';
import type { JournalPort } from './port';

export interface RestoreReport {
  /** settlements taken from the journal into IndexedDB (and queued for upload) */
  restored: number;
  /** settlements IndexedDB had and the journal lacked, appended to the journal */
  appended: number;
  /** outcome lines appended for answers the journal did not have yet */
  outcomesAppended: number;
}

const GET_CHUNK = 100;
/** Appends stay well under one StationApi frame (settlement lines can be a few hundred KB). */
const APPEND_BYTES = 1_000_000;
const APPEND_COUNT = 100;

const encoder = new TextEncoder();

async function appendInChunks(journal: JournalPort, entries: JournalEntryInput[]): Promise<void> {
  let chunk: typeof entries = [];
  let bytes = 0;
  for (const e of entries) {
    const size = encoder.encode(JSON.stringify(e)).length;
    if (chunk.length > 0 && (bytes + size > APPEND_BYTES || chunk.length >= APPEND_COUNT)) {
      await journal.append({ entries: chunk });
      chunk = [];
      bytes = 0;
    }
    chunk.push(e);
    bytes += size;
  }
  if (chunk.length > 0) await journal.append({ entries: chunk });
}

/** A settlement row rebuilt from its journal line: as it was committed, waiting for the platform. */
export function rowFromJournal(entry: Extract<JournalEntry, { kind: 'settlement' }>): SettlementRow {
  const u = entry.body;
  const person = u.request.person;
  return {
    local_setl_id: u.local_setl_id,
    psn_no: person.psn_no,
    certno: person.certno,
    psn_name: person.psn_name,
    scheme: u.request.scheme,
    setl_type: u.request.setl_type,
    encounter_no: u.mdtrt_id,
    station_id: u.station_id,
    opter: u.opter,
    settled_at: u.settled_at,
    settle_date: u.request.settle_date,
    request: u.request,
    result: u.result as SettlementRow['result'],
    data_versions: u.data_versions,
    ...unanswered(),
    ...(entry.encounter ? { encounter: entry.encounter } : {}),
  };
}

function latestOutcomes(rows: readonly JournalIndexRow[]): Map<string, JournalIndexRow['outcome']> {
  const out = new Map<string, JournalIndexRow['outcome']>();
  for (const r of rows) if (r.kind === 'outcome') out.set(r.id, r.outcome);
  return out;
}

/** Local accumulators of the people whose latest settlement came back from the journal. */
async function restoreAccumulators(db: StationDb, restored: SettlementRow[]): Promise<void> {
  const latest = new Map<string, SettlementRow>();
  for (const row of restored) {
    const key = `${row.psn_no}:${row.settle_date.slice(0, 4)}`;
    const seen = latest.get(key);
    if (!seen || seen.settled_at < row.settled_at) latest.set(key, row);
  }
  for (const [key, row] of latest) {
    const newerHere = await db.settlements
      .where('psn_no')
      .equals(row.psn_no)
      .filter(
        (s) => s.settle_date.slice(0, 4) === row.settle_date.slice(0, 4) && s.settled_at > row.settled_at,
      )
      .count();
    if (newerHere > 0) continue;
    const year = Number(row.settle_date.slice(0, 4));
    const existing = await db.accumulators.get(key);
    const next: AccumulatorRow = {
      key,
      psn_no: row.psn_no,
      year,
      platform: existing?.platform ?? accumulatorsSchema.parse({ year }),
      local: accumulatorsSchema.parse(row.result.accumulators_after),
    };
    await db.accumulators.put(next);
  }
}

export async function reconcileWithJournal(
  db: StationDb,
  journal: JournalPort,
  now: () => Date = () => new Date(),
): Promise<RestoreReport> {
  const { rows } = await journal.index();
  const inJournal = new Set<string>();
  for (const r of rows) {
    if (r.kind === 'settlement') inJournal.add(r.id);
    // its commit failed after its line was written: that settlement does not exist
    if (r.kind === 'withdrawn') inJournal.delete(r.id);
  }
  const outcomes = latestOutcomes(rows);
  const here = new Set((await db.settlements.toCollection().primaryKeys()) as string[]);

  // 1. The journal's settlements IndexedDB lacks: back into the settlements and the outbox.
  const missing = [...inJournal].filter((id) => !here.has(id));
  const restored: SettlementRow[] = [];
  for (let i = 0; i < missing.length; i += GET_CHUNK) {
    const { entries } = await journal.get({ ids: missing.slice(i, i + GET_CHUNK) });
    for (const e of entries) if (e.kind === 'settlement') restored.push(rowFromJournal(e));
  }
  restored.sort((a, b) => (a.local_setl_id < b.local_setl_id ? -1 : 1)); // ULIDs: commit order
  if (restored.length > 0) {
    const at = now().toISOString();
    await db.transaction(
      'rw',
      [db.settlements, db.outbox, db.accumulators, db.encounters, db.audit],
      async () => {
        await db.settlements.bulkAdd(restored);
        const entries: OutboxRow[] = restored.map((r) => ({
          local_setl_id: r.local_setl_id,
          psn_no: r.psn_no,
          state: 'queued',
          attempts: 0,
          enqueued_at: at,
          last_error: null,
        }));
        await db.outbox.bulkAdd(entries);
        for (const r of restored) {
          const enc = await db.encounters.get(r.encounter_no);
          const part = r.request.stay?.part ?? 1;
          if (!encounterHolder(enc, part))
            await db.encounters.put({
              encounter_no: r.encounter_no,
              psn_no: r.psn_no,
              fixmedins_code: r.request.institution.fixmedins_code,
              opened_at: enc?.opened_at ?? at,
              ...withEncounterHolder(enc, part, r.local_setl_id),
            });
        }
        await restoreAccumulators(db, restored);
        await appendAudit(db, {
          at,
          kind: 'journal.restored',
          local_setl_id: null,
          opter: null,
          detail: { count: restored.length, ids: restored.slice(0, 50).map((r) => r.local_setl_id) },
        });
      },
    );
  }

  // 2. IndexedDB's settlements the journal lacks (and answers it has not recorded): appended.
  const unjournaled = await db.settlements.filter((s) => !inJournal.has(s.local_setl_id)).toArray();
  unjournaled.sort((a, b) => (a.local_setl_id < b.local_setl_id ? -1 : 1));
  await appendInChunks(journal, unjournaled.map(settlementEntry));
  const answered = await db.settlements.where('status').notEqual('pending').toArray();
  const outcomeLines = answered
    .filter((s) => outcomes.get(s.local_setl_id) !== platformStatus(s))
    .map((s) => outcomeEntry(s, now()))
    .filter((e) => e !== null);
  await appendInChunks(journal, outcomeLines);

  // 3. Entries a crash left between commit and journal line: the journal has them now.
  const journaling = await db.outbox.where('state').equals('journaling').toArray();
  await releaseJournaled(
    db,
    journaling.map((e) => e.local_setl_id),
  );
  return { restored: restored.length, appended: unjournaled.length, outcomesAppended: outcomeLines.length };
}
