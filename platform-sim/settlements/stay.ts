// A mid-stay part's `stay` from the platform's own records (settle/v2, docs/platform.md "Mid-stay
// parts"): the earlier parts of the same encounter (institution + mdtrt_id) that the platform settled
// and did not cancel, at the platform's figures. From the station it takes only the part number;
// `dedc_left` and `inscp_before` are the platform's, worked out with the same shared function the
// station uses (shared/protocol/stay-parts.ts), so a difference can only come from data.

import type { DemoPolicy } from '../../shared/demo-world';
import type { NextStay } from '../../shared/protocol';
import { nextStay, stayDeductible } from '../../shared/protocol';
import type { Accumulators, SettleResult } from '../../shared/settlement';
import type { Queryable } from '../db/database';
import { rowsByRef } from '../db/datasets';

/** The insured place's policy of `insutype` in force on `date`, if any. */
export async function policyInForce(
  q: Queryable,
  admdvs: string,
  insutype: string,
  date: string,
): Promise<DemoPolicy | undefined> {
  const policies = await rowsByRef<{ policy: DemoPolicy }>(q, 'policies', admdvs);
  return policies
    .filter((p) => !p.deleted)
    .map((p) => p.row.policy)
    .find(
      (p) =>
        (p.insutype ?? '310') === insutype &&
        p.valid_from <= date &&
        (p.valid_to === null || date <= p.valid_to),
    );
}

export interface StayQuery {
  /** fixmedins_code + ':' + mdtrt_id */
  encounterKey: string;
  part: number;
  psnNo: string;
  medicalInpatient: boolean;
  hospLv: 1 | 2 | 3;
  insuplcAdmdvs: string;
  insutype: string;
}

type PartRow = {
  stay_part: number;
  psn_no: string;
  settle_date: string;
  acc_before_json: string | null;
  platform_result_json: string | null;
};

/** The `stay` of this part, or why the platform cannot settle it (earlier parts missing). */
export async function platformStay(tx: Queryable, q: StayQuery): Promise<NextStay> {
  const rows = await tx.query<PartRow>(
    `SELECT e.stay_part, s.psn_no, s.settle_date, s.acc_before_json, s.platform_result_json
       FROM encounters e JOIN settlements s ON s.local_setl_id = e.local_setl_id
      WHERE e.encounter_key = $1 AND e.stay_part < $2 AND s.cancelled_at IS NULL
        AND s.outcome IN ('confirmed', 'discrepancy')
      ORDER BY e.stay_part`,
    [q.encounterKey, q.part],
  );
  const earlier = rows
    .filter((r) => r.psn_no === q.psnNo && r.platform_result_json)
    .map((r) => ({
      row: r,
      part: Number(r.stay_part),
      setlinfo: (JSON.parse(r.platform_result_json!) as SettleResult).setlinfo,
    }));
  let deductible: string | null = null;
  const first = earlier.find((e) => e.part === 1)?.row;
  if (q.medicalInpatient && q.part >= 2 && first) {
    // Part 1's deductible: the policy in force on its settle date, by the admissions before it.
    const policy = await policyInForce(tx, q.insuplcAdmdvs, q.insutype, first.settle_date);
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
