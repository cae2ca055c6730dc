// The national medical type (med_type, 医疗类别) a 2301 fee detail carries, as the counter's
// settlement type, for the medical scheme: 11 普通门诊, 14 门诊慢特病, 21 普通住院. Other codes (and the
// work-injury scheme, whose types the national medical list does not name) leave the type as it is.
import type { SetlType } from '../../../db';

const MED_TYPES: Record<string, Extract<SetlType, 'inpatient' | 'outpatient' | 'chronic_outpatient'>> = {
  '11': 'outpatient',
  '14': 'chronic_outpatient',
  '21': 'inpatient',
};

export function setlTypeOfMedType(medType: string | undefined): SetlType | undefined {
  return medType !== undefined && Object.hasOwn(MED_TYPES, medType) ? MED_TYPES[medType] : undefined;
}
