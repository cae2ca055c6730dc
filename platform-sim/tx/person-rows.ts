// 8103 one person's rows: the filings (tombstones included, so a revoked filing reaches the station
// before its next 8101 pull) and the published accumulators (ver 0 rows are placeholders a rejected
// upload left behind, never published) of one psn_no, each with its version, read in one snapshot.

import type { DatasetRow, PersonRows } from '../../shared/protocol';
import type { Accumulators } from '../../shared/settlement';
import { currentVersion, rowsByRef } from '../db/datasets';
import type { Handler } from './types';

type AccumulatorRow = { key: string; psn_no: string; accumulators: Accumulators };

export const personRows: Handler<'8103'> = (ctx, { input }) =>
  ctx.db.transaction(async (tx): Promise<PersonRows> => {
    const psnNo = input.data.psn_no;
    const ver = await currentVersion(tx);
    const filings = await rowsByRef<DatasetRow<'filings'>>(tx, 'filings', psnNo);
    const accumulators = await rowsByRef<AccumulatorRow>(tx, 'accumulators', psnNo);
    return {
      ver,
      filings: filings.map((f) =>
        f.deleted
          ? { key: f.key, ver: f.ver, deleted: true as const }
          : { key: f.key, ver: f.ver, deleted: false as const, row: f.row },
      ),
      accumulators: accumulators
        .filter((a) => !a.deleted && a.ver > 0)
        .map((a) => ({ key: a.key, ver: a.ver, deleted: false as const, row: a.row })),
    };
  });
