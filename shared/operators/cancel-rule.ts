// Who may cancel a settlement (红冲), and when a supervisor must approve it: the cashier who made it,
// on the day it was made, alone; anything else — another operator's settlement, an earlier day's —
// only with a supervisor approving on the station with their own PIN (domain.md "What a cashier
// expects": cancel a settlement the same day; supervisor). The day is the China date, as settle dates
// are. Pure: the caller passes today.
import { allowed, type Role } from './roles';

export type CancelRule =
  | { kind: 'own_same_day' }
  | { kind: 'needs_approval'; because: 'other_operator' | 'earlier_day' }
  | { kind: 'forbidden' };

export function cancelRule(
  settlement: { opter: string; settle_date: string },
  operator: { id: string; role: Role },
  today: string,
): CancelRule {
  if (!allowed(operator.role, 'cancel')) return { kind: 'forbidden' };
  if (settlement.opter !== operator.id) return { kind: 'needs_approval', because: 'other_operator' };
  if (settlement.settle_date !== today) return { kind: 'needs_approval', because: 'earlier_day' };
  return { kind: 'own_same_day' };
}
