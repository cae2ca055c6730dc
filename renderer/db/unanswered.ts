// A settlement row's platform side before the platform has answered: the same whether the row was
// just committed at the counter or restored from the journal after IndexedDB was lost.
import type { SettlementRow } from './types';

type PlatformSide = Pick<
  SettlementRow,
  | 'status'
  | 'answered_at'
  | 'setl_id'
  | 'platform_result'
  | 'differences'
  | 'reasons'
  | 'resolved_at'
  | 'resolution'
>;

/** Fresh each time (its arrays are the row's own). */
export function unanswered(): PlatformSide {
  return {
    status: 'pending',
    answered_at: null,
    setl_id: null,
    platform_result: null,
    differences: [],
    reasons: [],
    resolved_at: null,
    resolution: null,
  };
}
