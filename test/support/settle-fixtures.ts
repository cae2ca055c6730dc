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

/** A request made from a fixture by one edit. */
export const edit =
  (load: () => Req, change: (r: Req) => unknown): (() => Req) =>
  () => {
    const r = load();
    change(r);
    return r;
  };
