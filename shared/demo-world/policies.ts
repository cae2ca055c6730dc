// Builds settle/v1 policies (settlement-contract.md, "Policy") for every insured place: employee
// (310) and resident (390) basic medical insurance, for last year and this year, so a world seeded on
// any day has a policy in force on every settle date of the current and the previous year.
// Work-injury settlements use the insured place's employee policy, whose `work_injury.devices` is the
// place's assistive-device catalog (the same choice as shared/data/settle-examples/06).

import type { Policy } from '../settlement';
import type { InsuredPlace, SchemeSpec } from './places';
import { SERIOUS_ILLNESS_STD } from './place-spec';
import { INSURED_PLACES } from './places';

/** A settle/v1 policy (shared/settlement policySchema) with the insurance type always set. */
export type DemoPolicy = Policy & { insutype: '310' | '390' };

/** Last year's caps were lower: scale an amount by a factor and keep it a whole yuan. */
function scaled(amount: string, factor: number): string {
  return String(Math.round((Number(amount) * factor) / 1000) * 1000);
}

function policyFor(place: InsuredPlace, insutype: '310' | '390', year: number, current: boolean): DemoPolicy {
  const spec: SchemeSpec = insutype === '310' ? place.employee : place.resident;
  const capFactor = current ? 1 : 0.95;
  const policy: DemoPolicy = {
    policy_id: `${place.admdvs}-${insutype}-${year}`,
    insuplc_admdvs: place.admdvs,
    insutype,
    valid_from: `${year}-01-01`,
    valid_to: current ? null : `${year}-12-31`,
    inpatient: {
      deductible: { ...spec.deductible },
      deductible_factors: [...spec.factors],
      bands: spec.bands.map((b) => ({
        upto: b.upto,
        ratio: {
          in_service: { ...b.ratio.in_service },
          retired: { ...b.ratio.retired },
          resident: { ...b.ratio.resident },
        },
      })),
      annual_cap: scaled(spec.cap, capFactor),
    },
    outpatient: {
      annual_deductible: spec.outpatient.annual_deductible,
      ratio: {
        in_service: { ...spec.outpatient.ratio.in_service },
        retired: { ...spec.outpatient.ratio.retired },
        resident: { ...spec.outpatient.ratio.resident },
      },
      annual_cap: spec.outpatient.annual_cap,
    },
    chronic: { diseases: structuredCopy(place.chronic) },
    cross_province: { reduction: { ...place.reduction } },
  };
  if (spec.large)
    policy.large_amount = { ratio: spec.large.ratio, annual_cap: scaled(spec.large.annual_cap, capFactor) };
  if (insutype === '310') policy.work_injury = { devices: structuredCopy(place.devices) };
  // settle/v2: serious illness is the residents' layer; medical assistance follows the person, not
  // the scheme, so both schemes' policies carry the place's.
  if (insutype === '390')
    policy.serious_illness = structuredCopy(place.serious_illness ?? SERIOUS_ILLNESS_STD);
  if (place.medical_assistance) policy.medical_assistance = structuredCopy(place.medical_assistance);
  return policy;
}

function structuredCopy<T extends object>(o: T): T {
  return JSON.parse(JSON.stringify(o)) as T;
}

export function buildPolicies(year: number): DemoPolicy[] {
  const out: DemoPolicy[] = [];
  for (const place of INSURED_PLACES) {
    for (const insutype of ['310', '390'] as const) {
      out.push(policyFor(place, insutype, year - 1, false));
      out.push(policyFor(place, insutype, year, true));
    }
  }
  return out;
}
