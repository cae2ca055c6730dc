// The encounter data a hospital system hands over with a bill (docs/bill-import.md, "Encounter data"):
// dates, department, doctor, diagnoses (ICD-10 医保版) and operations (ICD-9-CM-3 医保版). The bill's
// lines are settled; this is kept with the settlement for the national settlement list (its sections
// "basic information" and "diagnoses and operations") and the FHIR export. Field names follow the
// national settlement list (4101: diseinfo, oprninfo, maindiag_flag …) where it has one.
import { z } from 'zod';
import { hasControlCharacter } from '../text';
import { isIsoDate } from '../settlement';

const text = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, { error: `${what}不能为空 / must not be empty` })
    .max(max, { error: `${what}最长${max}个字符 / at most ${max} characters` })
    .refine((v) => !hasControlCharacter(v), { error: `${what}含控制字符 / contains a control character` });

/** ICD-10 医保版 (the national medical-insurance edition, version 2.0): a letter, two digits, then an
 * optional dotted extension ("J18.900", "I10.x00", "K35.800x002"); or a morphology code ("M80000/3"). */
export const ICD10_CODE = /^(?:[A-Z]\d{2}(?:\.[0-9A-Za-z]{1,8})?|M\d{4,5}\/\d)$/;
/** ICD-9-CM-3 医保版 operation codes: two digits, then an optional dotted extension ("47.0100x001"). */
export const ICD9CM3_CODE = /^\d{2}(?:\.[0-9A-Za-z]{1,8})?$/;

const date = z.string().refine(isIsoDate, { error: '日期须为YYYY-MM-DD / a date is YYYY-MM-DD' });

export const diagnosisSchema = z.object({
  diag_code: z.string().regex(ICD10_CODE, {
    error: '不是ICD-10医保版诊断编码（如 J18.900） / not an ICD-10 医保版 diagnosis code (e.g. J18.900)',
  }),
  diag_name: text(200, '诊断名称'),
  /** "1" the main diagnosis (主要诊断), "0" a secondary one (其他诊断) */
  maindiag_flag: z.enum(['1', '0']),
});

export const operationSchema = z.object({
  oprn_oprt_code: z.string().regex(ICD9CM3_CODE, {
    error: '不是ICD-9-CM-3医保版手术编码（如 47.0100x001） / not an ICD-9-CM-3 医保版 operation code',
  }),
  oprn_oprt_name: text(200, '手术名称'),
  oprn_oprt_date: date.optional(),
});

/** At most this many diagnoses and operations: the national list has 50 rows for each; a file with
 * more is not a settlement list's data. */
export const MAX_DIAGNOSES = 50;
export const MAX_OPERATIONS = 50;

export const encounterInfoSchema = z
  .object({
    adm_date: date.optional(),
    dscg_date: date.optional(),
    dept_codg: text(30, '科室编码').optional(),
    dept_name: text(100, '科室名称').optional(),
    dr_codg: text(30, '医师编码').optional(),
    dr_name: text(50, '医师姓名').optional(),
    diseinfo: z.array(diagnosisSchema).max(MAX_DIAGNOSES).default([]),
    oprninfo: z.array(operationSchema).max(MAX_OPERATIONS).default([]),
  })
  .superRefine((e, ctx) => {
    if (e.adm_date && e.dscg_date && e.dscg_date < e.adm_date)
      ctx.addIssue({
        code: 'custom',
        path: ['dscg_date'],
        message: `出院日期早于入院日期（${e.adm_date}） / the discharge date is before the admission date (${e.adm_date})`,
      });
    const main = e.diseinfo.filter((d) => d.maindiag_flag === '1').length;
    if (main > 1)
      ctx.addIssue({
        code: 'custom',
        path: ['diseinfo'],
        message: `主要诊断只能有一个（有${main}个） / only one main diagnosis (there are ${main})`,
      });
  });

export type EncounterInfo = z.infer<typeof encounterInfoSchema>;
export type EncounterInfoInput = z.input<typeof encounterInfoSchema>;
export type Diagnosis = z.infer<typeof diagnosisSchema>;
export type Operation = z.infer<typeof operationSchema>;

/** True when the encounter says nothing at all (a bill without encounter data). */
export function isEmptyEncounter(e: EncounterInfo): boolean {
  return (
    e.diseinfo.length === 0 &&
    e.oprninfo.length === 0 &&
    [e.adm_date, e.dscg_date, e.dept_codg, e.dept_name, e.dr_codg, e.dr_name].every((v) => v === undefined)
  );
}

/** The national list's length of stay (实际住院天数): discharge minus admission, a same-day stay
 * counting one day. Null without both dates. */
export function lengthOfStay(admission: string | undefined, discharge: string | undefined): number | null {
  if (!admission || !discharge) return null;
  const days = (Date.parse(`${discharge}T00:00:00Z`) - Date.parse(`${admission}T00:00:00Z`)) / 86_400_000;
  return Math.max(1, Math.round(days));
}
