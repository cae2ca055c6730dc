// The encounter data that came with an imported bill (docs/bill-import.md, "Encounter data"): dates,
// department, doctor, diagnoses and operations, shown under the bill so the cashier sees what the
// settlement list will print. Labels are the settlement list's own (i18n encounter.*).
import { useTranslation } from 'react-i18next';
import type { EncounterInfo } from '../../../shared/settlement-docs';

export function EncounterSummary({ encounter }: { encounter: EncounterInfo }) {
  const { t } = useTranslation();
  const main = encounter.diseinfo.filter((d) => d.maindiag_flag === '1');
  const others = encounter.diseinfo.filter((d) => d.maindiag_flag !== '1');
  const facts: [string, string | undefined][] = [
    [t('encounter.admission'), encounter.adm_date],
    [t('encounter.discharge'), encounter.dscg_date],
    [t('encounter.department'), encounter.dept_name ?? encounter.dept_codg],
    [t('encounter.doctor'), encounter.dr_name ?? encounter.dr_codg],
    [t('encounter.mainDiag'), main.map((d) => `${d.diag_code} ${d.diag_name}`).join('；') || undefined],
    [t('encounter.otherDiag'), others.map((d) => `${d.diag_code} ${d.diag_name}`).join('；') || undefined],
    [
      t('encounter.operations'),
      encounter.oprninfo
        .map((o) => [o.oprn_oprt_code, o.oprn_oprt_name, o.oprn_oprt_date].filter(Boolean).join(' '))
        .join('；') || undefined,
    ],
  ];
  return (
    <dl className="encounter-summary" data-testid="encounter-summary">
      {facts
        .filter(([, v]) => v !== undefined)
        .map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}
