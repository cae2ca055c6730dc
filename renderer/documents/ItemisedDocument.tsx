// The itemised bill of a settlement, on A4: every line with its charge category, its class (甲/乙/丙,
// off the catalog, the work-injury or device catalog, meal or transport) and what step 2 made of it —
// full self-pay, over the price ceiling, pre-self-pay, in-policy. The total row is the settlement's
// own setlinfo (the contract makes the items add up to it).
import { MED_CHRGITM_TYPES } from '../../shared/settlement';
import { itemisedLines, type LineClass, type SettlementRecord } from '../../shared/settlement-docs';
import { NumCells, NumHeads } from './cells';
import { isChinese, messagesFor, type Messages } from '../i18n';
import { formatChinaTime, maskCertno } from '../ui';
import { fill } from './render-document';

/** More lines than this do not make a printable document (nor fit print.receiptPdf's page limit). */
export const MAX_ITEMISED_LINES = 5000;

function classLabel(m: Messages, cls: LineClass): string {
  if (cls === 'class_01' || cls === 'class_02' || cls === 'class_03')
    return m.catalog.class[cls.slice(-2) as '01' | '02' | '03'];
  return m.itemised.kind[cls];
}

export function ItemisedDocument({
  record,
  lang,
  institutionName,
  printedAt,
}: {
  record: SettlementRecord;
  lang: string;
  institutionName: string;
  printedAt: string;
}) {
  const all = messagesFor(lang);
  const m = all.itemised;
  const zh = isChinese(lang);
  const lines = itemisedLines(record.request, record.result.items);
  const s = record.result.setlinfo;
  const heads = [m.sn, all.list.code, all.bill.name, m.category, m.cls];
  const numHeads = [all.bill.cnt, all.bill.pric, all.bill.amount, m.ownpay, m.overlmt, m.preselfpay, m.inscp];
  return (
    <main data-testid="itemised">
      <h1>{m.title}</h1>
      <div className="sub">
        <span>
          {all.list.institution}：{institutionName}
        </span>
        <span>
          {all.receipt.patient}：{record.psn_name} {maskCertno(record.certno)}
        </span>
        <span>
          {all.list.encounterNo}：{record.encounter_no}
        </span>
        <span>
          {all.receipt.localId}：{record.local_setl_id}
        </span>
        <span>{fill(m.lineCount, { n: lines.length })}</span>
      </div>
      <table>
        <thead>
          <tr>
            {heads.map((h) => (
              <th key={h}>{h}</th>
            ))}
            <NumHeads labels={numHeads} />
          </tr>
        </thead>
        <tbody>
          {lines.map(({ line, name, med_chrgitm_type, cls, item }) => (
            <tr key={line.feedetl_sn} data-class={cls}>
              <td>{line.feedetl_sn}</td>
              <td>{line.med_list_codg}</td>
              <td>{name}</td>
              <td>{MED_CHRGITM_TYPES[med_chrgitm_type][zh ? 0 : 1]}</td>
              <td>{classLabel(all, cls)}</td>
              <NumCells
                values={[
                  line.cnt,
                  line.pric,
                  item.det_item_fee_sumamt,
                  item.fulamt_ownpay_amt,
                  item.overlmt_amt,
                  item.preselfpay_amt,
                  item.inscp_scp_amt,
                ]}
              />
            </tr>
          ))}
          <tr className="total">
            <td colSpan={7}>{m.total}</td>
            <NumCells
              values={[
                s.medfee_sumamt,
                s.fulamt_ownpay_amt,
                s.overlmt_selfpay,
                s.preselfpay_amt,
                s.inscp_scp_amt,
              ]}
            />
          </tr>
        </tbody>
      </table>
      <p className="muted">
        {all.list.printedAt}：{formatChinaTime(printedAt)}
      </p>
    </main>
  );
}
