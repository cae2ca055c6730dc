// What a cancel (红冲) takes out of the person's local accumulators: exactly the settlement's effect,
// as the station holds it. One rule for the counter's cancel (settle-service/cancel.ts) and for a
// cancel replayed from the journal after IndexedDB was lost (journal/restore.ts).
import { withoutSettlement, type Accumulators } from '../../shared/settlement';
import type { SettlementRow, SettlementStatus } from './types';

/** The settlement's effect: the station's figures, or the platform's after a discrepancy corrected
 * them; none after a rejection (the answer already gave the figures back). `status` is the
 * settlement's status when it was cancelled. */
export function settlementEffect(
  s: SettlementRow,
  status: SettlementStatus = s.status,
): { before: unknown; after: unknown } | null {
  if (status === 'rejected') return null;
  const result = status === 'discrepancy' && s.platform_result ? s.platform_result : s.result;
  return { before: s.request.accumulators ?? {}, after: result.accumulators_after };
}

/** `local` without the cancelled settlement's effect (unchanged when it had none). */
export function withoutCancelled(
  local: Accumulators,
  s: SettlementRow,
  status: SettlementStatus = s.status,
): Accumulators {
  const undone = settlementEffect(s, status);
  return undone ? withoutSettlement(local, undone.before as never, undone.after as never) : local;
}
