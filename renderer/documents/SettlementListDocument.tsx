// The national settlement list (医疗保障基金结算清单) of one settlement, on A4, in the list's sections
// (domain.md "Settlement list (4101)"): basic information, diagnoses and operations, the fee table by
// charge category, fund payments by fund type, the personal payments and the settlement ids. Every
// figure comes from the model (shared/settlement-docs), every label from the i18n tables.
import type { ReactNode } from 'react';
import { provinceName } from '../../shared/ids';
import { FUND_PAY_TYPES } from '../../shared/settlement';
import { INSUTYPES, type SettlementListModel } from '../../shared/settlement-docs';
import type { SettlementStatus } from '../db';
import { NumCells, NumHeads } from './cells';
import { isChinese, messagesFor } from '../i18n';
import { formatChinaTime, maskCertno } from '../ui';
import { FeeCategoryTable } from './FeeCategoryTable';
import { fill } from './render-document';

export interface ListDocumentProps {
  model: SettlementListModel;
  lang: string;
  institutionName: string;
  /** when it was printed, an ISO instant */
  printedAt: string;
}

/** Label–value pairs, two to a row, as the national list lays out its basic information. */
function Facts({ pairs }: { pairs: [string, ReactNode][] }) {
  const rows: [string, ReactNode][][] = [];
  for (let i = 0; i < pairs.length; i += 2) rows.push(pairs.slice(i, i + 2));
  return (
    <table className="facts">
      <tbody>
        {rows.map((row) => (
          <tr key={row[0]![0]}>
            {row.map(([label, value]) => [
              <td key={`${label}-l`} className="label">
                {label}
              </td>,
              <td key={`${label}-v`} colSpan={row.length === 1 ? 3 : 1}>
                {value ?? '—'}
              </td>,
            ])}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SettlementListDocument({ model, lang, institutionName, printedAt }: ListDocumentProps) {
  const all = messagesFor(lang);
  const m = all.list;
  const zh = isChinese(lang);
  const { person, encounter: e, ids } = model;
  const place = (code: string) => {
    const p = provinceName(code.slice(0, 2));
    return p ? `${code} ${zh ? p.zh : p.en}` : code;
  };
  const insutype =
    e.scheme === 'work_injury'
      ? INSUTYPES['410']
      : person.insutype
        ? INSUTYPES[person.insutype as '310' | '390']
        : undefined;
  const setlType = all.setlType[e.setl_type as keyof typeof all.setlType] ?? e.setl_type;
  const status = all.status[ids.status as SettlementStatus] ?? ids.status;
  const main = model.diagnoses.filter((d) => d.maindiag_flag === '1');
  return (
    <main data-testid="settlement-list">
      <h1>{e.scheme === 'work_injury' ? m.titleWi : m.title}</h1>
      <div className="sub">
        <span>
          {m.institution}：{institutionName}
        </span>
        <span>
          {m.institutionCode}：{model.institution.fixmedins_code}
        </span>
        <span>
          {m.settleDate}：{ids.settle_date}
        </span>
      </div>
      {ids.status === 'pending' && <div className="note">{m.pending}</div>}

      <h2>{m.basic}</h2>
      <Facts
        pairs={[
          [m.name, person.psn_name],
          [m.certno, maskCertno(person.certno)],
          [m.psnNo, person.psn_no],
          [m.insutype, insutype ? insutype[zh ? 0 : 1] : undefined],
          [
            m.category,
            all.person.category[person.category as keyof typeof all.person.category] ?? person.category,
          ],
          [m.insured, place(person.insuplc_admdvs)],
          [m.treatment, place(model.institution.mdtrtarea_admvs)],
          [m.hospLv, fill(m.hospLvN, { n: model.institution.hosp_lv })],
          [m.setlType, `${all.scheme[e.scheme as keyof typeof all.scheme] ?? e.scheme} · ${setlType}`],
          [m.encounterNo, e.encounter_no],
          // the dates of a stay; an outpatient visit or a device fitting has the settlement date above
          ...(e.stay
            ? ([
                [all.encounter.admission, e.adm_date ?? undefined],
                [all.encounter.discharge, e.dscg_date],
                [all.encounter.stay, e.stay_days === null ? undefined : fill(m.days, { n: e.stay_days })],
              ] as [string, ReactNode][])
            : []),
          [all.encounter.department, e.dept_name ?? e.dept_codg ?? undefined],
          [all.encounter.doctor, e.dr_name ?? e.dr_codg ?? undefined],
          ...(e.chronic
            ? [[m.chronic, [e.chronic.code, e.chronic.name].filter(Boolean).join(' ')] as [string, ReactNode]]
            : []),
        ]}
      />

      <h2>{m.diagnoses}</h2>
      {model.diagnoses.length === 0 ? (
        <p className="muted">{m.noDiagnoses}</p>
      ) : (
        <table data-testid="list-diagnoses">
          <thead>
            <tr>
              <th>{m.diagKind}</th>
              <th>{m.code}</th>
              <th>{m.diagName}</th>
            </tr>
          </thead>
          <tbody>
            {model.diagnoses.map((d, i) => (
              <tr key={`${d.diag_code}-${i}`}>
                <td>
                  {d.maindiag_flag === '1' && main.length > 0
                    ? all.encounter.mainDiag
                    : all.encounter.otherDiag}
                </td>
                <td>{d.diag_code}</td>
                <td>{d.diag_name}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {model.operations.length === 0 ? (
        <p className="muted">{m.noOperations}</p>
      ) : (
        <table data-testid="list-operations">
          <thead>
            <tr>
              <th>{all.encounter.operations}</th>
              <th>{m.code}</th>
              <th>{m.operationDate}</th>
            </tr>
          </thead>
          <tbody>
            {model.operations.map((o, i) => (
              <tr key={`${o.oprn_oprt_code}-${i}`}>
                <td>{o.oprn_oprt_name}</td>
                <td>{o.oprn_oprt_code}</td>
                <td>{o.oprn_oprt_date ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>{m.fees}</h2>
      {model.fees.byCategory ? (
        <FeeCategoryTable rows={model.fees.rows} lang={lang} />
      ) : (
        <p className="muted">{m.noCategories}</p>
      )}

      <h2>{m.funds}</h2>
      <table data-testid="list-funds">
        <thead>
          <tr>
            <th>{m.fundType}</th>
            <th>{m.code}</th>
            <th className="num">{m.fundAmt}</th>
          </tr>
        </thead>
        <tbody>
          {model.funds.rows.length === 0 && (
            <tr>
              <td colSpan={3} className="muted">
                {m.noFunds}
              </td>
            </tr>
          )}
          {model.funds.rows.map((f) => (
            <tr key={f.fund_pay_type} data-fund={f.fund_pay_type}>
              <td>{FUND_PAY_TYPES[f.fund_pay_type][zh ? 0 : 1]}</td>
              <td>{f.fund_pay_type}</td>
              <td className="num">{f.fund_payamt}</td>
            </tr>
          ))}
          <tr className="total">
            <td colSpan={2}>{m.fundTotal}</td>
            <td className="num">{model.funds.total}</td>
          </tr>
        </tbody>
      </table>

      <h2>{m.personal}</h2>
      <table data-testid="list-personal">
        <thead>
          <tr>
            <NumHeads
              labels={[m.psnSelfpay, m.psnOwnpay, all.setlinfo.acct_pay, all.setlinfo.psn_cash_pay]}
            />
          </tr>
        </thead>
        <tbody>
          <tr>
            <NumCells
              values={[
                model.personal.psn_selfpay,
                model.personal.psn_ownpay,
                model.personal.acct_pay,
                model.personal.psn_cash_pay,
              ]}
            />
          </tr>
        </tbody>
      </table>

      <h2>{m.ids}</h2>
      <Facts
        pairs={[
          [all.receipt.localId, ids.local_setl_id],
          [all.receipt.setlId, ids.setl_id ?? undefined],
          [m.status, status],
          [all.receipt.settledAt, formatChinaTime(ids.settled_at)],
          [m.stationId, ids.station_id],
          [all.receipt.opter, ids.opter],
          [m.printedAt, formatChinaTime(printedAt)],
        ]}
      />
      <div className="sign">
        <span>{m.signInstitution}</span>
        <span>{m.signPatient}</span>
      </div>
    </main>
  );
}
