// The settle example requests of shared/settlement/fixtures, loaded fresh for tests to edit.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Req = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const dir = join(import.meta.dirname, '../../shared/settlement/fixtures');

/** A fresh copy of fixtures/NAME.request.json. */
export const loadRequest = (name: string): Req =>
  JSON.parse(readFileSync(join(dir, `${name}.request.json`), 'utf8')) as Req;

export const medicalRequest = (): Req => loadRequest('01-worked-example');
export const workInjuryRequest = (): Req => loadRequest('06-work-injury-inpatient');
export const residentRequest = (): Req => loadRequest('09-resident-serious-illness');

/**
 * A work-injury device settlement of the person of fixture 06: the insured place's device catalog
 * (one leg prosthesis limited to 3000.00, with the charge category given, if any).
 */
export function deviceRequest(medChrgitmType?: string): Req {
  const r = workInjuryRequest();
  r.setl_type = 'device';
  r.policy = {
    policy_id: '150100-wi-2025',
    insuplc_admdvs: '150100',
    valid_from: '2025-01-01',
    valid_to: null,
    work_injury: {
      devices: {
        'D-LEG-01': {
          name: '小腿假肢',
          limit_amt: '3000',
          ...(medChrgitmType ? { med_chrgitm_type: medChrgitmType } : {}),
        },
      },
    },
  };
  return r;
}

/** A request made from a fixture by one edit. */
export const edit =
  (load: () => Req, change: (r: Req) => unknown): (() => Req) =>
  () => {
    const r = load();
    change(r);
    return r;
  };
