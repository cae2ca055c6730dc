// A mid-stay part's `stay` from the platform's own records (settle/v2, docs/platform.md "Mid-stay
// parts"): the earlier parts of the same encounter (institution + mdtrt_id) that the platform settled
// and did not cancel, at the platform's figures. From the station it takes only the part number;
// `dedc_left` and `inscp_before` are the platform's, worked out with the same shared function the
// station uses (shared/protocol/stay-parts.ts), so a difference can only come from data. Pure: the
// rows come from platform-data.ts.

import type { DemoPolicy } from '../../shared/demo-world';
import type { NextStay } from '../../shared/protocol';
import { nextStay, stayDeductible } from '../../shared/protocol';
import type { Accumulators, SettleResult } from '../../shared/settlement';

/** The first of `policies` (an insured place's live policies, in key order) of `insutype` in force on `date`. */
export function policyInForce(
  policies: readonly DemoPolicy[],
  insutype: string,
  date: string,
): DemoPolicy | undefined {
  return policies.find(
    (p) =>
      (p.insutype ?? '310') === insutype &&
      p.valid_from <= date &&
      (p.valid_to === null || date <= p.valid_to),
  );
}

/** A stored part of an encounter: settled (confirmed or discrepancy) and not cancelled. */
export type PartRow = {
  stay_part: number;
  psn_no: string;
  settle_date: string;
  acc_before_json: string | null;
  platform_result_json: string | null;
};

export interface StayQuery {
  part: number;
  psnNo: string;
  medicalInpatient: boolean;
  hospLv: 1 | 2 | 3;
  insutype: string;
}

/** The `stay` of this part, or why the platform cannot settle it (earlier parts missing).
 * `parts`: the encounter's stored parts; `policies`: the insured place's live policies. */
export function platformStay(
  parts: readonly PartRow[],
  policies: readonly DemoPolicy[],
  q: StayQuery,
): NextStay {
  const earlier = parts
    .filter((r) => Number(r.stay_part) < q.part && r.psn_no === q.psnNo && r.platform_result_json)
    .sort((a, b) => Number(a.stay_part) - Number(b.stay_part))
    .map((r) => ({
      row: r,
      part: Number(r.stay_part),
      setlinfo: (JSON.parse(r.platform_result_json!) as SettleResult).setlinfo,
    }));
  let deductible: string | null = null;
  const first = earlier.find((e) => e.part === 1)?.row;
  if (q.medicalInpatient && q.part >= 2 && first) {
    // Part 1's deductible: the policy in force on its settle date, by the admissions before it.
    const policy = policyInForce(policies, q.insutype, first.settle_date);
    const before = JSON.parse(first.acc_before_json ?? '{}') as Partial<Accumulators>;
    if (policy?.inpatient)
      deductible = stayDeductible(policy.inpatient, q.hospLv, before.inpatient_admissions ?? 0);
  }
  return nextStay({
    part: q.part,
    medicalInpatient: q.medicalInpatient,
    deductible,
    earlier: earlier.map(({ part, setlinfo }) => ({ part, setlinfo })),
  });
}
