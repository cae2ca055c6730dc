// The platform's answer to a settlement as every screen shows it: the figures that differ (station →
// platform) and the reasons of a rejection or refusal, in the language on screen. The queue's tasks
// and the history's detail show them alike.
import { useTranslation } from 'react-i18next';
import type { Difference, Reason } from '../db';
import { Bilingual } from './Bilingual';
import { describeReason } from './describe-error';
import { MoneyCell } from './values';

export function Differences({
  differences,
  testId,
}: {
  differences: readonly Difference[];
  testId?: string;
}) {
  const { t } = useTranslation();
  if (differences.length === 0) return null;
  return (
    <table className="lines" data-testid={testId}>
      <tbody>
        {differences.map((d) => (
          <tr key={d.field}>
            <th>{t(`setlinfo.${d.field}`)}</th>
            <MoneyCell amount={d.station} />
            <td className="num">→ {d.platform}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Reasons({ reasons, itemTestId }: { reasons: readonly Reason[]; itemTestId?: string }) {
  return (
    <>
      {reasons.map((r) => (
        <div key={r.code} data-testid={itemTestId} data-code={r.code}>
          {r.code}: <Bilingual {...describeReason(r)} />
        </div>
      ))}
    </>
  );
}
