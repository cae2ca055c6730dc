// Journal and IndexedDB compared at start (docs/sync.md, "Journal"): the journal on the host's disk
// survives what IndexedDB does not (a cleared browser profile, a second browser, a corrupted
// database). What the journal has and IndexedDB lacks is restored into the settlements and the
// outbox, to be uploaded again: the platform answers a local_setl_id it already holds with its stored
// outcome, so a second upload has no second effect. What IndexedDB has and the journal lacks (a
// crash between the commit and its journal line, or a journal from before this build) is appended.
import { accumulatorsSchema, type Accumulators } from '../../shared/settlement';
import type { JournalEntry, JournalEntryInput, JournalIndexRow } from '../../shared/station-api';
import {
  appendAudit,
  encounterHolder,
  getRow,
  releaseJournaled,
  rowStores,
  unanswered,
  withEncounterHolder,
  withoutCancelled,
  type AccumulatorRow,
  type CancelQueueRow,
  type OutboxRow,
  type SettlementRow,
  type StationDb,
} from '../db';
import {
  cancelFromEntry,
  outcomeEntry,
  platformStatus,
  resolutionFromEntry,
  settlementEntry,
  type Resolution,
} from './entries';
import type { JournalPort } from './port';

export interface RestoreReport {
  /** settlements taken from the journal into IndexedDB (and queued for upload) */
  restored: number;
  /** of those, cancelled at the counter before IndexedDB was lost (their 2305 queued after them) */
  cancelsRestored: number;
  /** cancel lines whose body was not readable (restored as cancels all the same: docs/sync.md) */
  cancelsUnreadable: number;
  /** tasks dealt with before IndexedDB was lost (a correction or a note), put back on their rows */
  resolutionsRestored: number;
  /** resolution lines whose body was not readable (their task opens again when the answer comes) */
  resolutionsUnreadable: number;
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
    ...(entry.presettle ? { presettle: entry.presettle } : {}),
  };
}

function latestOutcomes(rows: readonly JournalIndexRow[]): Map<string, JournalIndexRow['outcome']> {
  const out = new Map<string, JournalIndexRow['outcome']>();
  for (const r of rows) if (r.kind === 'outcome') out.set(r.id, r.outcome);
  return out;
}

/** The row with what a person did about its task (or its refused cancel's). */
function withResolution(row: SettlementRow, r: Resolution): SettlementRow {
  if (r.on === 'cancel')
    return row.cancel
      ? { ...row, cancel: { ...row.cancel, resolved_at: r.resolved_at, resolution: r.resolution } }
      : row;
  return {
    ...row,
    resolved_at: r.resolved_at,
    resolution: r.resolution,
    ...(r.correction ? { correction: r.correction } : {}),
  };
}

/** Where a restored settlement and its cancel stand in the journal: the lines' sequence numbers,
 * the order in which the counter committed them (the times on the rows have whole seconds only). */
interface LineOrder {
  settled: number;
  cancelled: number; // Infinity: not cancelled
}

/** Local accumulators of the people whose latest settlement came back from the journal: that
 * settlement's `accumulators_after`, less the effect of each of their settlements cancelled after it
 * (as the counter's cancels took it out; a cancel before it was already in its basis). */
async function restoreAccumulators(
  db: StationDb,
  restored: SettlementRow[],
  order: Map<string, LineOrder>,
): Promise<void> {
  const settledAt = (r: SettlementRow) => order.get(r.local_setl_id)!.settled;
  const cancelledAt = (r: SettlementRow) => order.get(r.local_setl_id)!.cancelled;
  const byKey = new Map<string, SettlementRow[]>();
  for (const row of restored) {
    const key = `${row.psn_no}:${row.settle_date.slice(0, 4)}`;
    byKey.set(key, [...(byKey.get(key) ?? []), row]);
  }
  for (const [key, rows] of byKey) {
    const row = rows.reduce((a, b) => (settledAt(b) > settledAt(a) ? b : a));
    const newerHere = await db.settlements
      .where('psn_no')
      .equals(row.psn_no)
      .filter(
        (s) => s.settle_date.slice(0, 4) === row.settle_date.slice(0, 4) && s.settled_at > row.settled_at,
      )
      .count();
    if (newerHere > 0) continue;
    let local: Accumulators = accumulatorsSchema.parse(row.result.accumulators_after);
    const laterCancels = rows
      .filter((r) => r.cancel && cancelledAt(r) > settledAt(row))
      .sort((a, b) => cancelledAt(a) - cancelledAt(b));
    for (const c of laterCancels) local = withoutCancelled(local, c, c.cancel!.status_before);
    const year = Number(row.settle_date.slice(0, 4));
    const existing = await getRow(db, 'accumulators', key);
    const next: AccumulatorRow = {
      key,
      psn_no: row.psn_no,
      year,
      platform: existing?.platform ?? accumulatorsSchema.parse({ year }),
      local,
    };
    await db.accumulators.put(next);
  }
}

/** The restored cancels' 2305s, in the order they were made: each goes once every settlement
 * committed before it (its own among them) has been answered, and the person's settlements
 * committed after it wait behind it, as at the counter (push-cancels.ts, push-batch.ts). */
function restoredCancels(
  restored: SettlementRow[],
  seqs: number[],
  order: Map<string, LineOrder>,
  at: string,
): CancelQueueRow[] {
  const line = (r: SettlementRow) => order.get(r.local_setl_id)!;
  return restored
    .filter((r) => r.cancel?.platform === 'pending')
    .sort((a, b) => line(a).cancelled - line(b).cancelled)
    .map((r) => {
      let after_seq = 0;
      restored.forEach((s, i) => {
        if (line(s).settled < line(r).cancelled) after_seq = Math.max(after_seq, seqs[i]!);
      });
      return {
        local_setl_id: r.local_setl_id,
        psn_no: r.psn_no,
        after_seq,
        state: 'queued',
        attempts: 0,
        enqueued_at: at,
        last_error: null,
      };
    });
}

export async function reconcileWithJournal(
  db: StationDb,
  journal: JournalPort,
  now: () => Date = () => new Date(),
): Promise<RestoreReport> {
  const { rows } = await journal.index();
  const inJournal = new Set<string>();
  const order = new Map<string, LineOrder>();
  for (const r of rows) {
    if (r.kind === 'settlement') order.set(r.id, { settled: r.seq, cancelled: Infinity });
    if (r.kind === 'cancel' && order.has(r.id)) order.get(r.id)!.cancelled = r.seq;
    if (r.kind === 'settlement') inJournal.add(r.id);
    // its commit failed after its line was written: that settlement does not exist
    if (r.kind === 'withdrawn') inJournal.delete(r.id);
  }
  const outcomes = latestOutcomes(rows);
  const here = new Set((await db.settlements.toCollection().primaryKeys()) as string[]);

  // 1. The journal's settlements IndexedDB lacks: back into the settlements and the outbox.
  const missing = [...inJournal].filter((id) => !here.has(id));
  const restored: SettlementRow[] = [];
  const cancelLines = new Map<string, Extract<JournalEntry, { kind: 'cancel' }>>();
  const resolutionLines = new Map<string, Extract<JournalEntry, { kind: 'resolution' }>[]>();
  for (let i = 0; i < missing.length; i += GET_CHUNK) {
    const { entries } = await journal.get({ ids: missing.slice(i, i + GET_CHUNK) });
    for (const e of entries) {
      if (e.kind === 'settlement') restored.push(rowFromJournal(e));
      if (e.kind === 'cancel') cancelLines.set(e.id, e);
      if (e.kind === 'resolution') resolutionLines.set(e.id, [...(resolutionLines.get(e.id) ?? []), e]);
    }
  }
  restored.sort((a, b) => (a.local_setl_id < b.local_setl_id ? -1 : 1)); // ULIDs: commit order
  // A settlement cancelled at the counter comes back cancelled: the patient had the money back, and
  // the platform must get the cancel after the settlement, as it would have.
  let cancelsUnreadable = 0;
  restored.forEach((row, i) => {
    const line = cancelLines.get(row.local_setl_id);
    if (!line) return;
    const { cancel, unreadable } = cancelFromEntry(line);
    if (unreadable) cancelsUnreadable++;
    restored[i] = { ...row, status: 'cancelled', cancel };
  });
  const cancelsRestored = restored.filter((r) => r.cancel).length;
  // A task dealt with (a correction, a note) stays dealt with when the platform answers again.
  let resolutionsRestored = 0;
  let resolutionsUnreadable = 0;
  restored.forEach((row, i) => {
    for (const line of resolutionLines.get(row.local_setl_id) ?? []) {
      const r = resolutionFromEntry(line);
      if (!r) resolutionsUnreadable++;
      else {
        restored[i] = withResolution(restored[i]!, r);
        resolutionsRestored++;
      }
    }
  });
  if (restored.length > 0) {
    const at = now().toISOString();
    await db.transaction(
      'rw',
      [db.settlements, db.outbox, db.cancels, ...rowStores(db, 'accumulators'), db.encounters, db.audit],
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
        const seqs = (await db.outbox.bulkAdd(entries, { allKeys: true })) as number[];
        await db.cancels.bulkAdd(restoredCancels(restored, seqs, order, at));
        for (const r of restored) {
          // a cancelled settlement, or a rejected one corrected and settled again, holds no encounter
          if (r.cancel || r.correction?.kind === 'resettle') continue;
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
        await restoreAccumulators(db, restored, order);
        await appendAudit(db, {
          at,
          kind: 'journal.restored',
          local_setl_id: null,
          opter: null,
          detail: {
            count: restored.length,
            ids: restored.slice(0, 50).map((r) => r.local_setl_id),
            cancels: cancelsRestored,
            resolutions: resolutionsRestored,
            ...(cancelsUnreadable > 0 ? { cancels_unreadable: cancelsUnreadable } : {}),
            ...(resolutionsUnreadable > 0 ? { resolutions_unreadable: resolutionsUnreadable } : {}),
          },
        });
      },
    );
  }

  // 2. IndexedDB's settlements the journal lacks (and answers it has not recorded): appended.
  const unjournaled = await db.settlements.filter((s) => !inJournal.has(s.local_setl_id)).toArray();
  unjournaled.sort((a, b) => (a.local_setl_id < b.local_setl_id ? -1 : 1));
  await appendInChunks(journal, unjournaled.map(settlementEntry));
  const answered = await db.settlements.where('status').notEqual('pending').toArray();
  // (a row just restored has no answer of its own yet: the journal's outcomes are the ones to keep)
  const restoredIds = new Set(restored.map((r) => r.local_setl_id));
  const outcomeLines = answered
    .filter((s) => !restoredIds.has(s.local_setl_id) && outcomes.get(s.local_setl_id) !== platformStatus(s))
    .map((s) => outcomeEntry(s, now()))
    .filter((e) => e !== null);
  await appendInChunks(journal, outcomeLines);

  // 3. Entries a crash left between commit and journal line: the journal has them now.
  const journaling = await db.outbox.where('state').equals('journaling').toArray();
  await releaseJournaled(
    db,
    journaling.map((e) => e.local_setl_id),
  );
  return {
    restored: restored.length,
    cancelsRestored,
    cancelsUnreadable,
    resolutionsRestored,
    resolutionsUnreadable,
    appended: unjournaled.length,
    outcomesAppended: outcomeLines.length,
  };
}
