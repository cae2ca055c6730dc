// People of the demo world: the named scenarios plus generated people, each with a valid citizen ID
// number (GB 11643 check character from shared/ids), a psn_no, filings and this year's accumulators.

import { citizenIdCheckChar } from '../ids';
import { addDays, compactDate, yearOf } from './dates';
import { TREATMENT_PROVINCE } from './institutions';
import { INSURED_PLACES, insuredPlace } from './places';
import type { WiConfirmation } from '../settlement';
import type { Prng } from './prng';
import type { FilingSpec, ScenarioSpec } from './scenarios';
import { SCENARIOS } from './scenarios';

export interface DemoSettlePerson {
  psn_no: string;
  certno: string;
  psn_name: string;
  insutype: '310' | '390';
  category: 'in_service' | 'retired' | 'resident';
  insu_stas: 'active' | 'suspended';
  insuplc_admdvs: string;
  chronic_certified?: string[];
  /** settle/v2: medical-assistance category (低保 low_income, 特困 extreme_poverty) */
  assistance?: string;
}

export interface DemoFiling {
  kind: 'long_term' | 'temporary';
  type: FilingSpec['type'];
  mdtrtarea_admvs: string;
  begndate: string;
  enddate: string | null;
  fixmedins_codes: string[] | null;
  wi_confirmed?: boolean;
  wi_confirmations?: WiConfirmation[];
}

export interface DemoFilingRow {
  filing_id: string;
  scheme: 'medical' | 'work_injury';
  person: DemoSettlePerson;
  filing: DemoFiling;
}

export interface DemoAccumulators {
  year: number;
  inpatient_admissions: number;
  hifp_pay: string;
  large_pay: string;
  outpatient_dedc: string;
  outpatient_fund: string;
  chronic_dedc: Record<string, string>;
  chronic_fund: Record<string, string>;
  acct_balance: string;
  /** settle/v2 year-to-date figures: the serious-illness qualifying amount and what serious illness
   * and medical assistance paid (a scenario may start with earlier stays of the year). */
  hifmi_base: string;
  hifmi_pay: string;
  maf_pay: string;
}

export interface DemoPerson {
  person: DemoSettlePerson;
  gender: 'male' | 'female';
  birth_date: string;
  emp_name: string;
  /** The opaque token of the person's medical insurance electronic certificate (医保电子凭证) QR code,
   * resolved online only (1101 with mdtrt_cert_type 01). */
  ecert_token: string;
  work_injury_insured: boolean;
  scenario: string | null;
  label_zh: string;
  label_en: string;
  filings: DemoFilingRow[];
  accumulators: DemoAccumulators;
}

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '高',
  '林',
  '罗',
];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '秀英',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '涛',
  '明',
  '超',
  '秀兰',
  '霞',
  '平',
  '刚',
  '桂英',
  '建平',
  '玉梅',
];
const EMPLOYERS = [
  '市政工程有限公司',
  '机械制造有限公司',
  '建筑安装工程有限公司',
  '物流有限公司',
  '煤业集团有限公司',
  '电力设备有限公司',
  '商贸有限公司',
];

export interface PersonIds {
  certno(district: string, birth: string, gender: 'male' | 'female'): string;
  psnNo(admdvs: string): string;
  filingId(admdvs: string): string;
}

export function personIds(prng: Prng): PersonIds {
  const certnos = new Set<string>();
  let psnSeq = 0;
  let filingSeq = 0;
  return {
    certno(district, birth, gender) {
      for (;;) {
        const seq = prng.int(0, 499) * 2 + (gender === 'male' ? 1 : 0);
        const first17 = `${district}${compactDate(birth)}${String(seq).padStart(3, '0')}`;
        const id = first17 + citizenIdCheckChar(first17);
        if (!certnos.has(id)) {
          certnos.add(id);
          return id;
        }
      }
    },
    psnNo: (admdvs) => `${admdvs}${String(++psnSeq).padStart(10, '0')}`,
    filingId: (admdvs) => `BA${admdvs}${String(++filingSeq).padStart(8, '0')}`,
  };
}

function filingFrom(spec: FilingSpec, today: string): DemoFiling {
  const filing: DemoFiling = {
    kind: spec.kind,
    type: spec.type,
    mdtrtarea_admvs: spec.admvs ?? TREATMENT_PROVINCE.admdvs,
    begndate: addDays(today, spec.begin),
    enddate: spec.end === null ? null : addDays(today, spec.end),
    fixmedins_codes: spec.designated ? [...spec.designated] : null,
  };
  if (spec.scheme === 'work_injury') filing.wi_confirmed = spec.wi_confirmed ?? false;
  if (spec.wi_confirmations) filing.wi_confirmations = [...spec.wi_confirmations];
  return filing;
}

function money(prng: Prng, max: number): string {
  return `${prng.int(0, max)}.${String(prng.int(0, 99)).padStart(2, '0')}`;
}

function personFrom(spec: ScenarioSpec, today: string, ids: PersonIds, prng: Prng): DemoPerson {
  const place = insuredPlace(spec.place);
  const person: DemoSettlePerson = {
    psn_no: ids.psnNo(place.admdvs),
    certno: ids.certno(place.district, spec.birth, spec.sex),
    psn_name: spec.name,
    insutype: spec.insutype,
    category: spec.category,
    insu_stas: spec.suspended ? 'suspended' : 'active',
    insuplc_admdvs: place.admdvs,
  };
  if (spec.chronic) person.chronic_certified = [...spec.chronic];
  if (spec.assistance) person.assistance = spec.assistance;
  const filings = spec.filings.map((f) => ({
    filing_id: ids.filingId(place.admdvs),
    scheme: f.scheme,
    person,
    filing: filingFrom(f, today),
  }));
  const acc = spec.acc ?? {};
  const accumulators: DemoAccumulators = {
    year: yearOf(today),
    inpatient_admissions: acc.inpatient_admissions ?? 0,
    hifp_pay: acc.hifp_pay ?? '0.00',
    large_pay: acc.large_pay ?? '0.00',
    outpatient_dedc: acc.outpatient_dedc ?? '0.00',
    outpatient_fund: '0.00',
    chronic_dedc: Object.fromEntries((spec.chronic ?? []).map((c) => [c, '0.00'])),
    chronic_fund: Object.fromEntries((spec.chronic ?? []).map((c) => [c, '0.00'])),
    acct_balance: acc.acct_balance ?? (spec.insutype === '310' ? money(prng, 3000) : '0.00'),
    hifmi_base: acc.hifmi_base ?? '0.00',
    hifmi_pay: acc.hifmi_pay ?? '0.00',
    maf_pay: '0.00',
  };
  return {
    person,
    gender: spec.sex,
    birth_date: spec.birth,
    emp_name: spec.category === 'resident' ? '' : `${place.name_zh}${prng.pick(EMPLOYERS)}`,
    ecert_token: `ECT${Array.from({ length: 4 }, () => prng.int(0, 0xffffffff).toString(16).toUpperCase().padStart(8, '0')).join('')}`,
    work_injury_insured: spec.work_injury_insured ?? false,
    scenario: spec.key,
    label_zh: spec.label_zh,
    label_en: spec.label_en,
    filings,
    accumulators,
  };
}

/** A generated person: any insured place but the treatment province, a filing that is valid today
 * in most cases, expired or not yet valid in a few. */
function generatedSpec(i: number, today: string, prng: Prng): ScenarioSpec {
  const places = INSURED_PLACES.filter((p) => !p.admdvs.startsWith(TREATMENT_PROVINCE.code));
  const place = prng.pick(places);
  const category = prng.pick(['in_service', 'in_service', 'retired', 'retired', 'resident'] as const);
  const age = category === 'retired' ? prng.int(61, 85) : prng.int(20, 59);
  const birth = addDays(`${yearOf(today) - age}-01-01`, prng.int(0, 364));
  const sex = prng.chance(0.5) ? 'male' : 'female';
  const wi = category === 'in_service' && prng.chance(0.15);
  const roll = prng.next();
  let filing: FilingSpec;
  if (wi) {
    filing = {
      scheme: 'work_injury',
      kind: 'long_term',
      type: 'long_term_resident',
      begin: -prng.int(10, 300),
      end: 365 - prng.int(10, 60),
      wi_confirmed: prng.chance(0.8),
    };
  } else if (roll < 0.55) {
    const type =
      category === 'retired'
        ? 'resettled_retiree'
        : prng.pick(['long_term_resident', 'posted_worker'] as const);
    filing = { scheme: 'medical', kind: 'long_term', type, begin: -prng.int(30, 2000), end: null };
  } else if (roll < 0.85) {
    const type = prng.pick(['referral', 'emergency', 'other_temporary'] as const);
    const begin = -prng.int(1, 150);
    filing = { scheme: 'medical', kind: 'temporary', type, begin, end: begin + 183 + prng.int(0, 30) };
  } else if (roll < 0.93) {
    const begin = -prng.int(200, 400);
    filing = { scheme: 'medical', kind: 'temporary', type: 'other_temporary', begin, end: begin + 183 };
  } else {
    const begin = prng.int(3, 30);
    filing = { scheme: 'medical', kind: 'temporary', type: 'referral', begin, end: begin + 183 };
  }
  const expired = filing.end !== null && filing.end < 0;
  const notYet = filing.begin > 0;
  const state = expired
    ? ['备案已过期', 'filing expired']
    : notYet
      ? ['备案尚未生效', 'filing not yet valid']
      : ['备案有效', 'valid filing'];
  const scheme =
    filing.scheme === 'work_injury'
      ? ['工伤', 'work injury']
      : [
          category === 'resident' ? '居民医保' : '职工医保',
          category === 'resident' ? 'resident scheme' : 'employee scheme',
        ];
  return {
    key: `generated-${i + 1}`,
    name: prng.pick(SURNAMES) + prng.pick(GIVEN),
    sex,
    birth,
    place: place.admdvs,
    insutype: category === 'resident' ? '390' : '310',
    category,
    work_injury_insured: wi,
    filings: [filing],
    acc: { inpatient_admissions: prng.int(0, 2), hifp_pay: money(prng, 20000) },
    card: { spec: prng.chance(0.6) ? '3.00' : '2.00' },
    label_zh: `${scheme[0]}·${state[0]}·${place.name_zh}参保`,
    label_en: `${scheme[1]}, ${state[1]}, insured in ${place.name_en}`,
  };
}

export function buildPeople(
  today: string,
  count: number,
  prng: Prng,
): { people: DemoPerson[]; specs: ScenarioSpec[] } {
  const ids = personIds(prng.fork('ids'));
  const specs: ScenarioSpec[] = [...SCENARIOS];
  const gen = prng.fork('generated');
  for (let i = 0; specs.length < count; i++) specs.push(generatedSpec(i, today, gen));
  const people = specs.map((spec) => {
    const p = personFrom(spec, today, ids, prng);
    if (spec.key.startsWith('generated-')) p.scenario = null;
    return p;
  });
  return { people, specs };
}
