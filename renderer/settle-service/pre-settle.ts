// Online before offline (docs/sync.md): on F8, when the platform answers, the station asks it
// for the settlement it would make now (2303), before anything is committed. Agreement → commit as
// computed; a difference → the person is refreshed (8103) and the preview to commit carries the
// platform's figures (the cashier confirms them, side by side with the station's); a refusal →
// nothing is committed; no answer within the timeout → commit as computed, marked offline.
import { ulid } from '../../shared/ids';
import { chinaOffsetIso, preSettleOutputSchema, type PreSettleAnswer } from '../../shared/protocol';
import type { SettleResult } from '../../shared/settlement';
import type { PresettleMark, StationDb } from '../db';
import {
  callWithin,
  DEFAULT_ONLINE_TIMEOUT_MS,
  offlineReason,
  refreshPerson,
  type PlatformPort,
} from '../sync';
import type { StationProfile } from './build-request';

/** What 2303 said about a preview, for the counter to show before it commits. */
export type PreSettlement<P> =
  | { kind: 'agreed'; mark: PresettleMark }
  | {
      kind: 'differs';
      mark: PresettleMark;
      differences: Extract<PreSettleAnswer, { outcome: 'discrepancy' }>['differences'];
      station: SettleResult;
      /** the preview to commit once the cashier confirms: the platform's figures */
      preview: P;
    }
  | { kind: 'refused'; reasons: Extract<PreSettleAnswer, { outcome: 'rejected' }>['reasons'] }
  | { kind: 'offline'; mark: PresettleMark };

export interface PreSettleDeps<P> {
  db: StationDb;
  station: StationProfile;
  platform: PlatformPort;
  timeoutMs?: number;
  now: () => Date;
  randomBytes: (n: number) => Uint8Array;
  /** computes the same bill again after the person's rows were refreshed */
  recompute: (p: P) => Promise<P>;
}

type PreviewLike = {
  request: { person: { psn_no: string } } & Record<string, unknown>;
  result: SettleResult;
  dataVersions: Record<string, number>;
};

export async function preSettle<P extends PreviewLike>(
  deps: PreSettleDeps<P>,
  p: P,
  opts: { opter: string; encounter_no: string },
): Promise<PreSettlement<P>> {
  // The platform's figures leave out this person's settlements (and cancels) it has not had yet: a
  // 2303 now would answer against accumulators that are about to move. The counter uploads right
  // after each commit, so this is the offline backlog; it settles offline, as before.
  const psnNo = p.request.person.psn_no;
  if (
    (await deps.db.outbox.where('psn_no').equals(psnNo).count()) +
      (await deps.db.cancels.where('psn_no').equals(psnNo).count()) >
    0
  )
    return { kind: 'offline', mark: { outcome: 'offline', reason: 'PENDING_UPLOAD' } };
  const at = deps.now();
  const timeoutMs = deps.timeoutMs ?? DEFAULT_ONLINE_TIMEOUT_MS;
  // The 8201 settlement object as the commit would upload it; its id is a throwaway (2303 stores nothing).
  const settlement = {
    local_setl_id: ulid(at.getTime(), deps.randomBytes(10)),
    station_id: deps.station.station_id,
    opter: opts.opter,
    settled_at: chinaOffsetIso(at.getTime()),
    mdtrt_id: opts.encounter_no,
    request: p.request,
    result: p.result,
    data_versions: p.dataVersions,
  };
  let answer: PreSettleAnswer;
  try {
    const output = await callWithin(deps.platform, '2303', { data: { settlement } }, timeoutMs);
    const parsed = preSettleOutputSchema.safeParse(output);
    if (!parsed.success) return { kind: 'offline', mark: { outcome: 'offline', reason: 'INVALID_ANSWER' } };
    answer = parsed.data;
  } catch (e) {
    return { kind: 'offline', mark: { outcome: 'offline', reason: offlineReason(e) } };
  }
  const mark = (outcome: 'agreed' | 'platform_figures'): PresettleMark => ({
    outcome,
    at: deps.now().toISOString(),
  });
  if (answer.outcome === 'confirmed') return { kind: 'agreed', mark: mark('agreed') };
  if (answer.outcome === 'rejected') return { kind: 'refused', reasons: answer.reasons };
  // The cache was behind: bring the person up to date, so the commit's accumulators basis and the
  // next settlement start from the platform's rows, then take the platform's figures as the result.
  await refreshPerson(deps.db, deps.platform, p.request.person.psn_no, { timeoutMs, now: deps.now });
  const again = await deps.recompute(p);
  return {
    kind: 'differs',
    mark: mark('platform_figures'),
    differences: answer.differences,
    station: p.result,
    preview: { ...again, result: answer.platform_result },
  };
}
