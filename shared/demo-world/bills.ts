// Demo bills: a few per scenario, as a hospital system would export them, with lines that reference
// real codes of the demo catalogs (catalog.ts) and the insured place's device catalog (places.ts).
// Amounts are cnt × pric exactly (integer cnt, pric in fen), as settle/v1 requires.

import type { FeeKind, MedChrgitmType, SCHEMES, SETL_TYPES } from '../settlement';
import { CURATED_CATALOG, CURATED_WI_CATALOG } from './catalog';
import { addDays } from './dates';
import { counterBills } from './bills-counter';
import { moreBills } from './bills-more';
import { v2Bills } from './bills-v2';
import type { DemoPerson } from './people';
import type { DeviceEntry } from './place-spec';
import { insuredPlace } from './places';
import type { Prng } from './prng';

export interface DemoBillLine {
  feedetl_sn: string;
  med_list_codg: string;
  name: string;
  cnt: string;
  pric: string;
  det_item_fee_sumamt: string;
  non_work_injury?: boolean;
  /** settle/v2: a meal allowance or transport line, claimed at the insured place */
  fee_kind?: FeeKind;
  /** settle/v2: the line's own charge category (else its catalog entry's) */
  med_chrgitm_type?: MedChrgitmType;
}

export interface DemoBill {
  bill_id: string;
  scenario: string;
  label_zh: string;
  label_en: string;
  psn_no: string;
  fixmedins_code: string;
  scheme: (typeof SCHEMES)[number];
  setl_type: (typeof SETL_TYPES)[DemoBill['scheme']][number];
  /** the hospital system's encounter number (住院号 ZY… / 门诊号 MZ…), unique per bill (8201 mdtrt_id);
   * every bill of the demo world has one (withEncounterNumbers), a synthetic test bill may not */
  mdtrt_id?: string;
  admission_date: string;
  settle_date: string;
  dise_codg?: string;
  circumstances?: {
    emergency?: boolean;
    trauma?: boolean;
    trauma_commitment_signed?: boolean;
    third_party_liable?: boolean;
  };
  lines: DemoBillLine[];
  /** settle/v2 mid-stay settlement: this bill is part N of a long stay; the parts of one stay share
   * the encounter number, and part ≥ 2 needs the earlier parts settled first */
  stay_part?: number;
}

/** A bill as the lists write it; the encounter number is drawn afterwards (withEncounterNumbers). */
export type DemoBillSpec = Omit<DemoBill, 'mdtrt_id'>;

/** true: not caused by the work injury; 'meal' / 'transport': a fee kind settle/v2 never pays */
type LineSpec = [code: string, cnt: number, pric: string, mark?: true | FeeKind];

/** cnt × pric to two decimals, through integer fen so no float error creeps in. */
function lineAmount(cnt: number, pric: string): string {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(pric);
  if (!m || !Number.isInteger(cnt)) throw new RangeError(`demo bill price ${pric} × ${cnt}`);
  const fen = (Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))) * cnt;
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

/** Lines a hospital bills that no catalog lists: the meal allowance and transport of a referral. */
export const FEE_KIND_ITEMS = {
  'HS-ZYHS-0001': '住院伙食补助费',
  'JT-ZZJT-0001': '转诊转院交通费',
} as const;

const NAMES = new Map<string, string>([
  ...CURATED_CATALOG.map(([c, n]) => [c, n] as const),
  ...CURATED_WI_CATALOG.map(([c, n]) => [c, n] as const),
  ...Object.entries(FEE_KIND_ITEMS),
]);

export function lines(specs: LineSpec[], deviceNames: Record<string, { name: string }> = {}): DemoBillLine[] {
  return specs.map(([code, cnt, pric, mark], i) => {
    const line: DemoBillLine = {
      feedetl_sn: String(i + 1),
      med_list_codg: code,
      name: NAMES.get(code) ?? deviceNames[code]?.name ?? '院内自制项目（未列入目录）',
      cnt: String(cnt),
      pric,
      det_item_fee_sumamt: lineAmount(cnt, pric),
    };
    if (mark === true) line.non_work_injury = true;
    else if (mark) line.fee_kind = mark;
    return line;
  });
}

/** What the bill lists get to build bills with. */
export interface BillKit {
  bill(
    id: string,
    scenario: string,
    zh: string,
    en: string,
    fixmedins: string,
    scheme: DemoBill['scheme'],
    setl: DemoBill['setl_type'],
    stay: number,
    ls: DemoBillLine[],
    extra?: Partial<DemoBill>,
  ): DemoBillSpec;
  lines: typeof lines;
  /** the device catalog of the work-injury device scenario's insured place */
  devices: Record<string, DeviceEntry>;
}

/** Inpatient stays (and work-injury rehabilitation) get a 住院号, everything else a 门诊号: 8 digits
 * drawn from the world's seed and day (so a bill of another day is another encounter), never twice.
 * The parts of one mid-stay settlement (bills with `stay_part`, one stay per scenario) share theirs. */
function withEncounterNumbers(bills: DemoBillSpec[], prng: Prng): (DemoBill & { mdtrt_id: string })[] {
  const taken = new Set<string>();
  const stays = new Map<string, string>();
  return bills.map((b) => {
    const stay = b.stay_part !== undefined ? stays.get(b.scenario) : undefined;
    if (stay) return { ...b, mdtrt_id: stay };
    const prefix = b.setl_type === 'inpatient' || b.setl_type === 'rehab' ? 'ZY' : 'MZ';
    let id: string;
    do id = `${prefix}${String(prng.int(0, 99_999_999)).padStart(8, '0')}`;
    while (taken.has(id));
    taken.add(id);
    if (b.stay_part !== undefined) stays.set(b.scenario, id);
    return { ...b, mdtrt_id: id };
  });
}

export function buildBills(people: DemoPerson[], today: string, prng: Prng): DemoBill[] {
  const by = (scenario: string): DemoPerson => {
    const p = people.find((x) => x.scenario === scenario);
    if (!p) throw new RangeError(`demo scenario ${scenario} missing`);
    return p;
  };
  const kit: BillKit = {
    bill: (id, scenario, zh, en, fixmedins, scheme, setl, stay, ls, extra = {}) => ({
      bill_id: id,
      scenario,
      label_zh: zh,
      label_en: en,
      psn_no: by(scenario).person.psn_no,
      fixmedins_code: fixmedins,
      scheme,
      setl_type: setl,
      admission_date: addDays(today, -stay),
      settle_date: today,
      lines: ls,
      ...extra,
    }),
    lines,
    devices: insuredPlace(by('wi-device').person.insuplc_admdvs).devices,
  };
  return withEncounterNumbers([...counterBills(kit), ...moreBills(kit), ...v2Bills(kit)], prng);
}
