// A period's settlements as one FHIR R4 Bundle (type collection): the local code systems first, so
// the file explains its own codes, then one ExplanationOfBenefit per settlement, in the given order.
import type { Bundle } from '@medplum/fhirtypes';
import type { SettlementRecord } from '../record';
import { localCodeSystems } from './code-systems';
import type { Exact } from './exact-json';
import { explanationOfBenefit, type EobContext } from './explanation-of-benefit';

export interface PeriodBundleOptions extends EobContext {
  /** when the bundle was made (the caller's clock), an ISO instant */
  timestamp: string;
}

export function settlementsBundle(
  records: readonly SettlementRecord[],
  opts: PeriodBundleOptions,
): Exact<Bundle> {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: opts.timestamp,
    entry: [
      ...localCodeSystems().map((resource) => ({ resource })),
      ...records.map((r) => ({ resource: explanationOfBenefit(r, opts) })),
    ],
  };
}
