// Who is at the counter: the cached filings for the ID number first (works offline); when none is
// cached, the platform's person info (1101) — online only. A QR token is resolved online only and
// never settled on while unresolved (cards.md).
import { personInfoOutputSchema } from '../../../shared/protocol';
import type { Person } from '../../../shared/settlement';
import type { CardReadEvent } from '../../../shared/station-api';
import { findFilings, type FilingRow, type StationDb } from '../../db';
import type { PlatformPort } from '../../sync';

export interface ResolvedPerson {
  person: Person | null;
  filings: FilingRow[];
  /** why no person could be found, in both languages */
  problem: { zh: string; en: string } | null;
}

const CATEGORY: Record<string, Person['category']> = {
  '11': 'in_service',
  '21': 'retired',
  '15': 'resident',
};

/** Maps a 1101 answer onto the settle/v1 person (first basic-medical insurance record). */
export function personFrom1101(output: unknown): Person | null {
  const parsed = personInfoOutputSchema.safeParse(output);
  if (!parsed.success) return null;
  const { baseinfo, insuinfo } = parsed.data;
  const insu = insuinfo.find((i) => i.insutype === '310' || i.insutype === '390') ?? insuinfo[0];
  if (!insu) return null;
  return {
    psn_no: baseinfo.psn_no,
    certno: baseinfo.certno,
    psn_name: baseinfo.psn_name,
    insutype: insu.insutype === '390' ? '390' : '310',
    category: CATEGORY[insu.psn_type] ?? (insu.insutype === '390' ? 'resident' : 'in_service'),
    insu_stas: insu.psn_insu_stas === '1' ? 'active' : 'suspended',
    insuplc_admdvs: insu.insuplc_admdvs,
  };
}

export async function resolvePerson(
  db: StationDb,
  port: PlatformPort,
  card: CardReadEvent,
): Promise<ResolvedPerson> {
  if (card.kind !== 'qr-token' && card.ssn) {
    const filings = await findFilings(db, { certno: card.ssn });
    if (filings.length > 0) return { person: filings[0]!.person, filings, problem: null };
  }
  const byToken = card.kind === 'qr-token';
  const certNo = byToken ? (card.token ?? '') : card.ssn;
  if (!certNo) {
    return {
      person: null,
      filings: [],
      problem: { zh: '卡片未读出身份证号：请输入身份证号', en: 'The card gave no ID number: type it in' },
    };
  }
  try {
    const output = await port.call('1101', {
      data: {
        mdtrt_cert_type: byToken ? '01' : card.certType === '03' ? '03' : '02',
        mdtrt_cert_no: certNo,
        ...(card.cardNo ? { card_sn: card.cardNo } : {}),
      },
    });
    const person = personFrom1101(output);
    if (!person)
      return {
        person: null,
        filings: [],
        problem: { zh: '平台返回的人员信息不完整', en: 'The platform’s person info is incomplete' },
      };
    const filings = await findFilings(db, { psn_no: person.psn_no });
    return { person: filings[0]?.person ?? person, filings, problem: null };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return byToken
      ? {
          person: null,
          filings: [],
          problem: {
            zh: `电子凭证需联网解析，当前无法解析（${message}）：请刷实体卡或输入身份证号`,
            en: `QR codes resolve online only and could not be resolved (${message}): use the physical card or type the ID number`,
          },
        }
      : {
          person: null,
          filings: [],
          problem: {
            zh: `本地无此人备案，联网查询失败（${message}）`,
            en: `No filing cached for this person and the online lookup failed (${message})`,
          },
        };
  }
}
