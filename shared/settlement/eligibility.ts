import type { Decimal } from '../money';
import { ZERO } from '../money';
import { filingWindow, isWiFilingType, validIn } from './filing-window';
import { REFUSAL_MESSAGES } from './messages';
import { isCrossProvince, provinceOfDivision } from './province';
import { ratioReduction } from './reduction';
import type { RefusalCode, Refusal, TraceEntry } from './result';
import type { SettleRequest, WiConfirmation } from './schema';

export interface Eligibility {
  crossProvince: boolean;
  refusal: Refusal[];
  /** Percentage points taken off every payment ratio (contract step 1, "The ratio reduction"). */
  reduction: Decimal;
  /** The filing rows a medical emergency did not refuse on (settle/v2: emergencies are regarded as filed). */
  waived: Refusal[];
  trace: TraceEntry[];
}

/**
 * The filing rows an emergency never refuses on (settle/v2 Step 1, seed 002: emergencies are "regarded
 * as having been filed"). Suspension, third party, trauma letter and institution still refuse.
 */
const EMERGENCY_WAIVES: ReadonlySet<RefusalCode> = new Set([
  'NOT_FILED',
  'FILING_OTHER_PLACE',
  'FILING_NOT_YET_VALID',
  'FILING_EXPIRED',
  'NOT_DESIGNATED',
]);

/**
 * What each work-injury settlement type needs confirmed when the filing lists its confirmations
 * (settle/v2 Step 1, seed 003: "工伤认定、工伤复发确认、工伤康复确认或辅助器具配置确认").
 */
const WI_NEEDS: Record<'inpatient' | 'rehab' | 'device', readonly WiConfirmation[]> = {
  inpatient: ['injury', 'recurrence'],
  rehab: ['rehab'],
  device: ['device'],
};

const toRefusal = (code: RefusalCode): Refusal => ({
  code,
  message: REFUSAL_MESSAGES[code].zh,
  message_en: REFUSAL_MESSAGES[code].en,
});

/**
 * Step 1 (settle/v2): every refusal reason that applies, in the contract's order, the reasons an
 * emergency waived, and the ratio reduction. For local treatment the filing is not consulted at all.
 */
export function checkEligibility(req: SettleRequest): Eligibility {
  const { person, institution, circumstances: c } = req;
  const medical = req.scheme === 'medical';
  const crossProvince = isCrossProvince(person.insuplc_admdvs, institution.mdtrtarea_admvs);
  const codes: RefusalCode[] = [];
  const trace: TraceEntry[] = [placeTrace(req, crossProvince)];

  if (person.insu_stas !== 'active') codes.push('INSURANCE_SUSPENDED');
  if (c.third_party_liable) codes.push('THIRD_PARTY_LIABLE');
  if (medical && c.trauma && !c.trauma_commitment_signed) codes.push('TRAUMA_COMMITMENT_MISSING');
  // settle/v2: an institution contracted for the other scheme only (local and cross-province alike).
  if (institution.schemes !== undefined && !institution.schemes.includes(req.scheme)) {
    codes.push('INSTITUTION_NOT_CONTRACTED');
  }
  const filingCodes = crossProvince ? filingRows(req, trace) : [];
  const emergency = medical && c.emergency;
  const waivedCodes = emergency ? filingCodes.filter((code) => EMERGENCY_WAIVES.has(code)) : [];
  codes.push(...filingCodes.filter((code) => !waivedCodes.includes(code)));
  if (req.setl_type === 'chronic_outpatient') {
    const code = req.dise_codg ?? '';
    if (!req.policy?.chronic?.diseases[code]) codes.push('CHRONIC_DISEASE_NOT_COVERED');
    if (!(person.chronic_certified ?? []).includes(code)) codes.push('CHRONIC_NOT_CERTIFIED');
  }

  const waived = waivedCodes.map(toRefusal);
  const reduction = codes.length === 0 ? ratioReduction(req, crossProvince, emergency, waived, trace) : ZERO;
  if (codes.length === 0 && crossProvince && req.filing && waived.length === 0) {
    const w = filingWindow(req.filing, !medical);
    trace.push({
      step: 'eligibility',
      rule: 'FILING_VALID',
      zh: `备案有效（${w.begndate}至${w.end ?? '长期'}），可直接结算`,
      en: `Filing valid (${w.begndate} to ${w.end ?? 'open-ended'}): direct settlement allowed`,
    });
  }
  const refusal = codes.map(toRefusal);
  for (const r of refusal)
    trace.push({
      step: 'eligibility',
      rule: r.code,
      zh: `不能直接结算：${r.message}`,
      en: `Refused: ${r.message_en}`,
    });
  return { crossProvince, refusal, reduction, waived, trace };
}

function placeTrace(req: SettleRequest, crossProvince: boolean): TraceEntry {
  const { person, institution } = req;
  return crossProvince
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
      };
}

/** The rows of step 1 that read the filing, cross-province only, in the contract's order. */
function filingRows(req: SettleRequest, trace: TraceEntry[]): RefusalCode[] {
  const { filing, institution } = req;
  const workInjury = req.scheme === 'work_injury';
  if (filing === null) return ['NOT_FILED'];
  const codes: RefusalCode[] = [];
  if (provinceOfDivision(filing.mdtrtarea_admvs) !== provinceOfDivision(institution.mdtrtarea_admvs)) {
    codes.push('FILING_OTHER_PLACE');
  }
  if (workInjury && !isWiFilingType(filing.type)) codes.push('FILING_TYPE_NOT_ALLOWED');
  const window = filingWindow(filing, workInjury);
  if (window.trace) trace.push(window.trace);
  // A filing made after admission but before discharge (补办备案) is valid: either date suffices.
  const admission = req.admission_date ?? req.settle_date;
  if (!validIn(window, admission) && !validIn(window, req.settle_date)) {
    codes.push(req.settle_date < filing.begndate ? 'FILING_NOT_YET_VALID' : 'FILING_EXPIRED');
  }
  if (filing.fixmedins_codes !== null && !filing.fixmedins_codes.includes(institution.fixmedins_code)) {
    codes.push('NOT_DESIGNATED');
  }
  if (workInjury) {
    const confirmed = wiConfirmation(req);
    if (confirmed === null) codes.push('WORK_INJURY_NOT_CONFIRMED');
    else if (confirmed !== 'wi_confirmed') {
      const [zh, en] = CONFIRMATION_LABEL[confirmed];
      trace.push({
        step: 'eligibility',
        rule: 'WI_CONFIRMATION',
        zh: `参保地已出具${zh}，可直接结算`,
        en: `The insured place has issued the ${en}: direct settlement allowed`,
      });
    }
  }
  return codes;
}

const CONFIRMATION_LABEL: Record<WiConfirmation, [string, string]> = {
  injury: ['工伤认定', 'work-injury determination'],
  recurrence: ['工伤复发确认', 'recurrence confirmation'],
  rehab: ['工伤康复确认', 'rehabilitation confirmation'],
  device: ['辅助器具配置确认', 'assistive-device confirmation'],
};

/**
 * settle/v2: with `wi_confirmations`, the confirmation this settlement type needs (null if none);
 * without, v1's `wi_confirmed` ('wi_confirmed' or null).
 */
function wiConfirmation(req: SettleRequest): WiConfirmation | 'wi_confirmed' | null {
  const filing = req.filing!;
  if (filing.wi_confirmations === undefined) return filing.wi_confirmed === true ? 'wi_confirmed' : null;
  const needs = WI_NEEDS[req.setl_type as keyof typeof WI_NEEDS];
  return needs.find((n) => filing.wi_confirmations!.includes(n)) ?? null;
}
