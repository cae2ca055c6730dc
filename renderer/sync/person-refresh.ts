// The person at the counter, fresh from the platform: at a card read the station asks 8103 for that
// one person's filings (tombstones included) and accumulators, with a short timeout, and writes the
// rows that are newer than its cache in one Dexie transaction. Which is newer, the versions say: a
// cached row pulled by 8101 is at most the dataset's checkpoint (since_ver), a row written here keeps
// the version it came with (`ver`), so a platform row replaces the cached one only when its version
// is above both. Accumulators merge as in an 8101 page (apply-page.ts): while the person has a
// settlement or cancel in the outbox the station keeps its own running figures.
import { personRowsOutputSchema, type PersonRows } from '../../shared/protocol';
import type { AccumulatorRow, FilingRow, StationDb } from '../db';
import { deleteRows, filingSegment, getRow, rowStores } from '../db';
import { mergeAccumulators, toFilingRow } from './apply-page';
import { failureCode, type PlatformPort } from './platform-port';
import { currentAsOf, PULL_CHECKED } from './pull';

/** The default wait for the live rows (and for 2303 on F8): the counter must not stall on a slow link. */
export const DEFAULT_ONLINE_TIMEOUT_MS = 1500;

export type PersonFreshness =
  { source: 'live'; at: string; changed: number } | { source: 'cache'; asOf: string | null; reason: string };

class Late extends Error {
  constructor(readonly ms: number) {
    super(`no answer within ${ms} ms`);
  }
}

/** One platform call that gives up after `ms` (the host aborts it then too). */
export async function callWithin(port: PlatformPort, infno: string, input: unknown, ms: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      port.call(infno, input, { timeoutMs: ms }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Late(ms)), ms + 100);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Why an online call did not count: TIMEOUT for no answer in time, else the platform's code. */
export function offlineReason(e: unknown): string {
  return e instanceof Late ? 'TIMEOUT' : failureCode(e);
}

/** When the cache was last brought up to date for people: the older of the two datasets' pulls. */
export async function cacheAsOf(db: StationDb): Promise<string | null> {
  const [cps, checked] = await Promise.all([
    db.checkpoints.bulkGet(['filings', 'accumulators']),
    db.sync_state.get(PULL_CHECKED),
  ]);
  if (cps.some((c) => !c)) return null;
  return cps.map((c) => currentAsOf(c, checked?.value, c!.dataset) ?? c!.updated_at).sort()[0] ?? null;
}

interface NewerRows {
  putFilings: FilingRow[];
  gone: string[];
  newerAcc: PersonRows['accumulators'];
}

/** The answer's rows that are newer than the cache (reads only). */
async function newerThanCache(db: StationDb, psnNo: string, rows: PersonRows): Promise<NewerRows> {
  const [fcp, acp] = await db.checkpoints.bulkGet(['filings', 'accumulators']);
  const cached = async <T extends { ver?: number }>(get: Promise<T | undefined>, since = 0) =>
    Math.max((await get)?.ver ?? 0, since);
  const putFilings: FilingRow[] = [];
  const gone: string[] = [];
  for (const f of rows.filings) {
    if (f.ver <= (await cached(getRow(db, 'filings', f.key), fcp?.since_ver))) continue;
    if (f.deleted) gone.push(f.key);
    else if (f.row.person.psn_no === psnNo) putFilings.push({ ...toFilingRow(f.row), ver: f.ver });
  }
  const newerAcc: PersonRows['accumulators'] = [];
  for (const a of rows.accumulators)
    if (a.row.psn_no === psnNo && a.ver > (await cached(getRow(db, 'accumulators', a.key), acp?.since_ver)))
      newerAcc.push(a);
  return { putFilings, gone, newerAcc };
}

const count = (n: NewerRows) => n.putFilings.length + n.gone.length + n.newerAcc.length;

/** Writes the answer's rows that are newer than the cache; returns how many it wrote or deleted.
 * Most card reads find nothing newer: that is found by reading alone, so the verdict's own reads of
 * the same stores, made at the same moment, do not queue behind a readwrite transaction. */
export async function applyPersonRows(db: StationDb, psnNo: string, rows: PersonRows): Promise<number> {
  const stores = [...rowStores(db, 'filings'), ...rowStores(db, 'accumulators')];
  const seen = await db.transaction('r', [...stores, db.checkpoints], async () =>
    newerThanCache(db, psnNo, rows),
  );
  if (count(seen) === 0) return 0;
  return db.transaction('rw', [...stores, db.segments, db.checkpoints, db.outbox, db.cancels], async () => {
    // again inside the write: a pull may have stored newer rows since the read above
    const newer = await newerThanCache(db, psnNo, rows);
    const { putFilings, gone, newerAcc } = newer;
    // a refreshed row goes to the row store, where it wins over a pulled one; a filing gone is
    // deleted there and over any pulled row (renderer/db/packs.ts)
    if (gone.length > 0) await deleteRows(db, 'filings', gone);
    if (putFilings.length > 0) await db.filings.bulkPut(putFilings);
    if (putFilings.length > 0 || gone.length > 0) await db.segments.add(filingSegment(putFilings, gone));
    if (newerAcc.length > 0) {
      const merged: AccumulatorRow[] = await mergeAccumulators(
        db,
        newerAcc.map((a) => a.row),
      );
      await db.accumulators.bulkPut(merged.map((m, i) => ({ ...m, ver: newerAcc[i]!.ver })));
    }
    return count(newer);
  });
}

/** Refreshes one person from the platform within `timeoutMs`; never rejects for the platform (an
 * unreachable or slow platform is "from the cache"), only for the station's own database. */
export async function refreshPerson(
  db: StationDb,
  port: PlatformPort,
  psnNo: string,
  opts: { timeoutMs?: number; now?: () => Date } = {},
): Promise<PersonFreshness> {
  const now = opts.now ?? (() => new Date());
  let output: unknown;
  try {
    output = await callWithin(
      port,
      '8103',
      { data: { psn_no: psnNo } },
      opts.timeoutMs ?? DEFAULT_ONLINE_TIMEOUT_MS,
    );
  } catch (e) {
    return { source: 'cache', asOf: await cacheAsOf(db), reason: offlineReason(e) };
  }
  const parsed = personRowsOutputSchema.safeParse(output);
  if (!parsed.success) return { source: 'cache', asOf: await cacheAsOf(db), reason: 'INVALID_ANSWER' };
  const changed = await applyPersonRows(db, psnNo, parsed.data);
  return { source: 'live', at: now().toISOString(), changed };
}
