// Helpers for tests that drive the platform (contract, crash, sync): build an 8201 settlement for a
// demo bill the way a station would (its own settle() over its own copy of the data), and make
// ad-hoc bills for any demo person.

import type { DemoBill, DemoPerson, DemoRequestOptions, DemoWorld } from '../shared/demo-world';
import { demoSettleRequest } from '../shared/demo-world';
import type { UploadSettlementInput } from '../shared/protocol';
import type { SettleRequestInput } from '../shared/settlement';
import { settle } from '../shared/settlement';

let counter = 0;

/** A unique local settlement id (ULID-like, sortable, no clock dependence beyond Date.now in tests). */
export function localSetlId(prefix = 'T'): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36).toUpperCase()}${String(counter).padStart(6, '0')}${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
}

export interface UploadOptions {
  stationId: string;
  localSetlId?: string;
  /** the hospital's encounter number; default one of its own per upload */
  mdtrtId?: string;
  /** change the request the station computed with (e.g. stale accumulators) before settling */
  tweak?: (request: SettleRequestInput) => void;
  /** a mid-stay part's earlier parts as the station settled them (demoSettleRequest) */
  earlier?: DemoRequestOptions['earlier'];
}

export function uploadFor(world: DemoWorld, bill: DemoBill, options: UploadOptions): UploadSettlementInput {
  const request = demoSettleRequest(world, bill, { earlier: options.earlier });
  options.tweak?.(request);
  const result = settle(request);
  const id = options.localSetlId ?? localSetlId();
  return {
    local_setl_id: id,
    station_id: options.stationId,
    opter: 'cashier01',
    // The first second of the settle date in China: never after the platform's clock, whatever the hour.
    settled_at: `${request.settle_date}T00:00:00+08:00`,
    mdtrt_id: options.mdtrtId ?? `ENC-${id}`,
    request,
    result,
    data_versions: { filings: 1, catalog: 1, policies: 1, accumulators: 1 },
  };
}

export function personByScenario(world: DemoWorld, scenario: string): DemoPerson {
  const p = world.people.find((x) => x.scenario === scenario);
  if (!p) throw new Error(`no scenario ${scenario}`);
  return p;
}

export function billById(world: DemoWorld, id: string): DemoBill {
  const b = world.bills.find((x) => x.bill_id === id);
  if (!b) throw new Error(`no bill ${id}`);
  return b;
}

/** People with a medical filing valid today for the treatment province and active insurance. */
export function settleablePeople(world: DemoWorld): DemoPerson[] {
  return world.people.filter(
    (p) =>
      p.person.insu_stas === 'active' &&
      p.filings.some(
        (f) =>
          f.scheme === 'medical' &&
          f.filing.mdtrtarea_admvs.startsWith(world.treatment_province.code) &&
          f.filing.begndate <= world.today &&
          (f.filing.enddate === null || world.today <= f.filing.enddate) &&
          f.filing.fixmedins_codes === null,
      ),
  );
}

/** A bill of `lineCount` lines over the catalog's head for any person, at the demo hospital. */
export function syntheticBill(
  world: DemoWorld,
  person: DemoPerson,
  lineCount: number,
  fixmedinsCode: string,
  seq = 0,
): DemoBill {
  const lines = Array.from({ length: lineCount }, (_, i) => {
    const c = world.catalog[(i * 7 + seq) % world.catalog.length];
    const cnt = 1 + ((i + seq) % 3);
    const pric = `${10 + ((i * 13 + seq) % 90)}.50`;
    const fen = Math.round(Number(pric) * 100) * cnt;
    return {
      feedetl_sn: String(i + 1),
      med_list_codg: c.code,
      name: c.entry.name,
      cnt: String(cnt),
      pric,
      det_item_fee_sumamt: `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`,
    };
  });
  return {
    bill_id: `SYN-${person.person.psn_no}-${seq}`,
    scenario: person.scenario ?? 'generated',
    label_zh: '合成账单',
    label_en: 'synthetic bill',
    psn_no: person.person.psn_no,
    fixmedins_code: fixmedinsCode,
    scheme: 'medical',
    setl_type: 'inpatient',
    admission_date: world.today,
    settle_date: world.today,
    lines,
  };
}
