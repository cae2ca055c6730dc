// The treatment province of the demo world (Hainan, 46) and its networked institutions: hospitals of
// levels 1–3 (medical designated and work-injury agreement), a work-injury rehabilitation center and
// an assistive-device fitting shop. Codes follow fixmedins_code's 12 characters: a kind letter, the
// 6-digit division code of the district, a 5-digit serial. `institution.schemes` (settle/v2) says
// the same as the `medical` / `work_injury` flags, in the settle request's words: the device shop
// and the rehabilitation center settle work injury only, some hospitals medical insurance only.

import type { SCHEMES } from '../settlement';

type Scheme = (typeof SCHEMES)[number];

export const TREATMENT_PROVINCE = {
  code: '46',
  admdvs: '460000',
  name_zh: '海南省',
  name_en: 'Hainan',
} as const;

export type InstitutionKind = 'hospital' | 'rehab_center' | 'device_shop';

export interface DemoInstitution {
  fixmedins_code: string;
  fixmedins_name: string;
  fixmedins_name_en: string;
  kind: InstitutionKind;
  /** designated for basic medical insurance (定点) */
  medical: boolean;
  /** agreement institution for work-injury insurance (协议机构) */
  work_injury: boolean;
  institution: { fixmedins_code: string; mdtrtarea_admvs: string; hosp_lv: 1 | 2 | 3; schemes: Scheme[] };
}

function inst(
  code: string,
  name: string,
  nameEn: string,
  kind: InstitutionKind,
  lvl: 1 | 2 | 3,
  medical: boolean,
  wi: boolean,
): DemoInstitution {
  return {
    fixmedins_code: code,
    fixmedins_name: name,
    fixmedins_name_en: nameEn,
    kind,
    medical,
    work_injury: wi,
    institution: {
      fixmedins_code: code,
      mdtrtarea_admvs: code.slice(1, 7),
      hosp_lv: lvl,
      schemes: [...(medical ? (['medical'] as const) : []), ...(wi ? (['work_injury'] as const) : [])],
    },
  };
}

export const INSTITUTIONS: readonly DemoInstitution[] = [
  inst('H46010600001', '海南省人民医院', 'Hainan General Hospital', 'hospital', 3, true, true),
  inst('H46010800002', '海口市人民医院', 'Haikou People’s Hospital', 'hospital', 3, true, true),
  inst(
    'H46010700003',
    '海口市琼山区人民医院',
    'Qiongshan District People’s Hospital',
    'hospital',
    2,
    true,
    false,
  ),
  inst('H46020300004', '三亚市人民医院', 'Sanya People’s Hospital', 'hospital', 3, true, true),
  inst(
    'H46020400005',
    '三亚市中医院',
    'Sanya Hospital of Traditional Chinese Medicine',
    'hospital',
    2,
    true,
    false,
  ),
  inst(
    'H46010500006',
    '海口市秀英区长流镇卫生院',
    'Changliu Township Health Center',
    'hospital',
    1,
    true,
    false,
  ),
  inst(
    'H46020200007',
    '三亚市海棠区社区卫生服务中心',
    'Haitang Community Health Center',
    'hospital',
    1,
    true,
    false,
  ),
  inst(
    'R46010600008',
    '海南省工伤康复中心',
    'Hainan Work-Injury Rehabilitation Center',
    'rehab_center',
    2,
    false,
    true,
  ),
  inst(
    'F46010800009',
    '海南省康复辅具配置中心',
    'Hainan Assistive Device Fitting Center',
    'device_shop',
    1,
    false,
    true,
  ),
];

/** The institution each demo scenario happens at (the cashier's "own" institution in the demo). */
export const DEMO_HOSPITAL = 'H46010600001';
export const DEMO_REHAB_CENTER = 'R46010600008';
export const DEMO_DEVICE_SHOP = 'F46010800009';
