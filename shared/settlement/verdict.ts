import { checkEligibility } from './eligibility';
import type { Refusal, TraceEntry } from './result';
import type { Circumstances, Filing, Institution, Person, Policy, SettleRequest } from './schema';
import { NO_CIRCUMSTANCES } from './schema';

export interface VerdictInput {
  scheme: SettleRequest['scheme'];
  setl_type: SettleRequest['setl_type'];
  settle_date: string;
  admission_date?: string;
  dise_codg?: string;
  person: Person;
  institution: Institution;
  filing: Filing | null;
  circumstances?: Partial<Circumstances>;
  policy?: Policy;
}

export interface Verdict {
  canSettle: boolean;
  crossProvince: boolean;
  refusal: Refusal[];
  /** The ratio reduction that will apply, as a decimal string ("0.1"). */
  reduction: string;
  /** settle/v2: the filing rows a medical emergency does not refuse on (regarded as filed). */
  emergencyWaived: Refusal[];
  trace: TraceEntry[];
}

/**
 * The counter's first answer after a card read, before any bill exists: can this person be settled
 * directly here, and if not, why. Exactly step 1 of settle/v2 (the same code), so the verdict cannot
 * disagree with the settlement that follows for the same facts.
 */
export function directSettlementVerdict(input: VerdictInput): Verdict {
  const request = {
    contract: 'settle/v2',
    scheme: input.scheme,
    setl_type: input.setl_type,
    settle_date: input.settle_date,
    admission_date: input.admission_date,
    dise_codg: input.dise_codg,
    person: input.person,
    institution: input.institution,
    filing: input.filing,
    circumstances: { ...NO_CIRCUMSTANCES, ...input.circumstances },
    accumulators: {} as SettleRequest['accumulators'],
    acct_used: false,
    policy: input.policy,
    lines: [],
  } as SettleRequest;
  const e = checkEligibility(request);
  return {
    canSettle: e.refusal.length === 0,
    crossProvince: e.crossProvince,
    refusal: e.refusal,
    reduction: e.reduction.toString(),
    emergencyWaived: e.waived,
    trace: e.trace,
  };
}
