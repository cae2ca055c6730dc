// Making a committed settlement durable (docs/sync.md, "Journal"). The commit's IndexedDB transaction
// reads and checks first (stale preview, encounter already settled); once the checks pass, the
// settlement's journal line is sent to the host (fsync'd there) while the transaction's writes and
// its commit run: the counter waits for the slower of the two, not for both one after the other. The
// outbox entry is written in state `journaling`, which the push leaves alone; only when both are done
// does the counter show 已结算, and the entry turns `queued` right after, off the counter's path
// (db/outbox-release.ts). Each side can fail alone:
// - The transaction fails after the line was written (a full IndexedDB at commit): the line is
//   withdrawn (`journal.withdraw`: cut off when it is still the journal's last line, so the journal
//   is as before), and the cashier is told that nothing was settled.
// - The host refuses the line (disk full): the settlement is taken back out of IndexedDB before the
//   platform could ever see it (the entry was never uploadable), and the cashier is told so.
// A crash in between leaves either a `journaling` entry, which the restore at the next start appends
// to the journal and releases (restore.ts), or a line IndexedDB lacks, which the restore brings back:
// either way the settlement passed its checks, and it is kept, as one whose receipt did not print.
import {
  appendAudit,
  releaseLater,
  type AccumulatorRow,
  type EncounterRow,
  type SettlementRow,
  type StationDb,
} from '../db';
import Dexie from 'dexie';
import { codedError } from '../../shared/errors';
import { JOURNAL_WITHDRAW_REASON_MAX, type JournalEntryInput } from '../../shared/station-api';
import { settlementEntry } from './entries';
import type { JournalPort } from './port';

/** What the commit's transaction replaced, so a settlement the journal refused can be taken back. */
export interface CommitUndo {
  accumulatorsKey: string;
  /** the encounters table's key of this settlement (the encounter number) */
  encounterKey?: string;
  accumulatorsBefore: AccumulatorRow | undefined;
  encounterBefore: EncounterRow | undefined;
}

/** The host's journal refused the line; `cause` is the host's error (the settle service words it). */
export class JournalRefusedError extends codedError('JournalRefusedError', {
  JOURNAL_REFUSED: {
    zh: '结算日志拒绝写入，本笔已撤回',
    en: 'The journal refused the settlement; it was taken back',
  },
}) {}

/** The host's answer to a settlement's line: on disk or refused, and how long it took. */
export type LineAnswer = { ok: true; ms: number } | { ok: false; cause: unknown; ms: number };

/** Sends one line, from inside a transaction or not, without tying it to the transaction; never
 * rejects (the answer says what happened). */
function sendEntry(journal: JournalPort, entry: JournalEntryInput): Promise<LineAnswer> {
  const t0 = performance.now();
  return Dexie.ignoreTransaction(() => journal.append({ entries: [entry] })).then(
    (): LineAnswer => ({ ok: true, ms: performance.now() - t0 }),
    (cause: unknown): LineAnswer => ({ ok: false, cause, ms: performance.now() - t0 }),
  );
}

/** Sends the settlement's line from inside the commit's transaction (settle-service commit). */
export function sendLine(journal: JournalPort, row: SettlementRow): Promise<LineAnswer> {
  return sendEntry(journal, settlementEntry(row));
}

/** Waits for a line: refused → the change is taken back and JournalRefusedError thrown (with the
 * host's error as cause); on disk → the change is released. */
async function finishLine(
  line: Promise<LineAnswer>,
  takeBack: () => Promise<void>,
  release: () => void | Promise<void>,
): Promise<LineAnswer> {
  const answer = await line;
  if (!answer.ok) {
    await takeBack();
    throw new JournalRefusedError('JOURNAL_REFUSED', { cause: answer.cause });
  }
  await release();
  return answer;
}

/** The transaction committed: waits for the line; on disk → the outbox entry may be released
 * (releaseLater: the push waits for it); refused → the commit is undone. */
export function makeDurable(
  db: StationDb,
  line: Promise<LineAnswer>,
  row: SettlementRow,
  undo: CommitUndo,
  now: () => Date,
): Promise<LineAnswer> {
  return finishLine(
    line,
    () => takeBack(db, row, undo, now),
    () => releaseLater(db, [row.local_setl_id]),
  );
}

/** The journal could not take back the line of a commit that failed: the next start would restore
 * a settlement the cashier was told did not happen, so the cashier and IT must hear of it. */
export class JournalWithdrawError extends codedError('JournalWithdrawError', {
  JOURNAL_WITHDRAW_FAILED: {
    zh: '结算日志未能撤回失败的一笔',
    en: 'The journal could not take back the line of a failed commit',
  },
}) {}

/** The transaction failed (`failure`) after the line was sent: once the line is answered, takes it
 * back if it reached the disk. Throws JournalWithdrawError when that fails; otherwise the caller
 * throws the transaction's error. */
export async function withdrawLine(
  journal: JournalPort,
  line: Promise<LineAnswer>,
  row: SettlementRow,
  failure: unknown,
  now: () => Date,
): Promise<void> {
  if (!(await line).ok) return; // never on disk: nothing to take back
  const reason =
    (failure as { code?: unknown }).code ?? (failure instanceof Error ? failure.name : 'COMMIT_FAILED');
  try {
    await journal.withdraw({
      id: row.local_setl_id,
      at: now().toISOString(),
      reason: String(reason).slice(0, JOURNAL_WITHDRAW_REASON_MAX) || 'COMMIT_FAILED',
    });
  } catch (cause) {
    throw new JournalWithdrawError('JOURNAL_WITHDRAW_FAILED', {
      detail: row.local_setl_id,
      cause,
    });
  }
}

/** Appends one line; a journal that refuses it gets the change taken back (and JournalRefusedError
 * thrown), one that has it on disk gets the change released. Cancels and corrections. */
export async function appendDurably(
  journal: JournalPort,
  entry: JournalEntryInput,
  takeBack: () => Promise<void>,
  release: () => Promise<void>,
): Promise<void> {
  await finishLine(sendEntry(journal, entry), takeBack, release);
}

async function takeBack(db: StationDb, row: SettlementRow, undo: CommitUndo, now: () => Date): Promise<void> {
  const id = row.local_setl_id;
  await db.transaction(
    'rw',
    [db.settlements, db.outbox, db.accumulators, db.encounters, db.audit],
    async () => {
      await db.settlements.delete(id);
      await db.outbox.where('local_setl_id').equals(id).delete();
      if (undo.accumulatorsBefore) await db.accumulators.put(undo.accumulatorsBefore);
      else await db.accumulators.delete(undo.accumulatorsKey);
      if (undo.encounterBefore) await db.encounters.put(undo.encounterBefore);
      else await db.encounters.delete(undo.encounterKey ?? row.encounter_no);
      await appendAudit(db, {
        at: now().toISOString(),
        kind: 'settlement.withdrawn',
        local_setl_id: id,
        opter: row.opter,
        detail: { reason: 'JOURNAL_UNWRITABLE', opter: row.opter },
      });
    },
  );
}
