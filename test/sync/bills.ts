// Offline settling for the sync tests (bills from ./bills-lines), and the people a station can
// settle offline (a medical filing here, a policy in force).
import { inpatientLines, outpatientLines } from './bills-lines';
import type { StationDb } from '../../renderer/db';
import type { JournalPort } from '../../renderer/journal';
import { openTestJournal } from '../support/test-journal';
import {
  createSettleService,
  type Preview,
  type SettleService,
  type StationProfile,
} from '../../renderer/settle-service';
import { readRows } from '../../renderer/db';

export { inpatientLines, outpatientLines };

export interface OfflineSettler {
  service: SettleService;
  /** previews and commits a bill for psn_no; returns the preview, or null when settle() refuses it */
  settle(
    psn_no: string,
    kind: 'inpatient' | 'outpatient',
    /** encounter_no: the hospital's encounter number; a fresh one for every call when omitted */
    opts?: { days?: number; encounter_no?: string },
  ): Promise<Preview | null>;
}

export function offlineSettler(
  db: StationDb,
  station: StationProfile,
  today: string,
  journal: JournalPort = openTestJournal().port,
): OfflineSettler {
  const service = createSettleService({ db, station, journal });
  return {
    service,
    async settle(psn_no, kind, opts = {}) {
      const preview = await service.preview({
        who: { psn_no },
        scheme: 'medical',
        setl_type: kind,
        settle_date: today,
        admission_date: today,
        lines: kind === 'inpatient' ? inpatientLines(opts.days ?? 5) : outpatientLines(),
      });
      if (preview.result.status !== 'settled') return null;
      await service.commit(preview, {
        opter: 'cashier-01',
        encounter_no: opts.encounter_no ?? `ZY-${crypto.randomUUID()}`,
      });
      return preview;
    },
  };
}

/** People with a medical filing in the station's cache whose bill settle() accepts here. */
export async function settleablePeople(
  db: StationDb,
  station: StationProfile,
  today: string,
): Promise<string[]> {
  const service = createSettleService({ db, station, journal: openTestJournal().port });
  const psnNos = [
    ...new Set(
      [...(await readRows(db, 'filings')).values()]
        .filter((f) => f.scheme === 'medical')
        .map((f) => f.psn_no),
    ),
  ];
  const out: string[] = [];
  for (const psn_no of psnNos) {
    const p = await service
      .preview({
        who: { psn_no },
        scheme: 'medical',
        setl_type: 'outpatient',
        settle_date: today,
        lines: outpatientLines(),
      })
      .catch(() => null);
    if (p?.result.status === 'settled') out.push(psn_no);
  }
  return out;
}

/** A small seeded PRNG (mulberry32) so random crash points and fault plans are reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
