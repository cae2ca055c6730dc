// What the counter makes of an imported bill beyond its lines: the encounter number and data, the
// admission date, the settlement type a 2301 bill's medical type names, and the refusal of a bill
// that is for someone else than the person at the counter.
import type { Scheme, SetlType } from '../../../db';
import type { BillInputs, BillSource } from '../counter-store';
import { err, type BillImport, type BillImportError } from './errors';

/** The national medical type (med_type, 医疗类别) of a 2301 fee detail as the counter's settlement
 * type, for the medical scheme: 11 普通门诊, 14 门诊慢特病, 21 普通住院. Other codes (and the
 * work-injury scheme, whose types the national medical list does not name) leave the type as it is. */
const MED_TYPES: Record<string, Extract<SetlType, 'inpatient' | 'outpatient' | 'chronic_outpatient'>> = {
  '11': 'outpatient',
  '14': 'chronic_outpatient',
  '21': 'inpatient',
};

export function setlTypeOfMedType(medType: string | undefined): SetlType | undefined {
  return medType !== undefined && Object.hasOwn(MED_TYPES, medType) ? MED_TYPES[medType] : undefined;
}

export type LoadableBill = Partial<BillInputs> & Pick<BillInputs, 'lines' | 'source'>;

/** The bill to load, or why not: the file's errors, or a bill for another person. */
export function billToLoad(
  result: BillImport,
  counter: { psn_no?: string; scheme: Scheme },
  source: BillSource,
): { errors: BillImportError[] } | { bill: LoadableBill } {
  if (result.errors.length > 0) return { errors: result.errors };
  if (result.psn_no && counter.psn_no && result.psn_no !== counter.psn_no)
    return {
      errors: [
        err(
          1,
          'psn_no',
          `账单属于另一位参保人（${result.psn_no}），不是当前患者（${counter.psn_no}）`,
          `the bill is for another insured person (${result.psn_no}), not the patient at the counter (${counter.psn_no})`,
        ),
      ],
    };
  const setlType = counter.scheme === 'medical' ? setlTypeOfMedType(result.med_type) : undefined;
  return {
    bill: {
      lines: result.lines,
      source,
      encounter: result.encounter ?? null,
      // a file without an encounter number keeps the one the cashier typed
      ...(result.mdtrt_id ? { mdtrtId: result.mdtrt_id } : {}),
      ...(result.encounter?.adm_date ? { admissionDate: result.encounter.adm_date } : {}),
      ...(setlType ? { setlType } : {}),
    },
  };
}
