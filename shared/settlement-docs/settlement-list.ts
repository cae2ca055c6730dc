// The national settlement list (医疗保障基金结算清单) of one settlement, as data: every figure it prints
// and where it comes from, without a word of text (the labels are the renderer's i18n tables). Its
// sections follow the list (domain.md "Settlement list (4101)"): basic information, diagnoses and
// operations, the fee table by charge category (chrgitm_summary), fund payments by fund type
// (setldetail), the personal split, and the settlement ids.
import { Decimal, ZERO, formatAmount } from '../money';
import type { ChrgitmSummaryRow, SetldetailRow } from '../settlement';
import { lengthOfStay, type Diagnosis, type Operation } from './encounter';
import type { SettlementRecord } from './record';

export interface FeeTotals {
  amt: string;
  claa_sumfee: string;
  clab_amt: string;
  fulamt_ownpay_amt: string;
  oth_amt: string;
}

/** The four personal payments of the list (domain.md): 个人自费 is the wholly self-paid amount,
 * 个人自付 the rest of what the person pays (account + cash − 自费). */
export interface PersonalSplit {
  /** 个人自付 */
  psn_selfpay: string;
  /** 个人自费 */
  psn_ownpay: string;
  /** 个人账户支付 */
  acct_pay: string;
  /** 个人现金支付 */
  psn_cash_pay: string;
}

export interface SettlementListModel {
  ids: {
    local_setl_id: string;
    setl_id: string | null;
    status: string;
    station_id: string;
    opter: string;
    settled_at: string;
    settle_date: string;
  };
  person: {
    psn_name: string;
    certno: string;
    psn_no: string;
    /** 310 / 390 for medical insurance; absent for work injury */
    insutype: string | null;
    category: string;
    insuplc_admdvs: string;
  };
  institution: { fixmedins_code: string; mdtrtarea_admvs: string; hosp_lv: number };
  encounter: {
    scheme: string;
    setl_type: string;
    encounter_no: string;
    /** a stay (inpatient, rehabilitation): the list shows its dates and length */
    stay: boolean;
    adm_date: string | null;
    dscg_date: string;
    stay_days: number | null;
    dept_codg: string | null;
    dept_name: string | null;
    dr_codg: string | null;
    dr_name: string | null;
    /** chronic outpatient only: the chronic disease settled (its code and, from the policy, its name) */
    chronic: { code: string; name: string | null } | null;
  };
  /** the main diagnosis first, then the others in the bill's order */
  diagnoses: Diagnosis[];
  operations: Operation[];
  fees: { rows: ChrgitmSummaryRow[]; total: FeeTotals; byCategory: boolean };
  funds: { rows: SetldetailRow[]; total: string };
  personal: PersonalSplit;
}

export function personalSplit(setlinfo: SettlementRecord['result']['setlinfo']): PersonalSplit {
  return {
    psn_selfpay: formatAmount(new Decimal(setlinfo.psn_part_amt).minus(setlinfo.fulamt_ownpay_amt)),
    psn_ownpay: setlinfo.fulamt_ownpay_amt,
    acct_pay: setlinfo.acct_pay,
    psn_cash_pay: setlinfo.psn_cash_pay,
  };
}

export function feeTotals(rows: readonly ChrgitmSummaryRow[]): FeeTotals {
  const sum = (pick: (r: ChrgitmSummaryRow) => string) =>
    formatAmount(rows.reduce((s, r) => s.plus(pick(r)), ZERO));
  return {
    amt: sum((r) => r.amt),
    claa_sumfee: sum((r) => r.claa_sumfee),
    clab_amt: sum((r) => r.clab_amt),
    fulamt_ownpay_amt: sum((r) => r.fulamt_ownpay_amt),
    oth_amt: sum((r) => r.oth_amt),
  };
}

export function settlementListModel(record: SettlementRecord): SettlementListModel {
  const { request, result } = record;
  const enc = record.encounter;
  const adm = enc?.adm_date ?? request.admission_date ?? null;
  // settle_date is the discharge / settlement date of the contract when the bill gave no discharge date
  const dscg = enc?.dscg_date ?? request.settle_date;
  const chronicCode = request.setl_type === 'chronic_outpatient' ? (request.dise_codg ?? null) : null;
  const diseases = request.policy?.chronic?.diseases ?? {};
  const summary = result.chrgitm_summary;
  const stay = request.setl_type === 'inpatient' || request.setl_type === 'rehab';
  const diagnoses = [...(enc?.diseinfo ?? [])].sort(
    (a, b) => Number(b.maindiag_flag) - Number(a.maindiag_flag),
  );
  return {
    ids: {
      local_setl_id: record.local_setl_id,
      setl_id: record.setl_id,
      status: record.status,
      station_id: record.station_id,
      opter: record.opter,
      settled_at: record.settled_at,
      settle_date: record.settle_date,
    },
    person: {
      psn_name: record.psn_name,
      certno: record.certno,
      psn_no: record.psn_no,
      insutype: request.scheme === 'medical' ? (request.person.insutype ?? null) : null,
      category: request.person.category,
      insuplc_admdvs: request.person.insuplc_admdvs,
    },
    institution: {
      fixmedins_code: request.institution.fixmedins_code,
      mdtrtarea_admvs: request.institution.mdtrtarea_admvs,
      hosp_lv: request.institution.hosp_lv,
    },
    encounter: {
      scheme: request.scheme,
      setl_type: request.setl_type,
      encounter_no: record.encounter_no,
      stay,
      adm_date: adm,
      dscg_date: dscg,
      stay_days: ['inpatient', 'rehab'].includes(request.setl_type)
        ? lengthOfStay(adm ?? undefined, dscg)
        : null,
      dept_codg: enc?.dept_codg ?? null,
      dept_name: enc?.dept_name ?? null,
      dr_codg: enc?.dr_codg ?? null,
      dr_name: enc?.dr_name ?? null,
      chronic: chronicCode
        ? {
            code: chronicCode,
            name: Object.hasOwn(diseases, chronicCode) ? (diseases[chronicCode]?.name ?? null) : null,
          }
        : null,
    },
    diagnoses,
    operations: [...(enc?.oprninfo ?? [])],
    fees: { rows: summary ?? [], total: feeTotals(summary ?? []), byCategory: summary !== undefined },
    funds: { rows: result.setldetail ?? [], total: result.setlinfo.fund_pay_sumamt },
    personal: personalSplit(result.setlinfo),
  };
}
