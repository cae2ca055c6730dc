// The shift handover's rules and sums (交班, domain.md "Daily close"), pure: the window a new
// handover covers, which handover may be withdrawn, and the counts and sums of one operator's work in
// a window. A handover covers [from, to): from the end of the operator's previous handover that still
// stands (withdrawn ones do not count), the first one from the operator's first event; to is now. So
// two handovers of one operator never overlap, none ends in the future, and a withdrawn handover's
// settlements fall into the next one. handover.ts does the reading and writing.
import { Decimal, formatAmount } from '../../shared/money';
import type { HandoverFigures, HandoverRow, SettlementRow, SettlementStatus } from '../db';
import { SettleServiceError } from './errors';
import { chargedResult, negateAmount, reversalFigures } from './reversal';

export interface HandoverWindow {
  from: string; // ISO instant
  to: string; // ISO instant
}

const ms = (iso: string) => Date.parse(iso);
const iso = (t: number) => new Date(t).toISOString();

/** The operator's handovers that still stand, in time order. */
export function standing(handovers: readonly HandoverRow[], opter: string): HandoverRow[] {
  return handovers
    .filter((h) => h.opter === opter && h.state !== 'withdrawn')
    .sort((a, b) => ms(a.to) - ms(b.to));
}

/** When each of an operator's events happened: settling, cancelling, correcting at the counter. */
export function eventTimes(s: SettlementRow, opter: string): number[] {
  const times: number[] = [];
  if (s.opter === opter) times.push(ms(s.settled_at));
  if (s.cancel?.opter === opter) times.push(ms(s.cancel.cancelled_at));
  if (s.correction?.opter === opter) times.push(ms(s.correction.at));
  return times;
}

/** The window of the operator's next handover, or why there is none. */
export function handoverWindow(
  handovers: readonly HandoverRow[],
  settlements: readonly SettlementRow[],
  opter: string,
  now: Date,
): HandoverWindow {
  const last = standing(handovers, opter).at(-1);
  let from: number;
  if (last) from = ms(last.to);
  else {
    const first = Math.min(...settlements.flatMap((s) => eventTimes(s, opter)));
    if (!Number.isFinite(first)) throw new SettleServiceError('NOTHING_TO_HAND_OVER', { detail: opter });
    from = first;
  }
  // The previous handover ends after now: the clock went back. Never end a handover in the future.
  if (from > now.getTime())
    throw new SettleServiceError('CLOCK_BEHIND', { detail: `${iso(from)} > ${now.toISOString()}` });
  return { from: iso(from), to: now.toISOString() };
}

/** Only the operator's latest standing handover, and only while no supervisor confirmed it. */
export function withdrawable(handovers: readonly HandoverRow[], h: HandoverRow): boolean {
  if (h.state !== 'draft') return false;
  return standing(handovers, h.opter).at(-1)?.id === h.id;
}

export type EventKind = 'settle' | 'cancel' | 'correct';
/** An event's key in a handover's `events`: what it did, to which settlement. */
export const eventKey = (kind: EventKind, local_setl_id: string) => `${kind}:${local_setl_id}`;

/** The events the operator's standing handovers hold already. */
export function takenEvents(handovers: readonly HandoverRow[], opter: string): Set<string> {
  return new Set(standing(handovers, opter).flatMap((h) => h.events));
}

/** What the funds actually paid, by fund key (its fund type, or the setlinfo field for a result
 * without setldetail), and the personal account: nothing for a settlement the platform rejected (a
 * rejection is paid in cash or settled again), the platform's figures for a discrepancy dealt with. */
function fundsPaid(s: SettlementRow, statusBefore: SettlementStatus): { key: string; amount: string }[] {
  if (statusBefore === 'rejected') return [];
  const r = chargedResult(s, statusBefore);
  if (r.setldetail) return r.setldetail.map((d) => ({ key: d.fund_pay_type, amount: d.fund_payamt }));
  const x = r.setlinfo;
  return (['hifp_pay', 'hifob_pay', 'hifmi_pay', 'maf_pay'] as const)
    .filter((f) => !new Decimal(x[f]).isZero())
    .map((f) => ({ key: f, amount: x[f] }));
}
const accountPaid = (s: SettlementRow, statusBefore: SettlementStatus) =>
  statusBefore === 'rejected' ? '0.00' : chargedResult(s, statusBefore).setlinfo.acct_pay;

/** The counts and sums of the operator's work in the window. Settlements add, cancels take away
 * (their reversal figures), corrections collect (+) or refund (−). `waiting` are the ids the
 * platform has not answered yet (outbox). */
export function handoverFigures(
  settlements: readonly SettlementRow[],
  opter: string,
  w: HandoverWindow,
  waiting: ReadonlySet<string>,
  taken: ReadonlySet<string> = new Set(),
): { figures: HandoverFigures; local_setl_ids: string[]; events: string[] } {
  let medfee = new Decimal(0);
  let acct = new Decimal(0);
  let collected = new Decimal(0);
  let refunds = new Decimal(0);
  let correctionsNet = new Decimal(0);
  const funds = new Map<string, Decimal>();
  const addFund = (key: string, amount: string) =>
    funds.set(key, (funds.get(key) ?? new Decimal(0)).plus(amount));
  const ids: string[] = [];
  const events: string[] = [];
  // an event belongs to this handover when it happened before its end and no standing handover has
  // it: one recorded with a clock set back (before `from`) still falls into the next handover
  const mine = (kind: EventKind, s: SettlementRow, by: string | undefined, at: string | undefined) => {
    if (by !== opter || at === undefined || ms(at) >= ms(w.to)) return false;
    const key = eventKey(kind, s.local_setl_id);
    if (taken.has(key)) return false;
    events.push(key);
    return true;
  };
  let cancels = 0;
  let corrections = 0;
  let pending = 0;
  for (const s of settlements) {
    if (mine('settle', s, s.opter, s.settled_at)) {
      ids.push(s.local_setl_id);
      // the cash the counter took then: the station's figures (a later correction adds the difference);
      // the funds and the account: what they paid in the end
      const before = s.cancel?.status_before ?? s.status;
      medfee = medfee.plus(s.result.setlinfo.medfee_sumamt);
      acct = acct.plus(accountPaid(s, before));
      collected = collected.plus(s.result.setlinfo.psn_cash_pay);
      for (const f of fundsPaid(s, before)) addFund(f.key, f.amount);
      if (waiting.has(s.local_setl_id)) pending++;
    }
    if (s.cancel && mine('cancel', s, s.cancel.opter, s.cancel.cancelled_at)) {
      cancels++;
      const before = s.cancel.status_before;
      const rev = reversalFigures(s);
      medfee = medfee.plus(rev.setlinfo.medfee_sumamt);
      acct = acct.minus(accountPaid(s, before));
      refunds = refunds.plus(rev.refund.cash);
      for (const f of fundsPaid(s, before)) addFund(f.key, negateAmount(f.amount));
    }
    if (s.correction && mine('correct', s, s.correction.opter, s.correction.at)) {
      corrections++;
      const cash = new Decimal(s.correction.cash);
      correctionsNet = correctionsNet.plus(cash);
      if (cash.isNegative()) refunds = refunds.plus(cash.negated());
      else collected = collected.plus(cash);
    }
  }
  const figures: HandoverFigures = {
    settlements: ids.length,
    cancels,
    medfee_sumamt: formatAmount(medfee),
    funds: [...funds.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, amount]) => ({ key, amount: formatAmount(amount) })),
    acct_pay: formatAmount(acct),
    cash_collected: formatAmount(collected),
    refunds: formatAmount(refunds),
    corrections,
    corrections_net: formatAmount(correctionsNet),
    pending_upload: pending,
    expected_cash: formatAmount(collected.minus(refunds)),
  };
  return { figures, local_setl_ids: ids, events };
}

/** counted − expected: positive when the drawer holds more than it should. */
export function cashDifference(counted: string, expected: string): string {
  return formatAmount(new Decimal(counted).minus(expected));
}
