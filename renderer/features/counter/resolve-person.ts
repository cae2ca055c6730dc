// Who is at the counter: the cached filings for the ID number first (works offline); when none is
// cached, the platform's person info (1101) — online only. A QR token is resolved online only and
// never settled on while unresolved (cards.md). Only the platform call is caught here (its failure is
// the "why" the cashier reads); a database failure rejects, and the counter store shows it as an error.
import { personInfoOutputSchema } from '../../../shared/protocol';
import type { Person } from '../../../shared/settlement';
import type { CardReadEvent } from '../../../shared/station-api';
import { findFilings, type FilingRow, type StationDb } from '../../db';
import type { PlatformPort } from '../../sync';
import { describeError, type BilingualText } from '../../ui';

/** Why no person could be found: a translation key, with the platform's failure when there was one. */
export interface PersonProblem {
  key: 'person.noIdOnCard' | 'person.incomplete' | 'person.qrOffline' | 'person.lookupFailed';
  detail?: BilingualText;
}

export type ResolvedPerson =
  | { person: Person; filings: FilingRow[]; problem: null }
  | { person: null; filings: []; problem: PersonProblem };

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

const problem = (key: PersonProblem['key'], detail?: BilingualText): ResolvedPerson => ({
  person: null,
  filings: [],
  problem: detail ? { key, detail } : { key },
});

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
  if (!certNo) return problem('person.noIdOnCard');
  let output: unknown;
  try {
    output = await port.call('1101', {
      data: {
        mdtrt_cert_type: byToken ? '01' : card.certType === '03' ? '03' : '02',
        mdtrt_cert_no: certNo,
        ...(card.cardNo ? { card_sn: card.cardNo } : {}),
      },
    });
  } catch (e) {
    return problem(byToken ? 'person.qrOffline' : 'person.lookupFailed', describeError(e));
  }
  const person = personFrom1101(output);
  if (!person) return problem('person.incomplete');
  const filings = await findFilings(db, { psn_no: person.psn_no });
  return filings.length > 0
    ? { person: filings[0]!.person, filings, problem: null }
    : { person, filings: [], problem: null };
}
