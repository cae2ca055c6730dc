import { Decimal, ZERO } from '../money';
import { REFUSAL_MESSAGES } from './messages';
import { isCrossProvince, provinceOfDivision } from './province';
import type { RefusalCode, Refusal, TraceEntry } from './result';
import type { Filing, SettleRequest } from './schema';

export interface Eligibility {
  crossProvince: boolean;
  refusal: Refusal[];
  /** Percentage points taken off every payment ratio (contract step 1, "The ratio reduction"). */
  reduction: Decimal;
  trace: TraceEntry[];
}

const validOn = (filing: Filing, date: string): boolean =>
  filing.begndate <= date && (filing.enddate === null || date <= filing.enddate);

/**
 * Step 1 of settle/v1: every refusal reason that applies, in the contract's order, and the ratio
 * reduction. For local treatment the filing is not consulted at all.
 */
export function checkEligibility(req: SettleRequest): Eligibility {
  const { person, institution, filing, circumstances: c } = req;
  const medical = req.scheme === 'medical';
  const crossProvince = isCrossProvince(person.insuplc_admdvs, institution.mdtrtarea_admvs);
  const codes: RefusalCode[] = [];
  const trace: TraceEntry[] = [];
  const admission = req.admission_date ?? req.settle_date;

  trace.push(
    crossProvince
      ? {
          step: 'eligibility',
          rule: 'CROSS_PROVINCE',
          zh: `参保地${person.insuplc_admdvs}与就医地${institution.mdtrtarea_admvs}不同省，属跨省就医，执行就医地目录、参保地政策`,
          en: `Insured place ${person.insuplc_admdvs} and treatment place ${institution.mdtrtarea_admvs} are in different provinces: treatment place catalog, insured place policy`,
        }
      : {
          step: 'eligibility',
          rule: 'LOCAL',
          zh: `参保地与就医地同省（${provinceOfDivision(person.insuplc_admdvs)}），不查备案`,
          en: `Insured place and treatment place are in the same province (${provinceOfDivision(person.insuplc_admdvs)}): no filing needed`,
        },
  );

  if (person.insu_stas !== 'active') codes.push('INSURANCE_SUSPENDED');
  if (c.third_party_liable) codes.push('THIRD_PARTY_LIABLE');
  if (medical && c.trauma && !c.trauma_commitment_signed) codes.push('TRAUMA_COMMITMENT_MISSING');

  const emergencyCountsAsFiled = medical && c.emergency;
  if (crossProvince && filing === null && !emergencyCountsAsFiled) codes.push('NOT_FILED');
  if (crossProvince && filing !== null) {
    if (provinceOfDivision(filing.mdtrtarea_admvs) !== provinceOfDivision(institution.mdtrtarea_admvs)) {
      codes.push('FILING_OTHER_PLACE');
    }
    // A filing made after admission but before discharge (补办备案) is valid: either date suffices.
    if (!validOn(filing, admission) && !validOn(filing, req.settle_date)) {
      codes.push(req.settle_date < filing.begndate ? 'FILING_NOT_YET_VALID' : 'FILING_EXPIRED');
    }
    if (filing.fixmedins_codes !== null && !filing.fixmedins_codes.includes(institution.fixmedins_code)) {
      codes.push('NOT_DESIGNATED');
    }
    if (!medical && filing.wi_confirmed !== true) codes.push('WORK_INJURY_NOT_CONFIRMED');
  }
  if (req.setl_type === 'chronic_outpatient') {
    const code = req.dise_codg ?? '';
    if (!req.policy?.chronic?.diseases[code]) codes.push('CHRONIC_DISEASE_NOT_COVERED');
    if (!(person.chronic_certified ?? []).includes(code)) codes.push('CHRONIC_NOT_CERTIFIED');
  }

  const reduction = codes.length === 0 ? ratioReduction(req, crossProvince, trace) : ZERO;
  if (codes.length === 0 && crossProvince && filing) {
    trace.push({
      step: 'eligibility',
      rule: 'FILING_VALID',
      zh: `备案有效（${filing.begndate}至${filing.enddate ?? '长期'}），可直接结算`,
      en: `Filing valid (${filing.begndate} to ${filing.enddate ?? 'open-ended'}): direct settlement allowed`,
    });
  }
  const refusal = codes.map((code) => ({
    code,
    message: REFUSAL_MESSAGES[code].zh,
    message_en: REFUSAL_MESSAGES[code].en,
  }));
  for (const r of refusal)
    trace.push({
      step: 'eligibility',
      rule: r.code,
      zh: `不能直接结算：${r.message}`,
      en: `Refused: ${r.message_en}`,
    });
  return { crossProvince, refusal, reduction, trace };
}

/**
 * 0 for local treatment, long-term filings and work injury; the insured place's reduction for a
 * temporary medical filing (by its type) or for an unfiled medical emergency.
 */
function ratioReduction(req: SettleRequest, crossProvince: boolean, trace: TraceEntry[]): Decimal {
  if (!crossProvince || req.scheme !== 'medical') return ZERO;
  const reductions = req.policy?.cross_province?.reduction ?? {};
  let key: 'referral' | 'emergency' | 'other_temporary';
  if (req.filing === null) key = 'emergency';
  else if (req.filing.kind === 'temporary') key = req.filing.type as typeof key;
  else return ZERO;
  const value = new Decimal(reductions[key] ?? '0');
  const pct = value.times(100).toString();
  const label = {
    referral: ['转诊转院', 'referral'],
    emergency: ['急诊抢救', 'emergency'],
    other_temporary: ['其他临时外出', 'other temporary'],
  }[key];
  trace.push({
    step: 'eligibility',
    rule: 'REDUCTION',
    zh: `${req.filing === null ? '急诊抢救视同备案，' : ''}临时外出就医（${label[0]}）支付比例降低${pct}个百分点`,
    en: `${req.filing === null ? 'Emergency counts as filed; ' : ''}temporary treatment (${label[1]}): payment ratios lowered by ${pct} percentage points`,
  });
  return value;
}
