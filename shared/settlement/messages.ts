import type { RefusalCode } from './result';

/**
 * What each refusal means, for the cashier to read to the patient (zh-CN first). Sources: settlement
 * contract step 1; the 2022 medical notice (seeds 001/002) and the 2025 work-injury notice (seeds 000/003).
 */
export const REFUSAL_MESSAGES: Record<RefusalCode, { zh: string; en: string }> = {
  INSURANCE_SUSPENDED: {
    zh: '参保状态非正常（暂停参保），不能直接结算',
    en: 'Insurance is suspended: direct settlement is not possible',
  },
  THIRD_PARTY_LIABLE: {
    zh: '存在第三方责任，基金不予直接结算',
    en: 'A third party is liable: the funds do not settle directly',
  },
  TRAUMA_COMMITMENT_MISSING: {
    zh: '外伤就医须先签署《无第三方责任外伤承诺书》',
    en: 'Trauma treatment needs the signed commitment letter of no third-party liability',
  },
  INSTITUTION_NOT_CONTRACTED: {
    zh: '本机构未签订该险种的直接结算协议（定点医疗机构或工伤协议机构）',
    en: 'This institution has no direct-settlement agreement for this insurance scheme',
  },
  NOT_FILED: {
    zh: '跨省就医未办理备案（急诊抢救视同备案）',
    en: 'Cross-province treatment without a filing (only medical emergencies count as filed)',
  },
  FILING_OTHER_PLACE: {
    zh: '备案的就医地不是本省',
    en: 'The filing is for another province than this treatment place',
  },
  FILING_TYPE_NOT_ALLOWED: {
    zh: '工伤异地就医仅限异地长期居住（工作）和转诊转院备案',
    en: 'Work-injury treatment elsewhere needs a long-term residence (work) or referral filing',
  },
  FILING_NOT_YET_VALID: {
    zh: '备案在入院日和结算日均未生效',
    en: 'The filing is not yet valid on the admission date nor on the settlement date',
  },
  FILING_EXPIRED: {
    zh: '备案已过期（入院日和结算日均不在有效期内）',
    en: 'The filing has expired (valid neither on the admission date nor on the settlement date)',
  },
  NOT_DESIGNATED: {
    zh: '备案指定的就医机构不含本机构',
    en: 'The filing designates other institutions, not this one',
  },
  WORK_INJURY_NOT_CONFIRMED: {
    zh: '工伤认定（或复发、康复、辅具配置确认）尚未完成',
    en: 'The work-injury determination (or recurrence, rehabilitation or device confirmation) is not done',
  },
  CHRONIC_DISEASE_NOT_COVERED: {
    zh: '参保地政策不含该门诊慢特病',
    en: 'The insured place’s policy does not cover this chronic disease',
  },
  CHRONIC_NOT_CERTIFIED: {
    zh: '参保人未经参保地认定该门诊慢特病',
    en: 'The insured place has not certified this chronic disease for the person',
  },
};
