// 1101 人员信息获取: identifies a person by ID number (02), social security card (03: card number, or
// the social security number, with card_sn checked when given) or the electronic certificate's
// token (01, online only).

import { cstDate } from '../../shared/protocol';
import { PlatformRefusal } from '../context';
import type { StoredPerson } from '../db/seed';
import type { Handler } from './types';

function age(birth: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birth.slice(0, 4));
  return today.slice(5) < birth.slice(5) ? years - 1 : years;
}

const PSN_TYPE = { in_service: '11', retired: '21', resident: '15' } as const;

export const personInfo: Handler<'1101'> = async (ctx, { input }) => {
  const d = input.data;
  let rows: { person_json: string }[];
  if (d.mdtrt_cert_type === '01')
    rows = await ctx.db.query('SELECT person_json FROM people WHERE ecert_token = $1', [d.mdtrt_cert_no]);
  else if (d.mdtrt_cert_type === '02')
    rows = await ctx.db.query('SELECT person_json FROM people WHERE certno = $1', [
      d.mdtrt_cert_no.toUpperCase(),
    ]);
  else
    rows = await ctx.db.query('SELECT person_json FROM people WHERE card_no = $1 OR certno = $1', [
      d.mdtrt_cert_no.toUpperCase(),
    ]);
  if (rows.length === 0)
    throw new PlatformRefusal('PERSON_NOT_FOUND', `mdtrt_cert_type ${d.mdtrt_cert_type}`);
  const p = JSON.parse(rows[0].person_json) as StoredPerson;
  if (d.mdtrt_cert_type === '03' && d.card_sn && p.card && d.card_sn !== p.card.card_id)
    throw new PlatformRefusal('PERSON_NOT_FOUND', 'card_sn does not match the card');
  if (d.psn_name && d.psn_name !== p.person.psn_name)
    throw new PlatformRefusal('PERSON_NOT_FOUND', 'psn_name does not match');
  const today = cstDate(ctx.now());
  // The personal account balance of the latest year on record (ver 0 rows are placeholders that a
  // rejected upload for a new year left behind: never published).
  const acc = await ctx.db.query<{ row_json: string }>(
    "SELECT row_json FROM dataset_rows WHERE dataset = 'accumulators' AND ref = $1 AND NOT deleted AND ver > 0 ORDER BY key DESC LIMIT 1",
    [p.person.psn_no],
  );
  const balance =
    acc.length > 0
      ? ((JSON.parse(acc[0].row_json) as { accumulators: { acct_balance?: string } }).accumulators
          .acct_balance ?? '0.00')
      : '0.00';
  const stas = p.person.insu_stas === 'suspended' ? '2' : '1';
  const insuinfo: {
    balc: string;
    insutype: string;
    psn_type: string;
    psn_insu_stas: string;
    insuplc_admdvs: string;
    emp_name: string;
  }[] = [
    {
      balc: balance,
      insutype: p.person.insutype ?? '310',
      psn_type: PSN_TYPE[p.person.category],
      psn_insu_stas: stas,
      insuplc_admdvs: p.person.insuplc_admdvs,
      emp_name: p.emp_name,
    },
  ];
  if (p.work_injury_insured)
    insuinfo.push({
      balc: '0.00',
      insutype: '410',
      psn_type: '11',
      psn_insu_stas: stas,
      insuplc_admdvs: p.person.insuplc_admdvs,
      emp_name: p.emp_name,
    });
  return {
    baseinfo: {
      psn_no: p.person.psn_no,
      psn_cert_type: '01',
      certno: p.person.certno,
      psn_name: p.person.psn_name,
      gend: p.gender === 'male' ? '1' : '2',
      naty: '01',
      brdy: p.birth_date,
      age: age(p.birth_date, today),
    },
    insuinfo,
  };
};
