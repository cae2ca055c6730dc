// Builds the settle/v2 request for a demo bill from the demo world's own data, as a station does
// from its synced datasets: the person's filing, the insured place's policy in force, the treatment
// place's catalog entries for the bill's lines, this year's accumulators. A mid-stay part follows
// the earlier parts of its stay, settled before it (shared/protocol/stay-parts.ts), as a station
// works it out from its own settlements.

import { NO_CIRCUMSTANCES, type SettleRequestInput } from '../settlement';
import { selectFiling } from '../protocol/filing-choice';
import { nextStayAfter, type SettledPart } from '../protocol/stay-parts';
import type { DemoBill } from './bills';
import type { DemoWorld } from './index';

export interface DemoRequestOptions {
  acct_used?: boolean;
  /** a mid-stay part's earlier parts, in order, as settled: the request starts from the last one's
   * accumulators_after and its `stay` follows them */
  earlier?: {
    request: SettleRequestInput;
    result: { setlinfo: SettledPart['setlinfo']; accumulators_after: SettleRequestInput['accumulators'] };
  }[];
}

export function demoSettleRequest(
  world: DemoWorld,
  bill: DemoBill,
  options: DemoRequestOptions = {},
): SettleRequestInput {
  const person = world.people.find((p) => p.person.psn_no === bill.psn_no);
  if (!person) throw new RangeError(`no demo person ${bill.psn_no}`);
  const institution = world.institutions.find((i) => i.fixmedins_code === bill.fixmedins_code);
  if (!institution) throw new RangeError(`no demo institution ${bill.fixmedins_code}`);
  const insutype = bill.scheme === 'work_injury' ? '310' : person.person.insutype;
  const policy = world.policies.find(
    (p) =>
      p.insuplc_admdvs === person.person.insuplc_admdvs &&
      p.insutype === insutype &&
      p.valid_from <= bill.settle_date &&
      (p.valid_to === null || bill.settle_date <= p.valid_to),
  );
  const row = selectFiling(
    person.filings,
    bill.scheme,
    institution.institution.mdtrtarea_admvs,
    bill.settle_date,
    bill.admission_date,
  );
  const codes = new Set(bill.lines.map((l) => l.med_list_codg));
  const earlier = options.earlier ?? [];
  const request: SettleRequestInput = {
    contract: 'settle/v2',
    scheme: bill.scheme,
    setl_type: bill.setl_type,
    settle_date: bill.settle_date,
    admission_date: bill.admission_date,
    person: person.person,
    institution: institution.institution,
    filing: row ? row.filing : null,
    circumstances: { ...NO_CIRCUMSTANCES, ...bill.circumstances },
    accumulators: earlier.at(-1)?.result.accumulators_after ?? person.accumulators,
    acct_used: options.acct_used ?? false,
    policy,
    lines: bill.lines,
  };
  if (bill.dise_codg) request.dise_codg = bill.dise_codg;
  if (bill.stay_part !== undefined) {
    const medicalInpatient = bill.scheme === 'medical' && bill.setl_type === 'inpatient';
    const next = nextStayAfter(
      bill.stay_part,
      medicalInpatient,
      earlier.map((e) => ({ request: e.request, setlinfo: e.result.setlinfo })),
    );
    if (!next.ok) throw new RangeError(`${bill.bill_id}: ${next.message_en}`);
    request.stay = next.stay;
  }
  if (bill.scheme === 'medical')
    request.catalog = Object.fromEntries(
      world.catalog.filter((c) => codes.has(c.code)).map((c) => [c.code, c.entry]),
    );
  else if (bill.setl_type !== 'device')
    request.wi_catalog = Object.fromEntries(
      world.wi_catalog.filter((c) => codes.has(c.code)).map((c) => [c.code, c.entry]),
    );
  return request;
}
