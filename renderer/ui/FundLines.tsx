// Every fund a settlement paid, by the name a cashier says (统筹基金, 大额医疗, 大病保险, 医疗救助,
// 工伤保险基金): the result's settlement-list fund detail (settle/v2 `setldetail`), labelled from the
// engine's one table of fund types (FUND_PAY_TYPES: full and short names in both languages), so the
// review, the receipt and any report name a fund alike.
import { useTranslation } from 'react-i18next';
import { FUND_PAY_TYPES, type FundPayType, type SetldetailRow } from '../../shared/settlement';
import { Bilingual, useBilingual } from './Bilingual';
import type { BilingualText } from './bilingual-text';
import { MoneyCell } from './values';

/** The short name of a fund (统筹基金 …) in both languages; `full` gives the settlement list's name. */
export function fundLabel(code: FundPayType, full = false): BilingualText {
  const [zhFull, enFull, zh, en] = FUND_PAY_TYPES[code];
  return full ? { zh: zhFull, en: enFull } : { zh, en };
}

export function FundLines({
  rows,
  testId = 'fund-lines',
}: {
  rows: readonly SetldetailRow[];
  testId?: string;
}) {
  const { t } = useTranslation();
  const bi = useBilingual();
  return (
    <table className="setlinfo fund-lines" data-testid={testId}>
      <caption>{t('review.funds')}</caption>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={2} className="muted">
              {t('review.noFund')}
            </td>
          </tr>
        )}
        {rows.map((r) => (
          <tr key={r.fund_pay_type} data-fund={r.fund_pay_type}>
            <th title={bi(fundLabel(r.fund_pay_type, true))}>
              <Bilingual {...fundLabel(r.fund_pay_type)} />
            </th>
            <MoneyCell amount={r.fund_payamt} data-field="fund_payamt" />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
