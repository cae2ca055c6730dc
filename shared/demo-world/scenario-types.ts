// The shape of a named demo person (scenario). Dates are offsets in days from the day the world is
// seeded, so a world seeded on any day has the same situations.

import type { WiConfirmation } from '../settlement';

export type FilingKind = 'long_term' | 'temporary';
export type FilingType =
  'resettled_retiree' | 'long_term_resident' | 'posted_worker' | 'referral' | 'emergency' | 'other_temporary';

export interface FilingSpec {
  scheme: 'medical' | 'work_injury';
  kind: FilingKind;
  type: FilingType;
  /** days from today */
  begin: number;
  /** days from today; null = open-ended */
  end: number | null;
  /** the province filed for; default the treatment province */
  admvs?: string;
  designated?: string[];
  wi_confirmed?: boolean;
  /** settle/v2: what the insured place confirmed (replaces wi_confirmed when given) */
  wi_confirmations?: WiConfirmation[];
}

export interface CardSpec {
  spec: '2.00' | '3.00';
  damaged?: boolean;
  expired?: boolean;
}

export interface ScenarioSpec {
  key: string;
  name: string;
  sex: 'male' | 'female';
  birth: string;
  place: string;
  insutype: '310' | '390';
  category: 'in_service' | 'retired' | 'resident';
  work_injury_insured?: boolean;
  suspended?: boolean;
  chronic?: string[];
  /** settle/v2: the medical-assistance category (a key of the policy's medical_assistance.ratio) */
  assistance?: string;
  filings: FilingSpec[];
  acc?: {
    inpatient_admissions?: number;
    hifp_pay?: string;
    large_pay?: string;
    outpatient_dedc?: string;
    acct_balance?: string;
    /** settle/v2: the serious-illness qualifying amount of earlier stays this year */
    hifmi_base?: string;
    hifmi_pay?: string;
  };
  card: CardSpec;
  label_zh: string;
  label_en: string;
}

export const LONG = (type: FilingType, begin = -730): FilingSpec => ({
  scheme: 'medical',
  kind: 'long_term',
  type,
  begin,
  end: null,
});
