// Which journal lines rotation keeps (docs/sync.md, "Journal"). A settlement's lines may go only when
// the platform holds it for good and it is older than the retention (at least 90 days): its latest
// answer is `confirmed` or `cancelled`, no cancel waits for the platform, and a discrepancy or
// rejection has been resolved. Anything the platform has not settled for good is never dropped. A
// withdrawn settlement (its commit failed after the line was written) never existed: it goes once old.
import type { JournalIndexRow } from '../../../shared/station-api/journal';

const DAY_MS = 86_400_000;

interface IdState {
  settledAt: number | null;
  outcome: JournalIndexRow['outcome'] | null;
  cancelPending: boolean;
  resolved: boolean;
  /** its commit failed after the line was written: nothing to keep it for */
  withdrawn: boolean;
}

function stateOf(rows: readonly JournalIndexRow[]): Map<string, IdState> {
  const states = new Map<string, IdState>();
  for (const row of rows) {
    const s = states.get(row.id) ?? {
      settledAt: null,
      outcome: null,
      cancelPending: false,
      resolved: false,
      withdrawn: false,
    };
    if (row.kind === 'settlement') s.settledAt = Date.parse(row.at);
    if (row.kind === 'cancel') s.cancelPending = true;
    if (row.kind === 'resolution') s.resolved = true;
    if (row.kind === 'withdrawn') s.withdrawn = true;
    if (row.kind === 'outcome') {
      s.outcome = row.outcome ?? null;
      if (row.outcome === 'cancelled') s.cancelPending = false;
    }
    states.set(row.id, s);
  }
  return states;
}

function settledForGood(s: IdState): boolean {
  if (s.withdrawn) return true;
  if (s.cancelPending) return false;
  if (s.outcome === 'confirmed' || s.outcome === 'cancelled') return true;
  return (s.outcome === 'discrepancy' || s.outcome === 'rejected') && s.resolved;
}

/** The seqs of the lines to keep. The last line always stays, so sequence numbers never restart. */
export function rotationKeep(
  rows: readonly JournalIndexRow[],
  now: Date,
  retentionDays: number,
): Set<number> {
  const cutoff = now.getTime() - retentionDays * DAY_MS;
  const states = stateOf(rows);
  const keep = new Set<number>();
  for (const row of rows) {
    const s = states.get(row.id)!;
    const old = s.settledAt !== null && s.settledAt < cutoff;
    if (!(old && settledForGood(s))) keep.add(row.seq);
  }
  const last = rows.at(-1);
  if (last) keep.add(last.seq);
  return keep;
}
