// The bill by charge category (settle/v2 chrgitm_summary): amount, 甲类, 乙类, 自费 and 其他 per
// category and in total. One component for the counter's review and the printed settlement list, so
// the two can never name or add up a column differently.
import { MED_CHRGITM_TYPES, type ChrgitmSummaryRow } from '../../shared/settlement';
import { feeTotals } from '../../shared/settlement-docs';
import { NumCells, NumHeads } from './cells';
import { isChinese, messagesFor } from '../i18n';

export function FeeCategoryTable({ rows, lang }: { rows: readonly ChrgitmSummaryRow[]; lang: string }) {
  const m = messagesFor(lang).list;
  const zh = isChinese(lang);
  const total = feeTotals(rows);
  const figures = (r: Omit<ChrgitmSummaryRow, 'med_chrgitm_type'>) => (
    <NumCells values={[r.amt, r.claa_sumfee, r.clab_amt, r.fulamt_ownpay_amt, r.oth_amt]} />
  );
  return (
    <table className="fee-categories" data-testid="fee-categories">
      <thead>
        <tr>
          <th>{m.feeItem}</th>
          <NumHeads labels={[m.amt, m.claa, m.clab, m.ownpay, m.other]} />
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.med_chrgitm_type} data-category={r.med_chrgitm_type}>
            <td>{MED_CHRGITM_TYPES[r.med_chrgitm_type][zh ? 0 : 1]}</td>
            {figures(r)}
          </tr>
        ))}
        <tr className="total">
          <td>{m.total}</td>
          {figures(total)}
        </tr>
      </tbody>
    </table>
  );
}
