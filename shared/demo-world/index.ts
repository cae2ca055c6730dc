// The deterministic demo world (pure): the same seed and `today` give the same world, byte for byte.
// platform-sim seeds its database from it; the station's simulated card reader offers its cards; the
// UI offers its bills. Dates are relative to `today`, so a world seeded on any day has filings valid
// today and policies in force.

import { buildBills } from './bills';
import type { DemoBill } from './bills';
import { buildCard } from './cards';
import type { DemoCard } from './cards';
import { buildCatalog, buildWiCatalog } from './catalog';
import type { DemoCatalogRow, DemoCatalogEntry, DemoWiCatalogEntry } from './catalog';
import { assertDate, yearOf } from './dates';
import { INSTITUTIONS, TREATMENT_PROVINCE } from './institutions';
import type { DemoInstitution } from './institutions';
import { buildPeople } from './people';
import type { DemoAccumulators, DemoFilingRow, DemoPerson } from './people';
import { INSURED_PLACES } from './places';
import { buildPolicies } from './policies';
import type { DemoPolicy } from './policies';
import { createPrng } from './prng';

export type { DemoBill, DemoBillLine } from './bills';
export type { DemoCard } from './cards';
export type { DemoCatalogRow, DemoCatalogEntry, DemoWiCatalogEntry } from './catalog';
export type { DemoInstitution, InstitutionKind } from './institutions';
export type { DemoAccumulators, DemoFiling, DemoFilingRow, DemoPerson, DemoSettlePerson } from './people';
export type { DemoPolicy } from './policies';
export { DEMO_DEVICE_SHOP, DEMO_HOSPITAL, DEMO_REHAB_CENTER, TREATMENT_PROVINCE } from './institutions';
export { addDays, addMonths, yearOf } from './dates';
export { createPrng } from './prng';
export type { Prng } from './prng';

export { demoSettleRequest } from './requests';
export type { DemoRequestOptions } from './requests';

export const DEFAULT_CATALOG_SIZE = 3000;
export const BENCHMARK_CATALOG_SIZE = 300_000;

export interface DemoWorldOptions {
  seed: string | number;
  /** 'YYYY-MM-DD': the day the world is seeded for */
  today: string;
  /** rows of the medical catalog (the work-injury catalog gets a quarter); default 3000 */
  catalogSize?: number;
  /** named scenarios plus generated people; default 60 */
  peopleCount?: number;
}

export interface DemoScenario {
  key: string;
  psn_no: string;
  psn_name: string;
  label_zh: string;
  label_en: string;
  bill_ids: string[];
}

export interface DemoWorld {
  seed: string;
  today: string;
  year: number;
  treatment_province: typeof TREATMENT_PROVINCE;
  insured_places: { admdvs: string; name_zh: string; name_en: string }[];
  institutions: DemoInstitution[];
  policies: DemoPolicy[];
  catalog: DemoCatalogRow<DemoCatalogEntry>[];
  wi_catalog: DemoCatalogRow<DemoWiCatalogEntry>[];
  people: DemoPerson[];
  filings: DemoFilingRow[];
  accumulators: { psn_no: string; accumulators: DemoAccumulators }[];
  cards: DemoCard[];
  bills: DemoBill[];
  scenarios: DemoScenario[];
}

export function demoWorld(options: DemoWorldOptions): DemoWorld {
  const seed = String(options.seed);
  const today = assertDate(options.today);
  const catalogSize = options.catalogSize ?? DEFAULT_CATALOG_SIZE;
  if (!Number.isInteger(catalogSize) || catalogSize < 1 || catalogSize > 2_000_000)
    throw new RangeError(`catalogSize must be an integer 1..2000000, got ${catalogSize}`);
  const prng = createPrng(`demo-world:${seed}`);
  const year = yearOf(today);
  const { people, specs } = buildPeople(today, options.peopleCount ?? 60, prng.fork('people'));
  const cardPrng = prng.fork('cards');
  const cards = people.map((p, i) => buildCard(p, specs[i].card, 1000 + i * 7, today, cardPrng));
  const bills = buildBills(people, today, prng.fork(`bills:${today}`));
  return {
    seed,
    today,
    year,
    treatment_province: TREATMENT_PROVINCE,
    insured_places: INSURED_PLACES.map((p) => ({ admdvs: p.admdvs, name_zh: p.name_zh, name_en: p.name_en })),
    institutions: INSTITUTIONS.map((i) => ({
      ...i,
      institution: { ...i.institution, schemes: [...i.institution.schemes] },
    })),
    policies: buildPolicies(year),
    catalog: buildCatalog(catalogSize, prng.fork('catalog')),
    wi_catalog: buildWiCatalog(Math.max(1, Math.ceil(catalogSize / 4)), prng.fork('wi_catalog')),
    people,
    filings: people.flatMap((p) => p.filings),
    accumulators: people.map((p) => ({ psn_no: p.person.psn_no, accumulators: p.accumulators })),
    cards,
    bills,
    scenarios: people
      .filter((p) => p.scenario !== null)
      .map((p) => ({
        key: p.scenario as string,
        psn_no: p.person.psn_no,
        psn_name: p.person.psn_name,
        label_zh: p.label_zh,
        label_en: p.label_en,
        bill_ids: bills.filter((b) => b.psn_no === p.person.psn_no).map((b) => b.bill_id),
      })),
  };
}
